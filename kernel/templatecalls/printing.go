package templatecalls

import (
	"fmt"
	"reflect"
	"text/template/parse"

	"github.com/goconc/goconc/kernel/fieldnames"
	"github.com/goconc/goconc/kernel/formatverbs"
	"github.com/goconc/goconc/kernel/methodsets"
)

// A template prints an action's value with compiled fmt (text/template's
// printValue, html/template's stringify), and so do its print, printf and
// println: fmt sees none of the methods of the notebook's struct types,
// so {{.}} of a Card with a String method printed {3} where Go prints
// card#3, {{.}} of a Person whose Name field has one {30 {Ada L}} for
// Go's {30 Ada L}, and {{printf "%s" .Name}} {Ada L}. The rewritten trees
// end each action that prints with a call of Printed, and hand print's
// operands to Operand: both give fmt what the value prints as in Go, as
// the cell's own calls of fmt do (fieldnames.Value). printf is goconc's
// own (Printf): fmt's %T of one of the notebook's struct values named the
// interpreter's type, a struct without a name, and %+v and %#v wrote its
// exported copies of unexported fields ({Name:pen Xprice:3}).

const (
	printedFunc = "goconcPrinted"
	operandFunc = "goconcOperand"
	printfFunc  = "goconcPrintf"
)

// printers are the template's own functions that format their operands
// with fmt, and the number of leading operands that are no values to print
// (printf's format).
var printers = map[string]int{"print": 0, "println": 0, "printf": 1}

// escapers are the functions html/template wants last in a pipeline, if
// written there: a Printed goes before them.
var escapers = map[string]bool{"html": true, "urlquery": true}

// actions rewrites the actions under n that print to end with Printed, and
// the operands of the printers there to go through Operand.
func (r *rewriter) actions(n parse.Node) {
	walk(n, func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ActionNode:
			if n.Pipe != nil && len(n.Pipe.Decl) == 0 && len(n.Pipe.Cmds) > 0 {
				at := len(n.Pipe.Cmds)
				if last := n.Pipe.Cmds[at-1]; len(last.Args) > 0 && at > 1 {
					if id, ok := last.Args[0].(*parse.IdentifierNode); ok && escapers[id.Ident] {
						at--
					}
				}
				n.Pipe.Cmds = insertCommand(n.Pipe.Cmds, at, r.helper(printedFunc, Printed, n.Pipe.Pos))
			}
		case *parse.PipeNode:
			for i := 0; i < len(n.Cmds); i++ {
				cmd := n.Cmds[i]
				id, ok := cmd.Args[0].(*parse.IdentifierNode)
				if !ok {
					continue
				}
				skip, ok := printers[id.Ident]
				if !ok || r.defined[id.Ident] {
					continue
				}
				if id.Ident == "printf" {
					cmd.Args[0] = r.identifier(printfFunc, Printf, id.Pos)
					continue // (it formats its operands itself)
				}
				for j := 1 + skip; j < len(cmd.Args); j++ {
					cmd.Args[j] = &parse.PipeNode{NodeType: parse.NodePipe, Pos: cmd.Args[j].Position(),
						Cmds: []*parse.CommandNode{{NodeType: parse.NodeCommand, Pos: cmd.Args[j].Position(),
							Args: []parse.Node{r.identifier(operandFunc, Operand, cmd.Pos), cmd.Args[j]}}}}
				}
				if i > 0 {
					// {{.Name | printf "%s"}}: the value piped in too.
					n.Cmds = insertCommand(n.Cmds, i, r.helper(operandFunc, Operand, cmd.Pos))
					i++
				}
			}
		}
	})
}

// insertCommand returns cmds with c at index i.
func insertCommand(cmds []*parse.CommandNode, i int, c *parse.CommandNode) []*parse.CommandNode {
	cmds = append(cmds, nil)
	copy(cmds[i+1:], cmds[i:])
	cmds[i] = c
	return cmds
}

// helper returns a command calling the function fn, named name.
func (r *rewriter) helper(name string, fn any, pos parse.Pos) *parse.CommandNode {
	return &parse.CommandNode{NodeType: parse.NodeCommand, Pos: pos, Args: []parse.Node{r.identifier(name, fn, pos)}}
}

// identifier returns the identifier of the function fn, named name.
func (r *rewriter) identifier(name string, fn any, pos parse.Pos) *parse.IdentifierNode {
	r.funcs[name] = fn
	return parse.NewIdentifier(name).SetPos(pos)
}

// Printed returns what an action prints for the value of its pipeline:
// the text of the notebook's String or Error method, or of a value holding
// such values, as Go's fmt would print it; else the value itself (a
// template.HTML stays one for html/template). No value (a missing map
// key) stays none: "<no value>".
func Printed(args ...reflect.Value) reflect.Value {
	if len(args) != 1 || !args[0].IsValid() {
		return reflect.Value{}
	}
	if s, ok := text(args[0]); ok {
		return reflect.ValueOf(s)
	}
	return args[0]
}

// Operand returns the operand of print or println v as a value fmt
// formats as Go's would, if it is or holds one of the notebook's struct
// values.
func Operand(v reflect.Value) reflect.Value {
	if !v.IsValid() {
		return v
	}
	if v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	types := formatTypes()
	if len(types) == 0 || !v.CanInterface() || !reaches(v.Type(), types, map[reflect.Type]bool{}) {
		return v
	}
	return reflect.ValueOf(fieldnames.Value(original(v).Interface(), "", types...))
}

