package evaluator

import (
	"math"
	"reflect"
	"unsafe"
)

// The functions of package unsafe that Yaegi lacks (see program's
// unsafeCalls), with the checks of Go's runtime (unsafe.go there).

// unsafeSlice is unsafe.Slice(p, n): p is a *T.
func unsafeSlice(p any, n int64) any {
	v := reflect.ValueOf(p)
	elem := v.Type().Elem()
	if v.IsNil() && n == 0 {
		return reflect.Zero(reflect.SliceOf(elem)).Interface()
	}
	checkUnsafeLen("unsafe.Slice", v.UnsafePointer(), elem.Size(), n)
	return reflect.SliceAt(elem, v.UnsafePointer(), int(n)).Interface()
}

// unsafeSliceData is unsafe.SliceData(s): s is a []T.
func unsafeSliceData(s any) any {
	v := reflect.ValueOf(s)
	elem := v.Type().Elem()
	if v.IsNil() {
		return reflect.Zero(reflect.PointerTo(elem)).Interface()
	}
	return reflect.NewAt(elem, v.UnsafePointer()).Interface()
}

// unsafeString is unsafe.String(p, n).
func unsafeString(p *byte, n int64) string {
	if p == nil && n == 0 {
		return ""
	}
	checkUnsafeLen("unsafe.String", unsafe.Pointer(p), 1, n)
	return unsafe.String(p, int(n))
}

// unsafeStringData is unsafe.StringData(s).
func unsafeStringData(s string) *byte { return unsafe.StringData(s) }

// makeCap is the MakeCap hook: the capacity c of make(S, l, c), elements
// of size bytes, checked as Go's makeslice checks it (program's
// checkMakeCaps).
func makeCap(l, c int, size uintptr) int {
	tooMany := func(n int) bool { return size > 0 && uint64(n) > maxAlloc/uint64(size) }
	if l < 0 || tooMany(l) {
		panic(runtimeError("runtime error: makeslice: len out of range"))
	}
	if c < l || tooMany(c) {
		panic(runtimeError("runtime error: makeslice: cap out of range"))
	}
	return c
}

// checkUnsafeLen panics as Go's runtime does when n elements of size at
// p do not fit in memory.
func checkUnsafeLen(fn string, p unsafe.Pointer, size uintptr, n int64) {
	if n < 0 {
		panic(runtimeError("runtime error: " + fn + ": len out of range"))
	}
	if size == 0 {
		if p == nil && n > 0 {
			panic(runtimeError("runtime error: " + fn + ": ptr is nil and len is not zero"))
		}
		return
	}
	if uint64(n) > math.MaxUint64/uint64(size) || uintptr(n)*size > -uintptr(p) || uintptr(n)*size > maxAlloc {
		if p == nil {
			panic(runtimeError("runtime error: " + fn + ": ptr is nil and len is not zero"))
		}
		panic(runtimeError("runtime error: " + fn + ": len out of range"))
	}
}

// maxAlloc is the largest allocation Go's runtime makes on 64-bit Linux.
const maxAlloc = 1 << 48
