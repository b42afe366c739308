package main

import "fmt"

type t struct {
	A int
	B string
}

func main() {
	v := t{1, "x"}
	fmt.Printf("%v|%+v|%T|%q|%x|%08.3f|%-5s|%5d|%t|%p\n", v, v, v, "hi", 255, 3.14159, "ab", 42, true, nil)
	fmt.Println(fmt.Sprintf("%[2]d %[1]d", 1, 2), fmt.Sprint("a", 1, 2, "b"))
}
