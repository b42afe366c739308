// Package unsafe: sizes, alignments and offsets are constants, as the
// compiler lays out the notebook's structs; Slice, String and their Data
// views share memory; pointers convert through unsafe.Pointer.
package main

import (
	"fmt"
	"unsafe"
)

type header struct {
	flag  bool
	count int64
	name  string
	small int8
}

const headerSize = unsafe.Sizeof(header{})

func main() {
	var h header
	fmt.Println(headerSize, unsafe.Alignof(h.count), unsafe.Offsetof(h.count), unsafe.Offsetof(h.name), unsafe.Offsetof(h.small))
	fmt.Println(unsafe.Sizeof(""), unsafe.Sizeof([]int(nil)), unsafe.Sizeof(map[int]int(nil)), unsafe.Sizeof(any(nil)))

	arr := [4]int{1, 2, 3, 4}
	s := unsafe.Slice(&arr[1], 2)
	s[0] = 20
	fmt.Println(s, arr, len(s), cap(s))
	fmt.Println(unsafe.SliceData(s) == &arr[1])

	b := []byte("hello")
	str := unsafe.String(&b[0], len(b))
	fmt.Println(str, len(str))
	fmt.Println(*unsafe.StringData("go") == 'g')

	x := int64(-1)
	u := *(*uint64)(unsafe.Pointer(&x))
	fmt.Printf("%x\n", u)

	defer func() { fmt.Println("recovered:", recover()) }()
	n := -1
	_ = unsafe.Slice(&arr[0], n)
}
