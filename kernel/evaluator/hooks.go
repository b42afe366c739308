package evaluator

import (
	"context"
	"embed"
	"flag"
	"fmt"
	"io"
	"os"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/traefik/yaegi/interp"

	"github.com/goconc/goconc/kernel/display"
	"github.com/goconc/goconc/kernel/embedfiles"
	"github.com/goconc/goconc/kernel/fieldnames"
	"github.com/goconc/goconc/kernel/methodsets"
	"github.com/goconc/goconc/kernel/namedtypes"
	"github.com/goconc/goconc/kernel/namedvalues"
	"github.com/goconc/goconc/kernel/program"
	"github.com/goconc/goconc/kernel/recursivetypes"
	"github.com/goconc/goconc/kernel/templatecalls"
	"github.com/goconc/goconc/lib/explore"
	"github.com/goconc/goconc/lib/trace"
)

// hooks returns the package generated code calls (program.HooksPath).
func (e *Evaluator) hooks() interp.Exports {
	key := program.HooksPath + "/" + program.HooksName
	exports := interp.Exports{key: {
		"Show":        reflect.ValueOf(show),
		"GoSelf":      reflect.ValueOf(e.goSelf),
		"GoEnter":     reflect.ValueOf(goEnter),
		"GoExit":      reflect.ValueOf(e.goExit),
		"GoFunc":      reflect.ValueOf(e.goFunc),
		"GoCall":      reflect.ValueOf(e.goCall),
		"CellStart":   reflect.ValueOf(e.cellStart),
		"Check":       reflect.ValueOf(e.check),
		"Lap":         reflect.ValueOf(e.lap),
		"Send":        reflect.ValueOf(e.Send),
		"Receive":     reflect.ValueOf(e.Receive),
		"Select":      reflect.ValueOf(e.Select),
		"SendCase":    reflect.ValueOf(SendCase),
		"RecvCase":    reflect.ValueOf(RecvCase),
		"Name":        reflect.ValueOf(nameObject),
		"NameContext": reflect.ValueOf(nameContext),
		"At":          reflect.ValueOf(trace.SetPosition),
		"Recovered":   reflect.ValueOf(recovered),
		"RecoveredIn": reflect.ValueOf(func(v any, fn string, frame bool) any {
			if !frame {
				fn = "" // (a call the deferred call made of its own function)
			}
			return recovered(v, fn)
		}),
		"RecoverFrame":     reflect.ValueOf(recoverFrame),
		"RecoveryMark":     reflect.ValueOf(recoveryMark),
		"RecoveryDone":     reflect.ValueOf(recoveryDone),
		"RecoveryExit":     reflect.ValueOf(recoveryExit),
		"Unwinding":        reflect.ValueOf(unwindingHook),
		"DeferGuard":       reflect.ValueOf(newDeferGuard),
		"Unwrapped":        reflect.ValueOf(unwrapped),
		"Zero":             reflect.ValueOf(zeroValue),
		"TypedNilError":    reflect.ValueOf(typedNilError),
		"TypedNilStringer": reflect.ValueOf(typedNilStringer),
		"TypedNilAs":       reflect.ValueOf(typedNilAs),
		"Rewrapped":        reflect.ValueOf(rewrapped),
		"RewrappedAs":      reflect.ValueOf(rewrappedAs),
		"SameError":        reflect.ValueOf(sameError),
		"Equal":            reflect.ValueOf(equal),
		"EqualNamed":       reflect.ValueOf(equalNamed),
		// What a cell reads of a reflect.Type's name (program's
		// reflectnames.go).
		"ReflectName":    reflect.ValueOf(reflectName),
		"ReflectString":  reflect.ValueOf(reflectString),
		"ReflectPkgPath": reflect.ValueOf(reflectPkgPath),
		"ReflectTypeOf":  reflect.ValueOf(reflectTypeOf),
		"ReflectValueOf": reflect.ValueOf(reflectValueOf),
		// A notebook value as the interface a printer should see it as
		// (program's fmtwrappers.go): the interpreter wraps it so.
		"AsWriter":    reflect.ValueOf(func(w io.Writer) io.Writer { return w }),
		"AsFormatter": reflect.ValueOf(func(f fmt.Formatter) fmt.Formatter { return f }),
		"AsError":     reflect.ValueOf(func(e error) error { return e }),
		"AsStringer":  reflect.ValueOf(func(s fmt.Stringer) fmt.Stringer { return s }),
		"MapKey":      reflect.ValueOf(e.boxes.canonical),
		"Keep":        reflect.ValueOf(e.boxes.keep),
		"Unkeep":      reflect.ValueOf(e.boxes.unkeep),
		"IsMethod":    reflect.ValueOf(isMethod),
		"AsMethod":    reflect.ValueOf(asMethod),
		// Named types that are not structs (program's namedassert.go).
		"BoxedName":    reflect.ValueOf(boxedName),
		"KeepBox":      reflect.ValueOf(keepBox),
		"InBox":        reflect.ValueOf(inBox),
		"BadAssertion": reflect.ValueOf(badAssertion),
		"BadAssertionFrom": reflect.ValueOf(func(from string, x any, have, want string) {
			badAssertionFrom(from, x, have, want)
		}),
		"BadInterface":  reflect.ValueOf(badInterface),
		"BadConversion": reflect.ValueOf(badConversion),
		// Compiled values into the notebook's interfaces (compiledas.go).
		"Dynamic":          reflect.ValueOf((*Dynamic)(nil)),
		"CompiledMethods":  reflect.ValueOf(compiledMethods),
		"NotebookStruct":   reflect.ValueOf(notebookStruct),
		"Retype":           reflect.ValueOf(retype),
		"CompiledValue":    reflect.ValueOf(compiledValue),
		"WrappedValue":     reflect.ValueOf(wrappedValue),
		"IndexOutOfRange":  reflect.ValueOf(indexOutOfRange),
		"SliceOutOfRange":  reflect.ValueOf(sliceOutOfRange),
		"Slice3OutOfRange": reflect.ValueOf(slice3OutOfRange),
		"NegativeShift": reflect.ValueOf(func() {
			panic(runtimeError("runtime error: negative shift amount"))
		}),
		"RangeState": reflect.ValueOf(rangeState),
		"NilDereference": reflect.ValueOf(func() {
			panic(runtimeError("runtime error: invalid memory address or nil pointer dereference"))
		}),
		// (*T).M of a method with a value receiver, given a nil *T
		// (program's methodExpr), as Go's runtime.panicwrap says it.
		"ValueMethodNil": reflect.ValueOf(func(method, typ string) {
			panic(runtimeError("value method " + method + " called using nil *" + typ + " pointer"))
		}),
		"TypeName": reflect.ValueOf(typeName),
		// A group of mutually recursive types, made before the
		// interpreter makes them wrong (program's recursivetypes.go).
		"RecursiveTypes": reflect.ValueOf(func(names ...string) {
			if err := recursivetypes.Build(e.interp, "main", names); err != nil {
				panic(fmt.Errorf("goconc cannot make the reflect types of %s, which lead to each other, for the interpreter: %v", strings.Join(names, ", "), err))
			}
		}),
		// Conversions between a type defined from a compiled struct
		// type and that type (program's compileddefined.go).
		"Relayout": reflect.ValueOf(relayout),
		// %T of interfaces (program's registerTypes).
		"RegisterType":           reflect.ValueOf(registerType),
		"RegisterTypeName":       reflect.ValueOf(fieldnames.RegisterTypeName),
		"RegisterExportedFields": reflect.ValueOf(fieldnames.RegisterExportedFields),
		"DynamicTypeName":        reflect.ValueOf(dynamicTypeName),
		"GoSyntax":               reflect.ValueOf(goSyntax),
		"FormatVerbs":            reflect.ValueOf(formatVerbsHook),
		"FormatNamed":            reflect.ValueOf(formatNamedHook),
		"TypeOnly":               reflect.ValueOf(typeOnlyHook),
		"FormatEach":             reflect.ValueOf(formatEachHook),
		"TypeNamesEach":          reflect.ValueOf(typeNamesEachHook),
		"Underlying":             reflect.ValueOf(underlyingHook),
		"Fields":                 reflect.ValueOf(fieldnames.Value),
		"GoStringFunc":           reflect.ValueOf((*fieldnames.GoStringFunc)(nil)),
		"ErrorFunc":              reflect.ValueOf((*fieldnames.ErrorFunc)(nil)),
		"KeepShape":              reflect.ValueOf(fieldnames.KeepShape),
		"FieldsEach":             reflect.ValueOf(fieldnames.Values),
		"FieldsWrapping":         reflect.ValueOf(fieldnames.ValuesWrapping),
		"FieldsPrinted":          reflect.ValueOf(fieldnames.Printed),
		"FieldsEachPrinted":      reflect.ValueOf(fieldnames.PrintedEach),
		"Plain":                  reflect.ValueOf(fieldnames.Plain),
		"EncodeGob":              reflect.ValueOf(fieldnames.EncodeGob),
		"FlagSetParse":           reflect.ValueOf(e.flagSetParse),
		"PlainTemplate":          reflect.ValueOf(fieldnames.PlainTemplate),
		"RegisterStringer":       reflect.ValueOf(fieldnames.RegisterStringer),
		"PlainJSON":              reflect.ValueOf(fieldnames.PlainJSON),
		"XMLMarshal":             reflect.ValueOf(fieldnames.XMLMarshal),
		"XMLMarshalIndent":       reflect.ValueOf(fieldnames.XMLMarshalIndent),
		"XMLEncode":              reflect.ValueOf(fieldnames.XMLEncode),
		"SlogValue":              reflect.ValueOf(fieldnames.SlogValue),
		"XMLUnmarshal":           reflect.ValueOf(fieldnames.XMLUnmarshal),
		"XMLDecode":              reflect.ValueOf(fieldnames.XMLDecode),
		"RegisterMarshaler":      reflect.ValueOf(fieldnames.RegisterMarshaler),
		// json decoding by the notebook's methods (program's unmarshalers.go).
		"RegisterUnmarshaler": reflect.ValueOf(fieldnames.RegisterUnmarshaler),
		"JSONError":           reflect.ValueOf(fieldnames.JSONError),
		"JSONResult":          reflect.ValueOf(func(b []byte, err error) ([]byte, error) { return b, fieldnames.JSONError(err) }),
		"RegisterFields":      reflect.ValueOf(fieldnames.RegisterFields),
		"RegisterNamedShape":  reflect.ValueOf(fieldnames.RegisterNamedShape),
		"DecodeJSON":          reflect.ValueOf(fieldnames.DecodeJSON),
		"DecodeJSONFrom":      reflect.ValueOf(fieldnames.DecodeJSONFrom),
		"DeclaredField":       reflect.ValueOf(fieldnames.DeclaredField),
		"VisibleFields":       reflect.ValueOf(fieldnames.VisibleFields),
		"FieldByName":         reflect.ValueOf(typeFieldByName),
		"ValueField":          reflect.ValueOf(valueField),
		"TypeField":           reflect.ValueOf(typeField),
		"TypeFields":          reflect.ValueOf(fieldnames.TypeFields),
		"RegisterFieldTypes":  reflect.ValueOf(namedvalues.RegisterFields),
		"ValueFieldByName":    reflect.ValueOf(valueFieldByName),
		"ValueFieldByIndex":   reflect.ValueOf(valueFieldByIndex),
		// The methods of the notebook's struct types to reflect
		// (program's reflectmethods.go).
		"RegisterMethod":   reflect.ValueOf(methodsets.Register),
		"TypeNumMethod":    reflect.ValueOf(methodsets.NumMethod),
		"TypeMethod":       reflect.ValueOf(methodsets.Method),
		"TypeMethodByName": reflect.ValueOf(methodsets.MethodByName),
		"TypeImplements": reflect.ValueOf(func(t, u reflect.Type) bool {
			if implements, ok := namedtypes.Implements(t, u); ok {
				return implements
			}
			return methodsets.Implements(t, namedtypes.Raw(u))
		}),
		// The notebook's named types that are not structs, to reflect
		// (program's reflecttypes.go).
		"RegisterNamedMethod":   reflect.ValueOf(methodsets.RegisterNamed),
		"NamedType":             reflect.ValueOf(namedtypes.Of),
		"NamedValue":            reflect.ValueOf(namedvalues.Of),
		"ValueType":             reflect.ValueOf(namedvalues.Type),
		"ValueString":           reflect.ValueOf(namedvalues.String),
		"PrintedValue":          reflect.ValueOf(printedValue),
		"ValueIndex":            reflect.ValueOf(func(v reflect.Value, i int) reflect.Value { return elemValue(v, v.Index(i)) }),
		"ValueMapIndex":         reflect.ValueOf(func(v, k reflect.Value) reflect.Value { return elemValue(v, v.MapIndex(k)) }),
		"ValueElem":             reflect.ValueOf(func(v reflect.Value) reflect.Value { return elemValue(v, v.Elem()) }),
		"ValueSet":              reflect.ValueOf(fieldnames.SetValue),
		"ValueSetMapIndex":      reflect.ValueOf(fieldnames.SetMapIndexValue),
		"AppendValues":          reflect.ValueOf(fieldnames.AppendValues),
		"RegisterUnderlying":    reflect.ValueOf(namedtypes.RegisterUnderlying),
		"ValueInterface":        reflect.ValueOf(namedvalues.Interface),
		"RawType":               reflect.ValueOf(namedtypes.Raw),
		"RawTypes":              reflect.ValueOf(namedtypes.RawTypes),
		"PointerTo":             reflect.ValueOf(namedtypes.PointerTo),
		"TypeAssignableTo":      reflect.ValueOf(namedtypes.AssignableTo),
		"TypeConvertibleTo":     reflect.ValueOf(namedtypes.ConvertibleTo),
		"TypeImplementsMethods": reflect.ValueOf(methodsets.ImplementsMethods),
		"ValueNumMethod":        reflect.ValueOf(func(v reflect.Value) int { return methodsets.ValueNumMethod(v, valueType(v)) }),
		"ValueMethod":           reflect.ValueOf(func(v reflect.Value, i int) reflect.Value { return methodsets.ValueMethod(v, valueType(v), i) }),
		"ValueMethodByName": reflect.ValueOf(func(v reflect.Value, name string) reflect.Value {
			return methodsets.ValueMethodByName(v, valueType(v), name)
		}),
		"TextTemplateMethods": reflect.ValueOf(templatecalls.Text),
		"HTMLTemplateMethods": reflect.ValueOf(templatecalls.HTML),
		"TemplateError":       reflect.ValueOf(templatecalls.ExecError),
		"Comparable":          reflect.ValueOf(fieldnames.Comparable),
		"DeepEqual":           reflect.ValueOf(fieldnames.DeepEqual),
		// //go:embed's variables, read from the notebook's directory (program's embeds.go).
		"EmbedString":            reflect.ValueOf(func(patterns ...string) string { return embedfiles.String(".", patterns...) }),
		"EmbedBytes":             reflect.ValueOf(func(patterns ...string) []byte { return embedfiles.Bytes(".", patterns...) }),
		"EmbedFS":                reflect.ValueOf(func(patterns ...string) embed.FS { return embedfiles.FS(".", patterns...) }),
		"Scannable":              reflect.ValueOf(scannable),
		"RegisterXMLMarshaler":   reflect.ValueOf(fieldnames.RegisterXMLMarshaler),
		"RegisterXMLUnmarshaler": reflect.ValueOf(fieldnames.RegisterXMLUnmarshaler),
		"PlainXML":               reflect.ValueOf(fieldnames.PlainXML),
		"DecodeXML":              reflect.ValueOf(fieldnames.DecodeXML),
		"AtomicStore":            reflect.ValueOf(atomicStore),
		"AtomicSwap":             reflect.ValueOf(atomicSwap),
		"AtomicCompareAndSwap":   reflect.ValueOf(atomicCompareAndSwap),
		"FieldPointer":           reflect.ValueOf(fieldnames.FieldPointer),
		"DeepEqualValues":        reflect.ValueOf(fieldnames.DeepEqualValues),
		"ComparableBoxed":        reflect.ValueOf(fieldnames.ComparableBoxed),
		"KeptBoxes":              reflect.ValueOf(fieldnames.KeptBoxes),
		"DecodeGob":              reflect.ValueOf(fieldnames.DecodeGob),
		"ComparableNamed":        reflect.ValueOf(func(v any, name string) any { return fieldnames.Boxed{Type: name, Value: fieldnames.Comparable(v)} }),
		"Print":                  reflect.ValueOf(e.printBuiltin(false)),
		"Println":                reflect.ValueOf(e.printBuiltin(true)),
		"ClearMap":               reflect.ValueOf(clearMap),
		"MakeCap":                reflect.ValueOf(makeCap),
		// package unsafe (program's unsafeCalls).
		"UnsafeSlice":      reflect.ValueOf(unsafeSlice),
		"UnsafeSliceData":  reflect.ValueOf(unsafeSliceData),
		"UnsafeString":     reflect.ValueOf(unsafeString),
		"UnsafeStringData": reflect.ValueOf(unsafeStringData),
		// range over a string (program's rangeStringText).
		"DecodeRune": reflect.ValueOf(utf8.DecodeRuneInString),
		// Deferred calls of notebook functions (program's rewriteDefers).
		"DeferredPanic": reflect.ValueOf(newDeferredPanic),
		"RangeDefers":   reflect.ValueOf(newRangeDefers),
		"AllowRecover":  reflect.ValueOf(allowRecover),
		// Scheduling points of explored cells (%%explore).
		"Access": reflect.ValueOf(access),
		"Seen":   reflect.ValueOf(seen),
		"Yield":  reflect.ValueOf(trace.ExploredPoint),
		"Close":  reflect.ValueOf(closeChan),
		// Timers of explored cells: virtual ones in an exploration.
		"TimerStop":   reflect.ValueOf(timerStop),
		"TimerReset":  reflect.ValueOf(timerReset),
		"TickerStop":  reflect.ValueOf(tickerStop),
		"TickerReset": reflect.ValueOf(tickerReset),
	}}
	for name, f := range e.typedChanHooks() {
		exports[key][name] = f
	}
	return exports
}

