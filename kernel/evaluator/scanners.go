package evaluator

import (
	"fmt"
	"reflect"

	"github.com/goconc/goconc/kernel/methodsets"
)

// scannable is the Scannable hook: x, an operand of fmt's scanning
// functions, as a fmt.Scanner calling its Scan method, if x points to a
// value of the notebook's types with one (kernel/methodsets; goName names
// a type that is not a struct, whose value is of its underlying type to
// reflect): compiled fmt sees no method of the interpreter's types, and
// said "can't scan type: *struct {...}", or scanned a Deg as the float64
// it is to reflect, where Go's calls the method (program's scanners.go).
func scannable(x any, goName string) any {
	v := reflect.ValueOf(x)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return x
	}
	if goName == "" {
		if m := methodsets.ValueMethodByName(v, v.Type(), "Scan"); m.IsValid() && m.Type() == scanMethodType {
			return scanner{m, nil}
		}
		return x
	}
	for _, m := range methodsets.NamedSet(goName, v.Type().Elem(), true) {
		if m.Name == "Scan" && m.Func.Type().NumIn() == 3 {
			return scanner{m.Func, []reflect.Value{v}} // (its Func takes the receiver first)
		}
	}
	return x
}

var scanMethodType = reflect.TypeFor[func(fmt.ScanState, rune) error]()

// scanner is a value of the notebook's types with a Scan method, for
// fmt: the method, and the receiver it takes first, if any.
type scanner struct {
	scan reflect.Value
	recv []reflect.Value
}

func (s scanner) Scan(state fmt.ScanState, verb rune) error {
	args := append(s.recv[:len(s.recv):len(s.recv)], reflect.ValueOf(&state).Elem(), reflect.ValueOf(verb))
	err, _ := s.scan.Call(args)[0].Interface().(error)
	return err
}
