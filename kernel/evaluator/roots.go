package evaluator

import (
	"reflect"
	"unsafe"

	"github.com/traefik/yaegi/interp"
)

// Yaegi v0.16.1 keeps two lists that only its debugger reads and that grow
// with every piece of code it evaluates: the syntax tree of each
// (Interpreter.roots), and every scope it opened, as a child of the scope
// around it (scope.child). A notebook kept the code of every cell it ever
// ran, some kilobytes a cell, for as long as it lived. goconc does not use
// the debugger, so after each cell the evaluator empties both. The code
// still needed (the functions and types cells declared, the scopes of
// their bodies) stays reachable from the interpreter's symbols.

// interpLayout says where those lists lie; ok is false if this Yaegi does
// not have them as expected (TestForgetCode fails then).
var interpLayout = func() (l struct {
	roots, scopes, child uintptr
	ok                   bool
}) {
	it := reflect.TypeOf(interp.Interpreter{})
	roots, ok1 := it.FieldByName("roots")
	scopes, ok2 := it.FieldByName("scopes")
	if !ok1 || !ok2 || roots.Type.Kind() != reflect.Slice || scopes.Type.Kind() != reflect.Map ||
		scopes.Type.Elem().Kind() != reflect.Pointer {
		return l
	}
	child, ok3 := scopes.Type.Elem().Elem().FieldByName("child")
	if !ok3 || child.Type.Kind() != reflect.Slice || child.Type.Elem() != scopes.Type.Elem() {
		return l
	}
	l.roots, l.scopes, l.child, l.ok = roots.Offset, scopes.Offset, child.Offset, true
	return l
}()

// forgetCode empties the interpreter's lists of evaluated syntax trees
// and of the scopes its package scopes opened.
func forgetCode(i *interp.Interpreter) {
	if !interpLayout.ok {
		return
	}
	base := unsafe.Pointer(i)
	roots := (*[]unsafe.Pointer)(unsafe.Add(base, interpLayout.roots))
	clear(*roots)
	*roots = (*roots)[:0]
	scopes := reflect.NewAt(reflect.TypeOf(interp.Interpreter{}).Field(fieldIndex("scopes")).Type, unsafe.Add(base, interpLayout.scopes)).Elem()
	iter := scopes.MapRange()
	for iter.Next() {
		sc := iter.Value().UnsafePointer()
		if sc == nil {
			continue
		}
		children := (*[]unsafe.Pointer)(unsafe.Add(sc, interpLayout.child))
		clear(*children)
		*children = (*children)[:0]
	}
}

func fieldIndex(name string) int {
	f, _ := reflect.TypeOf(interp.Interpreter{}).FieldByName(name)
	return f.Index[0]
}
