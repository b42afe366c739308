package evaluator

import (
	"fmt"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/goconc/goconc/kernel/fieldnames"
)

// PanicReport describes a panic in a cell or in a goroutine it started.
type PanicReport struct {
	Value     string  // the panic value, as Go prints it
	Goroutine string  // "" for the cell's own statements, else the goroutine's name
	StartedAt string  // where the goroutine was started ("[5]:7")
	Frames    []Frame // interpreted frames, innermost first
	Main      bool    // the cell's own flow panicked
}

func (p *PanicReport) Error() string { return "panic: " + p.Value }

// panicReport builds the report of a panic of goroutine g.
func (e *Evaluator) panicReport(cell string, g int64, name, pos string, v any, main bool) *PanicReport {
	return &PanicReport{
		Value:     chainText(g, v, panicValue(v)),
		Goroutine: name,
		StartedAt: pos,
		Frames:    cellFrames(e.errw.takeFrames(g)),
		Main:      main,
	}
}

// panicValue prints a panic value as the Go runtime does, translating the
// interpreter's own wording of runtime errors.
func panicValue(v any) string {
	if rv, ok := v.(reflect.Value); ok && panickedNil(rv) {
		return new(runtime.PanicNilError).Error()
	}
	if rv, ok := v.(reflect.Value); ok {
		// The interpreter panics with the reflect.Value of panic's
		// argument; what it holds is what Go prints. (The Value's own
		// String said "<error Value>" for panic(err).) A value of the
		// cell's type behind an interface is the interpreter's wrapper,
		// whose Error or String calls the cell's method.
		v = nil
		if rv.CanInterface() {
			v = rv.Interface()
		}
	}
	s := runtimePanicText(v)
	// The interpreter prefixes some runtime errors with its position
	// ("[5]/_.go:4:13: interface conversion: ..."); the frames say where.
	s = interpreterPos.ReplaceAllString(s, "")
	// singleflight re-panics with the value and a stack trace of the
	// interpreter's internals; the report lists the cell frames.
	for _, stack := range []string{"\n\nruntime/debug.Stack()", "\n\ngoroutine "} {
		if i := strings.Index(s, stack); i > 0 {
			s = s[:i]
		}
	}
	for from, to := range interpreterWording {
		if strings.HasPrefix(s, from) {
			return to
		}
	}
	if strings.HasPrefix(s, "interface conversion: ") {
		// The interpreter's assertions name the types by reflect's.
		return structsNamed(s)
	}
	if m := sliceToArray.FindStringSubmatch(s); m != nil {
		return "runtime error: cannot convert slice with length " + m[1] + " to array or pointer to array with length " + m[2]
	}
	if m := unhashable.FindStringSubmatch(s); m != nil {
		return "runtime error: hash of unhashable type " + structsNamed(m[1])
	}
	if m := uncomparable.FindStringSubmatch(s); m != nil {
		return "runtime error: comparing uncomparable type " + structsNamed(m[1])
	}
	return s
}

// panickedNil reports whether the interpreter's panic value rv (the
// reflect.Value of panic's argument) is nil: panic(nil), which Go 1.21
// turns into a *runtime.PanicNilError.
func panickedNil(rv reflect.Value) bool {
	return !rv.IsValid() || rv.Kind() == reflect.Interface && rv.IsNil()
}

// unhashable is the map's panic for a key whose dynamic type cannot be
// hashed: Go's says "hash of unhashable type main.T"; the interpreter's
// names a notebook struct type by its structure, and through reflect's
// maps with a colon (Go's test/recover2.go).
var unhashable = regexp.MustCompile(`^(?:runtime error: )?hash of unhashable type:? (.*)$`)

// uncomparable is the runtime's panic for == of two interface values
// holding one type that cannot be compared: Go's names the notebook's
// struct type, the interpreter's gave its structure.
var uncomparable = regexp.MustCompile(`^runtime error: comparing uncomparable type (.*)$`)

// structsNamed returns t with each of the notebook's struct types that
// the interpreter writes by its structure (struct { Xname string
// "...goconc:\"Cat\"" }) written by its Go name (registerType), in any
// type text: *main.Cat, map[string]*main.Cat. The longest first, so that
// a struct holding another is named, not rewritten inside.
func structsNamed(t string) string {
	if !strings.Contains(t, "struct {") {
		return t
	}
	type named struct{ text, name string }
	var all []named
	fieldnames.StructNames(func(k reflect.Type, v string) bool {
		if s := k.String(); strings.Contains(t, s) {
			all = append(all, named{s, v})
		}
		return true
	})
	slices.SortFunc(all, func(a, b named) int { return len(b.text) - len(a.text) })
	for _, n := range all {
		t = strings.ReplaceAll(t, n.text, n.name)
	}
	return fieldnames.InPlaceFieldsNamed(t)
}

