package main

import (
	"errors"
	"fmt"
)

func try(f func()) (err error) {
	defer func() {
		switch r := recover().(type) {
		case nil:
		case error:
			err = r
		default:
			err = fmt.Errorf("%v", r)
		}
	}()
	f()
	return
}

func main() {
	fmt.Println(try(func() { panic(errors.New("an error")) }))
	fmt.Println(try(func() { panic(42) }))
	fmt.Println(try(func() {}))
	fmt.Println(try(func() { var a []int; _ = a[3] }))
}