// typeName is %T of a notebook type, named by the type checker (program's
// fmtVerbs): the interpreter's types have no names.
func typeName(name string, _ any) string { return name }

// registerType records the name of the struct type p points to.
func registerType(name string, p any) {
	if t := reflect.TypeOf(p); t != nil && t.Kind() == reflect.Pointer {
		fieldnames.RegisterStructName(t.Elem(), name)
	}
}

// dynamicTypeName is %T of v, with the notebook's struct types by their
// Go names, in pointers, slices, arrays, maps and channels of them too.
// A named type that is not a struct is its underlying type to reflect:
// the interpreter's box names it, or implementers (a value and a Go name
// for each of the notebook's such types that implement v's interface)
// do when only one of them has v's reflect type.
func dynamicTypeName(v any, implementers ...any) string {
	if e, ok := v.(runtimeError); ok {
		return e.goType()
	}
	if h, ok := heldNilOf(v); ok {
		return h.name
	}
	if name := fieldnames.BoxName(reflect.ValueOf(v)); name != "" {
		return fieldnames.GoName(name)
	}
	rv := notebookValue(v)
	if !rv.IsValid() {
		return "<nil>"
	}
	if name, ok := namedIn(rv.Type()); ok {
		return name
	}
	if name, ok := fieldnames.KeptTypeName(rv); ok {
		return name
	}
	if found, _ := soleImplementer(rv.Type(), implementers); found != "" {
		return found
	}
	if rv.CanInterface() {
		if name, ok := standInName(rv.Interface()); ok {
			return name
		}
		return fieldnames.GoTypeString(rv.Type())
	}
	return fmt.Sprintf("%T", v)
}