// sliceToArray is reflect's panic for a slice converted to a longer array
// ([9]byte(s), (*[9]byte)(s)).
var sliceToArray = regexp.MustCompile(`^reflect: cannot convert slice with length (\d+) to (?:pointer to )?array with length (\d+)$`)

var interpreterPos = regexp.MustCompile(`^\[[^\]]*\]/_\.go:\d+:\d+: `)

// interpreterWording maps the interpreter's messages for runtime errors to
// the Go runtime's.
var interpreterWording = map[string]string{
	"reflect: slice index out of range":                  "runtime error: index out of range",
	"reflect: array index out of range":                  "runtime error: index out of range",
	"reflect: string index out of range":                 "runtime error: index out of range",
	"reflect: call of reflect.Value.Elem on zero Value":  "runtime error: invalid memory address or nil pointer dereference",
	"reflect: call of reflect.Value.Field on zero Value": "runtime error: invalid memory address or nil pointer dereference",
	"reflect: call of reflect.Value.Index on zero Value": "runtime error: invalid memory address or nil pointer dereference",
	// A method of a nil interface, a nil func called, a value method of
	// a nil pointer.
	"reflect: call of reflect.Value.Interface on zero Value": "runtime error: invalid memory address or nil pointer dereference",
	"reflect: Method on nil interface value":                 "runtime error: invalid memory address or nil pointer dereference",
	"reflect.Value.Call: call of nil function":               "runtime error: invalid memory address or nil pointer dereference",
	"reflect: call of reflect.Value.Set on zero Value":       "runtime error: invalid memory address or nil pointer dereference",
	// *ps = append(*ps, 1) with ps a nil *[]int.
	"reflect: call of unknown method on zero Value": "runtime error: invalid memory address or nil pointer dereference",
	// d.ID, a field promoted from a nil *Base that d embeds.
	"reflect: indirection through nil pointer to embedded struct": "runtime error: invalid memory address or nil pointer dereference",
	// append beyond the largest length.
	"reflect.Value.Grow: slice overflow": "runtime error: growslice: len out of range",
	// *p + 1 with p nil: Yaegi's *p is the zero Value.
	"reflect: call of reflect.Value.Int on zero Value":     "runtime error: invalid memory address or nil pointer dereference",
	"reflect: call of reflect.Value.Uint on zero Value":    "runtime error: invalid memory address or nil pointer dereference",
	"reflect: call of reflect.Value.Float on zero Value":   "runtime error: invalid memory address or nil pointer dereference",
	"reflect: call of reflect.Value.Complex on zero Value": "runtime error: invalid memory address or nil pointer dereference",
	"reflect: call of reflect.Value.Bool on zero Value":    "runtime error: invalid memory address or nil pointer dereference",
	// (*pa)[:] and range over pa, a nil pointer to an array.
	"reflect: call of reflect.Value.Len on zero Value":      "runtime error: invalid memory address or nil pointer dereference",
	"reflect.Value.Slice: slice index out of bounds":        "runtime error: slice bounds out of range",
	"reflect.Value.Slice3: slice index out of bounds":       "runtime error: slice bounds out of range",
	"reflect.Value.Slice: string slice index out of bounds": "runtime error: slice bounds out of range",
	// make with a size out of range.
	"reflect.MakeChan: negative buffer size": "makechan: size out of range",
	"reflect.MakeSlice: negative len":        "runtime error: makeslice: len out of range",
	"reflect.MakeSlice: negative cap":        "runtime error: makeslice: cap out of range",
	"reflect.MakeSlice: len > cap":           "runtime error: makeslice: cap out of range",
	"runtime: allocation size out of range":  "runtime error: makeslice: len out of range",
}

// indexOutOfRange is the IndexOutOfRange hook: the panic of index i into
// a value of length n (program's checkIndexes), worded as Go's runtime
// words it (a negative index without the length).
func indexOutOfRange(i any, n int) {
	msg := fmt.Sprintf("runtime error: index out of range [%d]", i)
	if v := reflect.ValueOf(i); !v.CanInt() || v.Int() >= 0 {
		msg += fmt.Sprintf(" with length %d", n)
	}
	panic(runtimeError(msg))
}