// Printf is the template's printf: fmt.Sprintf, with each operand as
// Operand gives it, and the Go name of its type for %T.
func Printf(format string, args ...any) string {
	names := make(map[int]string, len(args))
	operands := make([]any, len(args))
	for k, a := range args {
		v := reflect.ValueOf(a)
		names[k] = typeName(v)
		if formatverbs.TypeOnly(format, len(args), k) {
			operands[k] = names[k]
			continue
		}
		if v = Operand(v); v.IsValid() && v.CanInterface() {
			operands[k] = v.Interface()
		} else {
			operands[k] = a
		}
	}
	return fmt.Sprintf(formatverbs.TypesNamed(format, len(args), names), operands...)
}

// typeName is what Go's %T says of the value v stands for.
func typeName(v reflect.Value) string {
	if name := fieldnames.BoxName(v); name != "" {
		return fieldnames.GoName(name)
	}
	if !v.IsValid() {
		return "<nil>"
	}
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			return "<nil>"
		}
		v = v.Elem()
	}
	return fieldnames.GoTypeString(original(v).Type())
}

// text returns what fmt prints for v as printValue hands it to fmt, if a
// method of the notebook's, or one of a value it holds, decides that:
// through pointers to the value, and on the value's address if it has one
// and only its pointer has the method.
func text(v reflect.Value) (string, bool) {
	if v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	base, isNil := indirect(v)
	if isNil || !base.CanInterface() {
		return "", false
	}
	addressable := base.CanAddr()
	r := original(base)
	formats := hasFormat(r.Type()) || addressable && hasFormat(reflect.PointerTo(r.Type()))
	if r.Kind() == reflect.Struct && !formats { // (fmt calls Format first)
		for _, method := range []string{"Error", "String"} {
			if s, ok := fieldnames.MethodText(r, method); ok {
				return s, true
			}
			if addressable && r.CanAddr() {
				if s, ok := fieldnames.MethodText(r.Addr(), method); ok {
					return s, true
				}
			}
		}
	}
	types := printTypes()
	if len(types) == 0 || !reaches(base.Type(), types, map[reflect.Type]bool{}) {
		return "", false
	}
	return fmt.Sprint(fieldnames.Value(base.Interface(), "", types...)), true
}

// hasStructNames reports whether the notebook has declared a struct type
// (fieldnames.RegisterStructName).
func hasStructNames() bool {
	found := false
	fieldnames.StructNames(func(reflect.Type, string) bool {
		found = true
		return false
	})
	return found
}

// formatTypes returns, as fieldnames.Value wants them, the notebook's
// struct types (a value of each, its Go name, no method) after
// printTypes'.
func formatTypes() []any {
	types := printTypes()
	fieldnames.StructNames(func(t reflect.Type, name string) bool {
		types = append(types, reflect.Zero(t).Interface(), name, nil)
		return true
	})
	return types
}

// printTypes returns, as fieldnames.Value wants them, the notebook's
// struct types with a String, Error or Format method, and pointers to
// them: a value of each, no name, and a function calling the method.
func printTypes() []any {
	var types []any
	fieldnames.StructNames(func(t reflect.Type, _ string) bool {
		for _, recv := range []reflect.Type{t, reflect.PointerTo(t)} {
			for _, method := range []string{"Error", "String"} {
				if hasTextMethod(recv, method) {
					types = append(types, reflect.Zero(recv).Interface(), "", methodFunc(method))
					break
				}
			}
			if m, ok := methodsets.MethodByName(recv, "Format"); ok && hasFormat(recv) {
				types = append(types, reflect.Zero(recv).Interface(), "", func(v any, f fmt.State, verb rune) {
					m.Func.Call([]reflect.Value{reflect.ValueOf(v), reflect.ValueOf(&f).Elem(), reflect.ValueOf(verb)})
				})
			}
		}
		return true
	})
	return types
}

// hasTextMethod reports whether the method set of t (kernel/methodsets)
// has method, of fmt's signature: func() string.
func hasTextMethod(t reflect.Type, method string) bool {
	m, ok := methodsets.MethodByName(t, method)
	return ok && m.Type.NumIn() == 1 && m.Type.NumOut() == 1 && m.Type.Out(0).Kind() == reflect.String
}

// hasFormat reports whether the method set of t (kernel/methodsets) has
// fmt.Formatter's Format.
func hasFormat(t reflect.Type) bool {
	m, ok := methodsets.MethodByName(t, "Format")
	return ok && m.Type.NumIn() == 3 && m.Type.NumOut() == 0 &&
		m.Type.In(1) == reflect.TypeFor[fmt.State]() && m.Type.In(2) == reflect.TypeFor[rune]()
}

// methodFunc returns the function fieldnames.Value calls for method: a
// func(any) string for String, a func(any) error for Error.
func methodFunc(method string) any {
	call := func(v any) string {
		s, _ := fieldnames.MethodText(reflect.ValueOf(v), method)
		return s
	}
	if method == "Error" {
		return func(v any) error { return textError(call(v)) }
	}
	return call
}

// textError is an error whose text is already known.
type textError string

func (e textError) Error() string { return string(e) }

// reaches reports whether a value of type t is or may hold a value of
// one of types' (every third of them): through pointers, elements,
// fields, and interfaces, which may hold anything.
func reaches(t reflect.Type, types []any, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	for i := 0; i < len(types); i += 3 {
		if reflect.TypeOf(types[i]) == t {
			return true
		}
	}
	switch t.Kind() {
	case reflect.Interface:
		return true
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return reaches(t.Elem(), types, seen)
	case reflect.Map:
		return reaches(t.Key(), types, seen) || reaches(t.Elem(), types, seen)
	case reflect.Struct:
		for i := range t.NumField() {
			if reaches(t.Field(i).Type, types, seen) {
				return true
			}
		}
	}
	return false
}