// standInName returns %T of the standard library's value for which v is
// one of goconc's stand-ins: a cell's context.Background (backgroundCtx,
// which the cell's stop cancels) and a context lib/context records (its
// traced, around the standard library's *context.cancelCtx or
// *context.timerCtx; an explored cell's deadlined, a *context.timerCtx in
// virtual time), and a view of the notebook's named type (a
// reflect.Type), so that %T says what Go's says.
func standInName(v any) (string, bool) {
	if _, ok := v.(backgroundCtx); ok {
		return "context.backgroundCtx", true
	}
	if t, ok := v.(reflect.Type); ok && (namedtypes.Raw(t) != t || fieldnames.IsTypeView(t)) {
		return "*reflect.rtype", true // a view of a named type (kernel/namedtypes)
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return "", false
	}
	t := rv.Type().Elem()
	if t.PkgPath() != "github.com/goconc/goconc/lib/context" {
		return "", false
	}
	switch t.Name() {
	case "traced":
		if t.NumField() > 0 && t.Field(0).Name == "Context" {
			return dynamicTypeName(rv.Elem().Field(0).Interface()), true
		}
	case "deadlined": // (an explored cell's deadline, in virtual time)
		return "*context.timerCtx", true
	}
	return "", false
}

// soleImplementer returns the name of the one type of implementers (a
// value and a name for each) whose reflect type is t, and how many have it.
func soleImplementer(t reflect.Type, implementers []any) (string, int) {
	found, n := "", 0
	for i := 0; i+1 < len(implementers); i += 2 {
		if reflect.TypeOf(implementers[i]) == t {
			found, _ = implementers[i+1].(string)
			n++
		}
	}
	if n != 1 {
		found = ""
	}
	return found, n
}

