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
	var m reflect.Value
	if goName == "" {
		m = methodsets.ValueMethodByName(v, v.Type(), "Scan")
	} else {
		for _, method := range methodsets.NamedSet(goName, v.Type().Elem(), true) {
			if method.Name == "Scan" {
				recv := v
				m = reflect.MakeFunc(scanMethodType, func(args []reflect.Value) []reflect.Value {
					return method.Func.Call(append([]reflect.Value{recv}, args...))
				})
			}
		}
	}
	if !m.IsValid() || m.Type() != scanMethodType {
		return x
	}
	return scanner{m}
}

var scanMethodType = reflect.TypeFor[func(fmt.ScanState, rune) error]()

// scanner is a value of the notebook's types with a Scan method, for
// fmt.
type scanner struct{ scan reflect.Value }

func (s scanner) Scan(state fmt.ScanState, verb rune) error {
	err, _ := s.scan.Call([]reflect.Value{reflect.ValueOf(&state).Elem(), reflect.ValueOf(verb)})[0].Interface().(error)
	return err
}
