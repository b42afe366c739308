package fieldnames

import (
	"reflect"
	"sync"
	"unsafe"
	"weak"
)

// A slice or a map of the notebook's named types, []Celsius or
// map[string]Celsius, is []float64 or map[string]float64 to reflect, and
// the interpreter puts no box around it in an interface that would name
// its type (it boxes named types only). So a []Celsius handed to
// func show(v any) { fmt.Println(v) } printed [21.5 30] for Go's
// [21.5°C 30.0°C], and %T said []float64. Where such a value goes into an
// empty interface, the cell tells KeepShape the shape of its static type
// (shapes.go); the printers look it up by the value's elements, which no
// value of another type can hold (Go converts no []Celsius to a
// []float64), as long as they are alive (a weak pointer says whether the
// memory is still theirs).

var (
	keptMu sync.Mutex
	kept   = map[unsafe.Pointer]keptShape{}
	// keptSince counts the shapes kept since the last sweep of those
	// whose values are gone.
	keptSince int
)

type keptShape struct {
	alive weak.Pointer[byte]
	shape *shape
}

// keptSweep is how many shapes are kept between sweeps.
const keptSweep = 1024

// KeepShape records that v, a slice or a map, is of the static type whose
// shape is given, and returns v.
func KeepShape(v any, shape string) any {
	p := elementsOf(reflect.ValueOf(v))
	s := parseShape(shape)
	if p == nil || s == nil {
		return v
	}
	keptMu.Lock()
	defer keptMu.Unlock()
	if keptSince++; keptSince >= keptSweep {
		keptSince = 0
		for q, k := range kept {
			if k.alive.Value() == nil {
				delete(kept, q)
			}
		}
	}
	kept[p] = keptShape{weak.Make((*byte)(p)), s}
	return v
}

// keptShapeOf returns the shape KeepShape recorded for the slice or map
// v, nil if none.
func keptShapeOf(v reflect.Value) *shape {
	p := elementsOf(v)
	if p == nil {
		return nil
	}
	keptMu.Lock()
	defer keptMu.Unlock()
	k, ok := kept[p]
	if !ok {
		return nil
	}
	if k.alive.Value() != (*byte)(p) {
		delete(kept, p) // (another value's memory now)
		return nil
	}
	return k.shape
}

// elementsOf returns where the elements of the slice or map v are, nil
// if v is neither or holds none.
func elementsOf(v reflect.Value) unsafe.Pointer {
	switch v.Kind() {
	case reflect.Slice:
		if v.Len() == 0 {
			return nil
		}
	case reflect.Map:
		if v.IsNil() {
			return nil
		}
	default:
		return nil
	}
	return v.UnsafePointer()
}

// KeptTypeName returns %T of v, a slice or a map, by the shape KeepShape
// recorded for it: []main.Celsius for what reflect calls []float64.
func KeptTypeName(v reflect.Value) (string, bool) {
	s := keptShapeOf(v)
	if s == nil {
		return "", false
	}
	p := printer{}
	return p.shapedTypeName(v.Type(), s), true
}