// namedIn writes t as %T would, and reports whether a registered struct
// type is in it.
func namedIn(t reflect.Type) (string, bool) {
	if name, ok := fieldnames.StructName(t); ok {
		return name, true
	}
	if t.Name() != "" {
		return t.String(), false
	}
	switch t.Kind() {
	case reflect.Pointer:
		e, ok := namedIn(t.Elem())
		return "*" + e, ok
	case reflect.Slice:
		e, ok := namedIn(t.Elem())
		return "[]" + e, ok
	case reflect.Array:
		e, ok := namedIn(t.Elem())
		return "[" + strconv.Itoa(t.Len()) + "]" + e, ok
	case reflect.Map:
		k, kok := namedIn(t.Key())
		e, eok := namedIn(t.Elem())
		return "map[" + k + "]" + e, kok || eok
	case reflect.Chan:
		e, ok := namedIn(t.Elem())
		switch t.ChanDir() {
		case reflect.RecvDir:
			return "<-chan " + e, ok
		case reflect.SendDir:
			return "chan<- " + e, ok
		}
		return "chan " + e, ok
	case reflect.Func:
		// A method's type: func(*main.Config, string).
		var in, out []string
		found := false
		for i := 0; i < t.NumIn(); i++ {
			p, ok := namedIn(t.In(i))
			if t.IsVariadic() && i == t.NumIn()-1 {
				p, ok = namedIn(t.In(i).Elem())
				p = "..." + p
			}
			in, found = append(in, p), found || ok
		}
		for i := 0; i < t.NumOut(); i++ {
			r, ok := namedIn(t.Out(i))
			out, found = append(out, r), found || ok
		}
		s := "func(" + strings.Join(in, ", ") + ")"
		switch len(out) {
		case 0:
		case 1:
			s += " " + out[0]
		default:
			s += " (" + strings.Join(out, ", ") + ")"
		}
		return s, found
	case reflect.Struct:
		// A struct type written in place: its renamed fields by their
		// declared names (struct { n int }, not struct { Xn int }).
		return fieldnames.GoTypeString(t), false
	}
	return t.String(), false
}

// goSyntax is %#v (spec) of a value of notebook type name, or a pointer to
// one: fmt writes the interpreter's unnamed type first, replaced by name.
func goSyntax(spec, name string, v any) string {
	s := fmt.Sprintf(spec, v)
	t := reflect.TypeOf(v)
	if t == nil {
		return s
	}
	amp := ""
	if t.Kind() == reflect.Pointer && strings.HasPrefix(name, "*") {
		if strings.HasPrefix(s, "&") {
			amp, t, name = "&", t.Elem(), name[1:]
		} else {
			// A nil pointer prints as (*T)(nil).
			return strings.Replace(s, "("+t.String()+")", "("+name+")", 1)
		}
	}
	if rest, ok := strings.CutPrefix(s, amp+t.String()); ok {
		return amp + name + rest
	}
	return s
}

// clearMap is the builtin clear of a map: it removes NaN keys too, which
// no delete can.
func clearMap(m any) {
	if v := reflect.ValueOf(m); v.Kind() == reflect.Map && !v.IsNil() {
		v.Clear()
	}
}

// theEvaluator lets show, which must be a plain function for the
// interpreter's interface mapping, find the evaluator.
var theEvaluator *Evaluator

// show reports the values of a cell's last expression.
func show(vals ...any) {
	e := theEvaluator
	if e == nil || len(vals) == 0 {
		return
	}
	cell := e.cellOf(trace.LabelOf(trace.Current()))
	if len(vals) == 1 {
		if d, ok := display.Render(vals[0]); ok {
			if _, ok := d.Data[display.MIMETypeText]; !ok {
				d.Data[display.MIMETypeText] = "[" + strings.Join(mimeKeys(d), ", ") + "]"
			}
			e.host.Result(cell, d)
			return
		}
	}
	parts := make([]string, len(vals))
	for i, v := range vals {
		parts[i] = Format(v)
	}
	e.host.Result(cell, display.MakeData(display.MIMETypeText, strings.Join(parts, " ")))
}

func mimeKeys(d display.Data) []string {
	var ks []string
	for k := range d.Data {
		ks = append(ks, k)
	}
	return ks
}

// Format writes a value as a cell result: strings quoted, everything else
// in its %+v form.
func Format(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("%q", x)
	case error:
		if x == nil {
			return "<nil>"
		}
		return x.Error()
	}
	return fieldnames.Sprint(v)
}

// nameObject names a traced primitive, or the primitives in a struct's
// fields ("account.mu"), after the variable that holds it.
// nameContext is the NameContext hook: it names the context ctx, which a
// timeline knows by its Done channel (lib/context), after the variable
// that holds it.
func nameContext(ctx context.Context, name string) {
	if ctx == nil {
		return
	}
	if done := ctx.Done(); done != nil {
		trace.Name(done, name)
	}
}

func nameObject(p any, name string) {
	v := reflect.ValueOf(p)
	if !v.IsValid() || v.Kind() != reflect.Pointer || v.IsNil() {
		return
	}
	nameValue(v, name, 0)
}

func nameValue(ptr reflect.Value, name string, depth int) {
	e := ptr.Elem()
	if pkg := e.Type().PkgPath(); strings.HasPrefix(pkg, "github.com/goconc/goconc/lib/") {
		trace.Name(ptr.Interface(), name)
		return
	}
	if e.Kind() != reflect.Struct || depth > 2 {
		return
	}
	for i := 0; i < e.NumField(); i++ {
		f := e.Field(i)
		if !f.CanAddr() {
			continue
		}
		field := e.Type().Field(i).Name
		// The interpreter exports unexported fields as "X" + name.
		if len(field) > 1 && field[0] == 'X' && field[1] >= 'a' && field[1] <= 'z' {
			field = field[1:]
		}
		fname := name + "." + field
		switch {
		case f.Kind() == reflect.Struct:
			nameValue(f.Addr(), fname, depth+1)
		case f.Kind() == reflect.Pointer && !f.IsNil() && f.Elem().Kind() == reflect.Struct:
			nameValue(f, fname, depth+1)
		}
	}
}

