package evaluator

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/goconc/goconc/kernel/fieldnames"
	"github.com/goconc/goconc/kernel/namedtypes"
	"github.com/goconc/goconc/kernel/namedvalues"
)

// The interpreter builds the notebook's struct types with
// reflect.StructOf, unnamed, and a reflect.Type cannot be made outside
// package reflect: what a cell reads of a reflect.Type's name goes through
// these hooks instead (program's reflectnames.go), which name the struct
// types registerType knows.

// reflectString is the ReflectString hook: t.String() as Go's, with the
// notebook's struct types named (main.point, []*main.point).
func reflectString(t reflect.Type) string {
	if t == nil {
		return "<nil>"
	}
	name, _ := namedIn(t)
	return name
}

// reflectName is the ReflectName hook: t.Name(), "point" for the
// notebook's struct type point.
func reflectName(t reflect.Type) string {
	if name, ok := fieldnames.StructName(t); ok {
		_, bare, _ := strings.Cut(name, ".")
		return bare
	}
	return t.Name()
}

// reflectPkgPath is the ReflectPkgPath hook: t.PkgPath(), "main" for the
// notebook's struct types.
func reflectPkgPath(t reflect.Type) string {
	if _, ok := fieldnames.StructName(t); ok {
		return "main"
	}
	return t.PkgPath()
}

// reflectTypeOf is the ReflectTypeOf hook: reflect.TypeOf(v) of an
// operand of an interface type, the type of the notebook's value in it,
// not of the interpreter's box or wrapper around it (program's
// reflectoperands.go).
func reflectTypeOf(v any) reflect.Type {
	u := notebookValue(v)
	if !u.IsValid() {
		return nil
	}
	if name := fieldnames.BoxName(reflect.ValueOf(errorValue(v))); name != "" {
		if _, registered := namedIn(u.Type()); !registered || fieldnames.Fieldless(u.Type()) {
			// One of the notebook's named types that are not
			// structs, which its box names.
			return namedtypes.Of(u.Type(), fieldnames.GoName(name))
		}
	}
	return u.Type()
}

// reflectValueOf is the ReflectValueOf hook: reflect.ValueOf(v) of an
// operand of an interface type, the notebook's value in it, a copy, as
// the value in an interface is.
//
// A value of one of the notebook's named types that are not structs, which
// its box names, gets a Value whose Type is that type (kernel/namedvalues).
func reflectValueOf(v any) reflect.Value {
	u := notebookValue(v)
	if u.IsValid() && u.CanInterface() {
		if name := fieldnames.BoxName(reflect.ValueOf(errorValue(v))); name != "" {
			if _, registered := namedIn(u.Type()); !registered || fieldnames.Fieldless(u.Type()) {
				return namedvalues.Of(u.Interface(), fieldnames.GoName(name))
			}
		}
	}
	if u.IsValid() && u.CanAddr() && u.CanInterface() {
		return reflect.ValueOf(u.Interface())
	}
	return u
}

// printedValue is the PrintedValue hook: v, a reflect.Value fmt prints,
// as fmt prints it: the value it holds, with the String or Error method
// of the notebook's named type kernel/namedvalues knows it is of (fmt saw
// the underlying value, a float64 for a Celsius).
func printedValue(v reflect.Value) any {
	if !v.IsValid() {
		return v
	}
	t := namedvalues.Type(v)
	if t == v.Type() {
		return v
	}
	m, ok := t.MethodByName("Error")
	if !ok {
		m, ok = t.MethodByName("String")
	}
	if !ok {
		return v
	}
	return valueFormatter{v, m}
}

// valueFormatter formats a reflect.Value whose type's method m fmt calls.
type valueFormatter struct {
	v reflect.Value
	m reflect.Method
}

func (f valueFormatter) Format(s fmt.State, verb rune) {
	spec := fmt.FormatString(s, verb)
	if !fieldnames.CallsString(verb) || verb == 'v' && s.Flag('#') {
		fmt.Fprintf(s, spec, f.v)
		return
	}
	out := f.m.Func.Call([]reflect.Value{f.v})[0].Interface()
	if err, ok := out.(error); ok {
		out = err.Error()
	}
	fmt.Fprintf(s, spec, out)
}
