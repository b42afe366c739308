package evaluator

import (
	"reflect"
	"sync/atomic"

	"github.com/goconc/goconc/kernel/fieldnames"
)

// An atomic.Value holds values of one type, and panics when given a value
// of another. To it, every value of the notebook's interfaces is of one
// type, the interpreter's box: a Value that held a Shape holding an Sq
// took a Shape holding a Rect without a word, and its CompareAndSwap of
// two boxes of equal values failed (a box compares where its value is
// stored). These hooks, which the program calls for the Value's Store,
// Swap and CompareAndSwap (kernel/program's atomicvalues.go), check the
// types as Go's does, by the types named in the boxes, and compare by
// value.

// atomicStore is v.Store(x).
func atomicStore(v *atomic.Value, x any) {
	if cur := v.Load(); cur != nil && x != nil && !sameDynamicType(cur, x) {
		panic("sync/atomic: store of inconsistently typed value into Value")
	}
	v.Store(x)
}

// atomicSwap is v.Swap(x).
func atomicSwap(v *atomic.Value, x any) any {
	if cur := v.Load(); cur != nil && x != nil && !sameDynamicType(cur, x) {
		panic("sync/atomic: swap of inconsistently typed value into Value")
	}
	return v.Swap(x)
}

// atomicCompareAndSwap is v.CompareAndSwap(old, new): the value held is
// compared with old by Go's == (equal), and swapped if it is still the
// one compared.
func atomicCompareAndSwap(v *atomic.Value, old, new any) bool {
	if new == nil {
		panic("sync/atomic: compare and swap of nil value into Value")
	}
	if old != nil && !sameDynamicType(old, new) {
		panic("sync/atomic: compare and swap of inconsistently typed values")
	}
	for {
		cur := v.Load()
		if cur == nil {
			if old != nil {
				return false
			}
			if v.CompareAndSwap(nil, new) {
				return true
			}
			continue
		}
		if !sameDynamicType(cur, new) {
			panic("sync/atomic: compare and swap of inconsistently typed value into Value")
		}
		if old == nil || !equal(cur, old) {
			return false
		}
		if v.CompareAndSwap(cur, new) {
			return true
		}
	}
}

// sameDynamicType reports whether a and b, neither nil, hold values of
// one type, as dynamicType names it.
func sameDynamicType(a, b any) bool {
	na, ta := dynamicType(a)
	nb, tb := dynamicType(b)
	return na == nb && ta == tb
}

// dynamicType returns the Go name of the type of the value in x and its
// reflect type: x is a value as the interpreter hands it over, a box, or
// a value the program kept (Keep: a fieldnames.Boxed, its type named).
func dynamicType(x any) (string, reflect.Type) {
	if b, ok := x.(fieldnames.Boxed); ok {
		return fieldnames.GoName(b.Type), reflect.TypeOf(b.Value)
	}
	box := reflect.ValueOf(errorValue(x))
	v := fieldnames.Unboxed(box)
	if !v.IsValid() {
		return "", nil
	}
	if name := fieldnames.BoxName(box); name != "" {
		return fieldnames.GoName(name), v.Type()
	}
	name, _ := namedIn(v.Type())
	return name, v.Type()
}