// cellStart marks the calling goroutine as the main flow of the running cell.
func (e *Evaluator) cellStart() {
	e.mu.Lock()
	cell, label := e.current, e.label
	e.mainG = trace.Current()
	e.mu.Unlock()
	chains.forget(e.mainG) // (an earlier cell's, in this goroutine)
	explore.Adopt()        // an explored cell's statements are its run's main goroutine
	trace.SetLabel(cell)
	name := "cell"
	if label != "" {
		name = "cell " + label
	}
	trace.SetMain(name)
	e.names.Put(trace.Current(), name, "")
}

// goEnter registers a goroutine started by a go statement of a cell. Its
// name shows the arguments: the value of a number, string or bool, the
// source text of anything else (a channel is "jobs", not an address).
// texts holds the arguments' source, separated by \x1f.
func goEnter(parent trace.Ticket, name, pos, texts string, args ...any) {
	src := strings.Split(texts, "\x1f")
	parts := make([]string, len(args))
	for i, a := range args {
		switch reflect.ValueOf(a).Kind() {
		case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
			reflect.Float32, reflect.Float64, reflect.String:
			parts[i] = trace.Short(a, 12)
		default:
			if i < len(src) && src[i] != "" {
				parts[i] = src[i]
			} else {
				parts[i] = "…"
			}
		}
	}
	trace.Enter(name+"("+strings.Join(parts, ", ")+")", pos, parent)
}

// goFunc starts f, the body of a go statement's function literal, in a
// goroutine registered as goEnter registers one, ended by goExit.
func (e *Evaluator) goFunc(parent trace.Ticket, where string, f func()) {
	e.goStarting()
	go func() {
		defer func() { e.goExit(recover()) }()
		goEnter(parent, "func", where, "")
		f()
	}()
}

// goCall starts f(args...) in a goroutine registered as goEnter registers
// one (named name, started at where), ended by goExit. A nil argument is
// the zero value of its parameter.
func (e *Evaluator) goCall(parent trace.Ticket, name, where, texts string, f any, args ...any) {
	e.goStarting()
	go func() {
		defer func() { e.goExit(recover()) }()
		goEnter(parent, name, where, texts, args...)
		fv := reflect.ValueOf(f)
		ft := fv.Type()
		in := make([]reflect.Value, len(args))
		for i, a := range args {
			if a == nil {
				pt := ft.In(min(i, ft.NumIn()-1))
				if ft.IsVariadic() && i >= ft.NumIn()-1 {
					pt = pt.Elem()
				}
				in[i] = reflect.Zero(pt)
				continue
			}
			in[i] = reflect.ValueOf(a)
		}
		fv.Call(in)
	}()
}

// goExit ends a goroutine started by a go statement; r is what recover
// returned in it. It does not return: the goroutine ends with
// runtime.Goexit, so that the interpreter never returns from the
// goroutine's function. (When a function literal returns, Yaegi v0.16.1
// writes back the variable slot the literal was made in; the go statement
// that made it, running again in its own goroutine, could then start a
// stale function, or a nil one.)
func (e *Evaluator) goExit(r any) {
	defer runtime.Goexit()
	if r == nil {
		chains.forget(trace.Current()) // (left by calls that panicked again, recovered since)
	}
	if _, stopped := r.(halted); r == nil || stopped {
		trace.Exit(nil, false)
		return
	}
	g := trace.Current()
	var name, pos string
	for _, s := range trace.States() {
		if s.G == g {
			name, pos = s.Name, s.Pos
		}
	}
	cell := e.cellOf(trace.LabelOf(g))
	report := e.panicReport(cell, g, name, pos, r, false)
	if explore.Current() != nil {
		// In an explored run the panic is reported while this goroutine
		// still holds the turn; exiting then ends the run.
		e.host.Panic(cell, report)
		trace.Exit(panicValue(r), true)
		return
	}
	trace.Exit(panicValue(r), true)
	e.host.Panic(cell, report)
	e.panicReported(cell) // (unwinding.go)
}

// sleep is time.Sleep for cells: interruptible, and visible on timelines.
func (e *Evaluator) sleep(d time.Duration) {
	if x := explore.Current(); x != nil {
		exploredSleep(x, d)
		return
	}
	if d <= 0 {
		runtime.Gosched()
		return
	}
	trace.BlockOn(trace.Sleeping, 0, "")
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		trace.Unblock()
	case <-e.stopChan():
		halt()
	}
}

// exit ends the evaluator with code as os.Exit ends a program, once what
// the cell printed is written.
func (e *Evaluator) exit(code int) {
	e.out.flush()
	e.errw.flush()
	if e.stdio != nil {
		e.stdio.sync() // what went to os.Stdout itself (a logger's lines)
	}
	os.Exit(code)
}

// flagSetParse is fs.Parse(args) (program's flagparse.go). A FlagSet that
// exits on an error, as flag.CommandLine does, prints its error and usage
// and calls os.Exit itself, and the end of what it printed was lost with
// the process: here it parses as one that returns the error, and then
// ends the evaluator as os.Exit does in a cell, once that is written.
func (e *Evaluator) flagSetParse(fs *flag.FlagSet, args []string) error {
	if fs.ErrorHandling() != flag.ExitOnError {
		return fs.Parse(args)
	}
	fs.Init(fs.Name(), flag.ContinueOnError)
	err := fs.Parse(args)
	fs.Init(fs.Name(), flag.ExitOnError)
	switch {
	case err == flag.ErrHelp:
		e.exit(0)
	case err != nil:
		e.exit(2)
	}
	return nil
}

// exits makes os.Exit, syscall.Exit and log.Fatal end the evaluator, as
// they end a program; the supervisor then restarts it and restores the session.
func exits(e *Evaluator) interp.Exports {
	exit := e.exit
	fatal := func(s string) {
		// (A call the cell makes is logs.go's: these are for function
		// values, f := log.Fatal.)
		e.stdLog.Output(3, s)
		exit(1)
	}
	timeSymbols := exploredTime()
	timeSymbols["Sleep"] = reflect.ValueOf(e.sleep)
	timeSymbols["AfterFunc"] = reflect.ValueOf(trace.AfterFunc)
	return interp.Exports{
		// os.Args and flag.CommandLine are the process's, which the flag
		// package's functions read (Yaegi gave cells copies of their own:
		// os.Args = ... in a cell did not reach flag.Parse).
		"os/os":           {"Exit": reflect.ValueOf(exit), "Args": reflect.ValueOf(&os.Args).Elem()},
		"syscall/syscall": {"Exit": reflect.ValueOf(exit)},
		"flag/flag": {
			"CommandLine": reflect.ValueOf(&flag.CommandLine).Elem(),
			"Parse":       reflect.ValueOf(func() { e.flagSetParse(flag.CommandLine, os.Args[1:]) }),
		},
		// runtime.Gosched is a scheduling point of an explored run.
		"runtime/runtime": {
			"Gosched": reflect.ValueOf(func() {
				if x := explore.Current(); x != nil {
					if !x.Point() {
						halt()
					}
					return
				}
				runtime.Gosched()
			}),
			// The program's goroutines, not the evaluator's.
			"NumGoroutine": reflect.ValueOf(programGoroutines),
		},
		"time/time": timeSymbols,
		"log/log": {
			"Fatal":   reflect.ValueOf(func(v ...any) { fatal(fmt.Sprint(v...)) }),
			"Fatalf":  reflect.ValueOf(func(f string, v ...any) { fatal(fmt.Sprintf(f, v...)) }),
			"Fatalln": reflect.ValueOf(func(v ...any) { fatal(fmt.Sprintln(v...)) }),
		},
	}
}