// sliceOutOfRange is the SliceOutOfRange hook: the panic of s[lo:hi] with
// limit cap(s) (capacity) or len(s), worded as Go's runtime words the
// first of its checks that fails.
func sliceOutOfRange(lo, hi any, limit int, capacity bool) {
	l, h := boundOf(lo), boundOf(hi)
	var msg string
	switch {
	case h.negative:
		msg = "[:" + h.text + "]"
	case h.above(limit):
		msg = "[:" + h.text + "]" + within(limit, capacity)
	case l.negative:
		msg = "[" + l.text + ":]"
	default:
		msg = "[" + l.text + ":" + h.text + "]"
	}
	panic(runtimeError("runtime error: slice bounds out of range " + msg))
}

// slice3OutOfRange is the Slice3OutOfRange hook: sliceOutOfRange for
// s[lo:hi:max].
func slice3OutOfRange(lo, hi, max any, limit int, capacity bool) {
	l, h, m := boundOf(lo), boundOf(hi), boundOf(max)
	var msg string
	switch {
	case m.negative:
		msg = "[::" + m.text + "]"
	case m.above(limit):
		msg = "[::" + m.text + "]" + within(limit, capacity)
	case h.negative:
		msg = "[:" + h.text + ":]"
	case h.above(m.value):
		msg = "[:" + h.text + ":" + m.text + "]"
	case l.negative:
		msg = "[" + l.text + "::]"
	default:
		msg = "[" + l.text + ":" + h.text + ":]"
	}
	panic(runtimeError("runtime error: slice bounds out of range " + msg))
}

func within(limit int, capacity bool) string {
	if capacity {
		return fmt.Sprintf(" with capacity %d", limit)
	}
	return fmt.Sprintf(" with length %d", limit)
}

// bound is a slice expression's bound, of any integer type.
type bound struct {
	negative bool
	huge     bool // above any int
	value    int
	text     string
}

func boundOf(v any) bound {
	b := bound{text: fmt.Sprint(v)}
	switch r := reflect.ValueOf(v); {
	case r.CanInt():
		b.text = strconv.FormatInt(r.Int(), 10) // not a String method's
		b.negative, b.value = r.Int() < 0, int(r.Int())
	case r.CanUint():
		b.text = strconv.FormatUint(r.Uint(), 10)
		b.huge, b.value = r.Uint() > uint64(^uint(0)>>1), int(r.Uint())
	}
	return b
}

func (b bound) above(limit int) bool { return b.huge || b.value > limit }

// runtimePanicText words a panic value as Go's runtime prints it
// (printpanicval): an error by its Error method, a Stringer by String, a
// value of a basic type plainly (panic(1.5) prints 1.5), one of a named
// basic type as main.Level(3), and anything else as its type and address,
// (main.T) 0xc000012345.
func runtimePanicText(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case error:
		return x.Error()
	case fmt.Stringer:
		return x.String()
	case string:
		return x
	}
	rv := reflect.ValueOf(v)
	typeName := ""
	if box := fieldnames.BoxName(rv); box != "" {
		// panic(Code(9)) of a notebook type that is not a struct: the
		// box names the type, which reflect does not know.
		rv = fieldnames.Unboxed(rv)
		if s, ok := fieldnames.StringOf(box, rv); ok {
			return s
		}
		typeName = fieldnames.GoName(box)
	} else if rv.Type().PkgPath() != "" {
		typeName = rv.Type().String()
	}
	if _, notebook := namedIn(rv.Type()); notebook && rv.CanInterface() {
		// A struct of the notebook's (or a pointer to one): the
		// interpreter's value has no methods, its type's method set has.
		for _, m := range []string{"Error", "String"} {
			if s, ok := fieldnames.MethodText(rv, m); ok {
				return s
			}
		}
	}
	var s string
	switch rv.Kind() {
	case reflect.Bool:
		s = strconv.FormatBool(rv.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		s = strconv.FormatInt(rv.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		s = strconv.FormatUint(rv.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		s = strconv.FormatFloat(rv.Float(), 'g', -1, rv.Type().Bits())
	case reflect.Complex64, reflect.Complex128:
		s = strconv.FormatComplex(rv.Complex(), 'g', -1, rv.Type().Bits())
	case reflect.String:
		s = `"` + rv.String() + `"` // a named string type: main.Color("red")
	default:
		addr := uintptr(0)
		switch rv.Kind() {
		case reflect.Pointer, reflect.Map, reflect.Chan, reflect.Func, reflect.UnsafePointer, reflect.Slice:
			addr = rv.Pointer()
		default:
			p := reflect.New(rv.Type()) // where a boxed copy would be
			p.Elem().Set(rv)
			addr = p.Pointer()
		}
		name := typeName
		if name == "" {
			name, _ = namedIn(rv.Type()) // %T's name: *main.T, not *struct {...}
		}
		return fmt.Sprintf("(%s) %#x", name, addr)
	}
	if typeName != "" {
		return typeName + "(" + s + ")"
	}
	return s
}
