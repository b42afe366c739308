package program

import "testing"

func TestInterpretedLayoutsRefused(t *testing.T) {
	const decls = "import (\n\t\"sync/atomic\"\n\t\"unsafe\"\n)\n\ntype Shape interface{ Area() float64 }\n" +
		"type holder struct {\n\ts     Shape\n\tcount int\n}\n" +
		"type plain struct {\n\ta bool\n\tb int64\n}\n" +
		"type boxes struct {\n\tall [2]holder\n}\n" +
		"type E interface{}\n" +
		"var h holder\nvar n Shape\nvar p plain\nvar e E\nvar err error\nvar bs boxes\nvar lit interface{ M() }\nvar ptr unsafe.Pointer\n"
	tests := []compileCase{
		{decls + "var _ = uintptr(unsafe.Pointer(&n)) + 8", "[1]:27:17: unsafe.Pointer(&n) reads the memory of a value of type main.Shape: goconc's interpreter keeps"},
		{decls + "var _ = (*int)(unsafe.Add(unsafe.Pointer(&h), unsafe.Offsetof(h.count)))", "unsafe.Pointer(&h) reads the memory of a value of type main.holder, which holds one of type main.Shape"},
		{decls + "var _ = (*[2]uintptr)(unsafe.Pointer(&h.s))", "unsafe.Pointer(&h.s) reads the memory of a value of type main.Shape"},
		{decls + "var _ = (*byte)(unsafe.Pointer(&bs))", "reads the memory of a value of type main.boxes, which holds one of type main.Shape"},
		{decls + "var _ = (*[4]uintptr)((unsafe.Pointer(&lit)))", "[1]:27:24: unsafe.Pointer(&lit) reads the memory of a value of type interface { M() }"},
		// What stays right: the pointer back to its own type, compared,
		// through sync/atomic; memory without such an interface; the
		// empty interface and compiled interfaces, which the interpreter
		// keeps as Go does.
		{decls + "var _ = (*holder)(unsafe.Pointer(&h))", ""},
		{decls + "func f() { atomic.StorePointer(&ptr, unsafe.Pointer(&h)); _ = (*holder)(atomic.LoadPointer(&ptr)) }", ""},
		{decls + "var _ = unsafe.Pointer(&h) == unsafe.Pointer(&h)", ""},
		{decls + "var _ = (*int64)(unsafe.Add(unsafe.Pointer(&p), unsafe.Offsetof(p.b)))", ""},
		{decls + "var _ = (*[2]uintptr)(unsafe.Pointer(&e))", ""},
		{decls + "var _ = (*[2]uintptr)(unsafe.Pointer(&err))", ""},
		{decls + "var _ = unsafe.Sizeof(h)", ""},
	}
	checkCompiles(t, tests)
}