// recovered is what recover() returns in a cell; fn is the notebook
// function it is in ("" in a function literal). An interrupt (halted)
// goes on unwinding: a cell's recover must not keep a stopped goroutine
// running. A runtime error the interpreter words its own way (with its
// position first, or reflect's words) is worded as Go's runtime would.
func recovered(v any, fn string) any {
	r := recoveredValue(v, fn)
	if r != nil {
		chains.recovering(r) // (panicchain.go)
		trace.Unwound()      // (unwinding.go)
	}
	return r
}

func recoveredValue(v any, fn string) any {
	if v == nil && fn != "" {
		// In a notebook function called by a deferred call?
		v = takeDeferredPanic(fn)
	}
	if rv, ok := v.(reflect.Value); ok {
		// The interpreter panics with the reflect.Value of panic's
		// argument: err, ok := recover().(error) was false.
		if panickedNil(rv) {
			return new(runtime.PanicNilError) // panic(nil), since Go 1.21
		}
		v = nil
		if rv.CanInterface() {
			v = rv.Interface()
		}
	}
	switch x := v.(type) {
	case nil:
		return nil
	case halted:
		panic(x)
	case error:
		if text := panicValue(x); text != x.Error() {
			return runtimeError(text)
		}
	case string:
		// reflect panics with strings where Go's runtime panics with a
		// runtime.Error: a type switch's "case error" must see one.
		if text := panicValue(x); text != x {
			return runtimeError(text)
		}
	}
	return v
}

// zeroValue is the Zero hook: it sets what p points to to its zero value,
// for the value of a comma-ok lookup or assertion that missed, which
// Yaegi leaves as it was (program's zeroMissedValues). It returns true,
// to be an operand of ||.
func zeroValue(p any) bool {
	if v := reflect.ValueOf(p); v.Kind() == reflect.Pointer && !v.IsNil() {
		v.Elem().SetZero()
	}
	return true
}

// unwrapped is the Unwrapped hook: the errors e wraps, as errors.As walks
// them (program's findErrors), each as errorValue gives it, except that a
// value of a named type that is not a struct stays in its wrapper: its
// box, handed on from the cell to compiled code (the hooks the walk calls
// next), was rebuilt by the interpreter from the frame in hand, not the
// box's, and became another variable's value (errors.Is looped forever on
// a *Wrap it found in place of a Code). The cell's assertions to such a
// type take the box out of the wrapper themselves (InBox).
func unwrapped(e any) []any {
	var errs []error
	switch x := e.(type) {
	case interface{ Unwrap() error }:
		if u := x.Unwrap(); u != nil {
			errs = []error{u}
		}
	case interface{ Unwrap() []error }:
		errs = x.Unwrap()
	}
	out := make([]any, len(errs))
	for i, err := range errs {
		out[i] = errorValue(err)
		if _, boxed := fieldnames.WrapperBox(reflect.ValueOf(err)); boxed {
			out[i] = err
		}
	}
	return out
}

// wrappedValue is the WrappedValue hook: the notebook's value in x when x
// is the interpreter's wrapper giving it to compiled code (an error, a
// fmt.Stringer handed on as an any), else a value of no notebook type: 0
// (an assertion of a nil any, or of a struct, the interpreter gets from
// compiled code panics).
func wrappedValue(x any) any {
	if h, ok := heldNilOf(x); ok {
		if p, ok := h.value(); ok {
			return p
		}
	}
	v := reflect.ValueOf(x)
	if v.Kind() == reflect.Struct && v.NumField() > 0 && v.Type().Field(0).Name == "IValue" && v.Field(0).CanInterface() {
		if in := v.Field(0).Interface(); in != nil {
			return in
		}
	}
	return 0
}

// notebookValue is the notebook's value in v, out of the interpreter's
// wrapper of an error (errorValue) and its box (fieldnames.Unboxed): what
// Go's interface would hold.
func notebookValue(v any) reflect.Value {
	return fieldnames.Unboxed(reflect.ValueOf(errorValue(v)))
}

// errorValue is the notebook's value in e when e is the interpreter's
// wrapper giving it to compiled code as an error (a struct whose first
// field, IValue, holds it), else e. Asserted to its type, the wrapper did
// not match. (For a struct, IValue holds its last field: Yaegi's
// getConcreteValue.)
func errorValue(e any) any {
	if h, ok := heldNilOf(e); ok {
		if p, ok := h.value(); ok {
			return p // the nil *T Go's interface holds
		}
	}
	if held, ok := fieldnames.WrapperHeld(reflect.ValueOf(e)); ok {
		if !held.IsValid() {
			return nil
		}
		if held.CanInterface() {
			return held.Interface() // (a value of a named type not a struct: its box)
		}
	}
	return e
}

// sameError is the SameError hook: whether errors.Is finds e (an error in
// the tree) and target equal (program's findErrorsIs). The notebook's
// values are compared, not the interpreter's wrappers around them, which
// are not comparable; a target of a type that is not comparable is equal
// to nothing, as in errors.Is.
func sameError(e any, target error) bool {
	t := notebookValue(target)
	return t.IsValid() && t.Type().Comparable() && equal(e, target)
}

// equal is the Equal hook: a == b as Go compares interfaces, with the
// notebook's values out of the interpreter's wrappers (program's
// compareInterfaces). Like ==, it panics when the dynamic types are the
// same and not comparable.
func equal(a, b any) bool {
	bx, by := reflect.ValueOf(errorValue(a)), reflect.ValueOf(errorValue(b))
	x, y := fieldnames.Unboxed(bx), fieldnames.Unboxed(by)
	if !sameBoxNames(bx, by, x, y) {
		return false
	}
	panicUncomparable(bx, x, y)
	return sameValues(x, y)
}

// panicUncomparable panics as Go's == does when x and y, unboxed, are of
// one type that cannot be compared, naming it as the box bx does: a
// DoubleIntSlice is an []int to reflect ("comparing uncomparable type
// main.DoubleIntSlice", where the interpreter's panic said []int). A
// struct's is left to sameValues, whose reflect type names it.
func panicUncomparable(bx, x, y reflect.Value) {
	name := fieldnames.BoxName(bx)
	if name == "" || !x.IsValid() || !y.IsValid() || x.Type() != y.Type() || x.Type().Comparable() || x.Kind() == reflect.Struct {
		return
	}
	panic(runtimeError("runtime error: comparing uncomparable type " + fieldnames.GoName(name)))
}

