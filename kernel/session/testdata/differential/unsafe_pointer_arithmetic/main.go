// Pointer arithmetic through package unsafe, as a lesson on struct layout
// writes it (after Ardan Labs' Go training, "struct types: alignment"):
// unsafe.Add with an offset from unsafe.Offsetof, a uintptr, was refused
// by the interpreter ("cannot use type uintptr as type int": its Add takes
// an int). And a pointer to a struct holding one of the notebook's
// interfaces, which the interpreter lays out otherwise, still goes
// through unsafe.Pointer and back to its own type, and through sync/atomic
// (a cell reading such memory as another type is refused: see
// kernel/program's TestInterpretedLayoutsRefused).
package main

import (
	"fmt"
	"sync/atomic"
	"unsafe"
)

type record struct {
	flag  bool
	count int32
	id    int64
	name  string
}

type Logger interface{ Log(string) }

type stdout struct{ prefix string }

func (s stdout) Log(m string) { fmt.Println(s.prefix + m) }

type config struct {
	log     Logger
	retries int
}

func main() {
	r := record{true, 7, 42, "r1"}
	base := unsafe.Pointer(&r)
	count := (*int32)(unsafe.Add(base, unsafe.Offsetof(r.count)))
	id := (*int64)(unsafe.Add(base, uintptr(8)))
	name := (*string)(unsafe.Pointer(uintptr(base) + unsafe.Offsetof(r.name)))
	fmt.Println(*count, *id, *name)
	*count = 9
	var off uint8 = 8
	fmt.Println(r.count, *(*int64)(unsafe.Add(base, off)))

	words := []uint16{1, 2, 3, 4}
	second := (*uint16)(unsafe.Add(unsafe.Pointer(&words[0]), unsafe.Sizeof(words[0])))
	last := (*uint16)(unsafe.Add(unsafe.Pointer(&words[3]), -int64(unsafe.Sizeof(words[0]))))
	fmt.Println(*second, *last)

	var current unsafe.Pointer
	c := &config{log: stdout{"> "}, retries: 3}
	atomic.StorePointer(&current, unsafe.Pointer(c))
	loaded := (*config)(atomic.LoadPointer(&current))
	loaded.log.Log(fmt.Sprint("retries ", loaded.retries))
	same := (*config)(unsafe.Pointer(c))
	fmt.Println(same == c, unsafe.Pointer(same) == unsafe.Pointer(c))
}