// sameValues reports whether x and y, unboxed, are equal by Go's ==: of
// the same type and value (a panic for a type that is not comparable).
func sameValues(x, y reflect.Value) bool {
	if !x.IsValid() || !y.IsValid() {
		return x.IsValid() == y.IsValid()
	}
	if x.Type() != y.Type() {
		return false
	}
	if k := x.Kind(); (k == reflect.Struct || k == reflect.Array) && !x.Type().Comparable() && x.CanInterface() && y.CanInterface() {
		// Go's == panics naming the struct's type, not its field's:
		// "comparing uncomparable type main.Ledger".
		return x.Interface() == y.Interface()
	}
	switch x.Kind() {
	case reflect.Interface:
		if x.IsNil() || y.IsNil() {
			return x.IsNil() && y.IsNil()
		}
		return sameBoxed(x.Elem(), y.Elem())
	case reflect.Struct:
		if fieldnames.BoxName(x) != "" || fieldnames.BoxName(y) != "" {
			return sameBoxed(x, y)
		}
		// Field by field, as Go's ==: a field may hold a box.
		for i := range x.NumField() {
			if x.Type().Field(i).Name != "_" && !sameValues(x.Field(i), y.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Array:
		for i := range x.Len() {
			if !sameValues(x.Index(i), y.Index(i)) {
				return false
			}
		}
		return true
	}
	if x.CanInterface() && y.CanInterface() {
		return x.Interface() == y.Interface() // (Go's panic for a type == cannot compare)
	}
	return x.Equal(y)
}

// sameBoxed is sameValues of two values that may be boxes: of the same
// type by the names in the boxes, and equal values.
func sameBoxed(bx, by reflect.Value) bool {
	// A wrapper's box names it, but unboxing it gives it back: compare
	// what it holds (sameValues went round until the stack overflowed).
	bx, _ = fieldnames.WrapperHeld(bx)
	by, _ = fieldnames.WrapperHeld(by)
	x, y := fieldnames.Unboxed(bx), fieldnames.Unboxed(by)
	if x == bx && y == by && fieldnames.IsWrapper(x.Type()) {
		return x.Interface() == y.Interface() // (panics as Go's == of its functions)
	}
	if !sameBoxNames(bx, by, x, y) {
		return false
	}
	panicUncomparable(bx, x, y)
	return sameValues(x, y)
}

// equalNamed is the EqualNamed hook: whether the interface a holds v, a
// value of the notebook's type named name, which the interpreter passed
// without its box.
func equalNamed(a, v any, name string, implementers ...any) bool {
	bx := reflect.ValueOf(errorValue(a))
	x, y := fieldnames.Unboxed(bx), fieldnames.Unboxed(reflect.ValueOf(v))
	n := fieldnames.BoxName(bx)
	if n == "" && x.IsValid() && x.Kind() != reflect.Struct {
		// A value of one of the notebook's interfaces with methods
		// reaches a hook without its box: the implementers of that
		// interface (program's compareInterfaces) name its type when
		// one alone has its reflect type; with more, the values decide.
		found, count := soleImplementer(x.Type(), implementers)
		switch {
		case count == 1:
			n = found
		case count > 1:
			n = name
		}
	}
	if n != name && (n != "" || !x.IsValid() || x.Kind() != reflect.Struct) {
		return false
	}
	return sameValues(x, y)
}

// sameBoxNames reports whether boxes bx and by (holding x and y) may hold
// values of the same type: a box names the type of its value. A value
// without a box may be of a boxed struct type, or a pointer to one with
// fields (compiled code gave it back, a container/list's Value, or the
// interpreter passed it on without its box), whose reflect type is its
// own; not of a boxed type that is not a struct, whose reflect type is its
// underlying type (a MyInt is not an int), nor a pointer to a struct
// without fields (every such pointer is a *struct{} to reflect).
func sameBoxNames(bx, by, x, y reflect.Value) bool {
	nx, ny := fieldnames.BoxName(bx), fieldnames.BoxName(by)
	switch {
	case nx == ny:
		return true
	case nx != "" && ny != "":
		return false
	case nx != "":
		return ownReflectType(x)
	default:
		return ownReflectType(y)
	}
}

// ownReflectType reports whether v, a value of one of the notebook's
// types, is of a reflect type that type alone has: a struct, or a pointer
// to a struct with fields.
func ownReflectType(v reflect.Value) bool {
	if !v.IsValid() {
		return false
	}
	switch t := v.Type(); t.Kind() {
	case reflect.Struct:
		return true
	case reflect.Pointer:
		return t.Elem().Kind() == reflect.Struct && t.Elem().NumField() > 0
	}
	return false
}

// isMethod is the IsMethod hook: the Is method of a compiled error in the
// tree errors.Is walks (program's findErrorsIs; the notebook's types'
// are called in the cell).
func isMethod(e any, target error) bool {
	x, ok := e.(interface{ Is(error) bool })
	return ok && x.Is(target)
}

// asMethod is the AsMethod hook: the As method of a compiled error in the
// tree errors.As walks (program's findErrors; the notebook's types' are
// called in the cell).
func asMethod(e any, target any) bool {
	if t, ok := heldNilOf(e); ok {
		// errors.As(err, &p) of an error holding a nil *T sets p to it.
		dst := reflect.ValueOf(target)
		if dst.Kind() != reflect.Pointer || dst.IsNil() || !t.ptr.IsValid() || t.ptr.Type() != dst.Elem().Type() {
			return false
		}
		dst.Elem().Set(t.ptr)
		return true
	}
	x, ok := e.(interface{ As(any) bool })
	return ok && x.As(target)
}

// rewrapped is the Rewrapped hook: w, the interpreter's wrapper giving a
// notebook struct value to compiled code as an error, made to hold v, that
// value (program's copyIntoPlace; see fieldnames.Rewrapped).
func rewrapped(w error, v any) error {
	r, _ := rewrappedAs(w, v).(error)
	return r
}

// rewrappedAs is the RewrappedAs hook: rewrapped for the wrapper of any
// other compiled interface (fmt.Stringer, sort.Interface, io.Writer).
func rewrappedAs(w any, v any) any { return fieldnames.Rewrapped(w, v) }

// boxedName is the BoxedName hook: the Go name of the notebook's named
// type whose value x holds in the interpreter's box, or "" (see
// fieldnames.BoxName).
func boxedName(x any) string {
	if h, ok := heldNilOf(x); ok && !strings.HasPrefix(h.name, "*") {
		return h.name // a nil Errs (type Errs []error) in an error: its box would name it
	}
	return fieldnames.BoxName(reflect.ValueOf(x))
}

// keepBox is the KeepBox hook: w is the interpreter's wrapper giving a
// value of the notebook's named types that are not structs to compiled
// code, box the value in its box (program's copyIntoPlace); see
// fieldnames.KeepBox.
func keepBox(w, box any) { fieldnames.KeepBox(reflect.ValueOf(w), reflect.ValueOf(box)) }

// inBox is the InBox hook: the box of the value x wraps, if x is such a
// wrapper, or the nil value the evaluator's stand-in holds (a nil Errs
// returned as an error), else x: the assertion after BoxedName named the
// value's type asserts the box (program's boxedAssertion).
func inBox(x any) any {
	if h, ok := heldNilOf(x); ok {
		if v, ok := h.value(); ok {
			return v
		}
	}
	if b, ok := fieldnames.WrapperBox(reflect.ValueOf(x)); ok {
		return b.Interface()
	}
	return x
}

// badInterface is the BadInterface hook: the panic of a failed assertion
// of x to the notebook's interface iface (program's badInterface), which
// has methods; sigs, when a compiled type can implement it, are their
// signatures as nil functions (a method of the name and another signature
// is missing, as Go's runtime says); notebook gives, for each of the
// notebook's types that does not implement it, a value of the type and
// the method it misses (the interpreter's types have no methods for
// reflect).
func badInterface(x any, iface string, methods []string, sigs []any, notebook ...any) {
	v := notebookValue(x)
	if !v.IsValid() {
		panic(runtimeError("interface conversion: interface is nil, not " + iface))
	}
	missing := ""
	for i := 0; i+1 < len(notebook); i += 2 {
		if reflect.TypeOf(notebook[i]) == v.Type() {
			missing, _ = notebook[i+1].(string)
			break
		}
	}
	for i, m := range methods {
		if missing != "" {
			break
		}
		if _, ok := v.Type().MethodByName(m); !ok || i < len(sigs) && v.CanInterface() && !compiledMethods(v.Interface(), methods[i:i+1], sigs[i:i+1]) {
			missing = m
		}
	}
	have := dynamicTypeName(x)
	if missing == "" {
		// (The cell tried the value's methods before: not a compiled value.)
		missing = methods[0]
	}
	panic(runtimeError("interface conversion: " + have + " is not " + iface + ": missing method " + missing))
}

// badConversion is the BadConversion hook: the panic of a failed assertion
// of x, of the interface type iface, to the type want (program's
// assertConcrete); implementers name a value of the notebook's interface
// that arrived without its box, as for DynamicTypeName.
func badConversion(x any, iface, want string, implementers ...any) {
	have := "nil"
	if v := notebookValue(x); v.IsValid() {
		have = dynamicTypeName(x, implementers...)
	}
	panic(runtimeError("interface conversion: " + iface + " is " + have + ", not " + want))
}

// badAssertion is the BadAssertion hook: the panic of a failed assertion
// from an any holding x, of the notebook's type have ("" for a value
// without the interpreter's box), to a want.
func badAssertion(x any, have, want string) { badAssertionFrom("interface {}", x, have, want) }

// badAssertionFrom panics as Go's assertion from the interface from
// (interface {}, or one of the notebook's: main.Animal) does.
func badAssertionFrom(from string, x any, have, want string) {
	if have == "" {
		have = "nil"
		if v := fieldnames.Unboxed(reflect.ValueOf(x)); v.IsValid() {
			have = dynamicTypeName(x) // (main.P, not the interpreter's struct)
		}
	}
	msg := "interface conversion: " + from + " is " + fieldnames.GoName(have) + ", not " + fieldnames.GoName(want)
	if have != want && fieldnames.GoName(have) == fieldnames.GoName(want) {
		msg += " (types from different scopes)" // two local types F
	}
	panic(runtimeError(msg))
}

// runtimeError is a runtime error as a recovered value: one goconc words
// as Go does where the interpreter's said something else. Its type cannot
// be Go's, which the runtime alone makes; %T names Go's (goType).
type runtimeError string

// rangeState is the RangeState hook: the panic of Go's runtime when an
// iterator misuses the body of a range over a function in the state
// state (program's rangeexits.go; runtime.panicrangestate).
func rangeState(state int) {
	switch state {
	case 0:
		panic(runtimeError("runtime error: range function continued iteration after function for loop body returned false"))
	case 2:
		panic(runtimeError("runtime error: range function continued iteration after loop body panic"))
	case 3:
		panic(runtimeError("runtime error: range function continued iteration after whole loop exit"))
	default:
		panic(runtimeError("runtime error: range function recovered a loop body panic and did not resume panicking"))
	}
}

func (e runtimeError) Error() string { return string(e) }
func (e runtimeError) RuntimeError() {}

// goType returns the name of the type of Go's runtime error with e's
// message, as %T prints it.
func (e runtimeError) goType() string {
	s := string(e)
	switch {
	case strings.HasPrefix(s, "interface conversion: "):
		return "*runtime.TypeAssertionError"
	case strings.Contains(s, " out of range ["), strings.HasPrefix(s, "runtime error: index out of range"),
		strings.HasPrefix(s, "runtime error: slice bounds out of range"), strings.HasPrefix(s, "runtime error: cannot convert slice"):
		return "runtime.boundsError"
	case !strings.HasPrefix(s, "runtime error: "):
		return "runtime.plainError"
	}
	return "runtime.errorString"
}

// valueType is v's type as the notebook sees it (kernel/namedvalues); a
// zero Value's is nil (the methods' hooks make its panic).
func valueType(v reflect.Value) reflect.Type {
	if !v.IsValid() {
		return nil
	}
	return namedvalues.Type(v)
}

// valueField is v.Field(i), read-only where Go's is (kernel/fieldnames),
// whose Type is the field's named type (kernel/namedvalues).
func valueField(v reflect.Value, i int) reflect.Value {
	return fieldnames.AsInterface(namedvalues.Field(v, i, fieldnames.ValueField(v, i)))
}

// elemValue is e, what v.Index(i), v.MapIndex(k) or v.Elem() gave: of
// one of the notebook's named types that are not structs with its view
// (kernel/namedvalues), of one of its interfaces as an interface.
func elemValue(v, e reflect.Value) reflect.Value {
	return fieldnames.AsInterface(namedvalues.Elem(v, e))
}

// valueFieldByIndex is v.FieldByIndex(index), each step as valueField.
func valueFieldByIndex(v reflect.Value, index []int) reflect.Value {
	return fieldnames.FieldByIndexWith(v, index, valueField)
}

// valueFieldByName is v.FieldByName(name) for the name the notebook
// declared, each step as valueField: a Celsius field is a Celsius, not a
// float64.
func valueFieldByName(v reflect.Value, name string) reflect.Value {
	return fieldnames.FieldByNameWith(v, name, valueField)
}

// typeFieldByName is t.FieldByName(name) as the notebook declared the
// field, its type the field's named type (of the struct that declares
// it, for a promoted field).
func typeFieldByName(t reflect.Type, name string) (reflect.StructField, bool) {
	f, ok := fieldnames.FieldByName(t, name)
	if !ok || len(f.Index) == 0 {
		return f, ok
	}
	owner := t
	for _, x := range f.Index[:len(f.Index)-1] {
		if owner = owner.Field(x).Type; owner.Kind() == reflect.Pointer {
			owner = owner.Elem()
		}
	}
	last := f
	last.Index = f.Index[len(f.Index)-1:]
	f.Type = namedvalues.StructField(owner, last).Type
	return f, true
}

// typeField is t.Field(i) as the notebook declared the field, its type
// the field's named type.
func typeField(t reflect.Type, i int) reflect.StructField {
	return namedvalues.StructField(t, fieldnames.DeclaredFieldOf(t, i))
}
