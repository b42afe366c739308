package main

import "fmt"

func f() (result string) {
	defer func() {
		if r := recover(); r != nil {
			result = fmt.Sprint("recovered: ", r)
		}
	}()
	defer fmt.Println("deferred 2")
	defer fmt.Println("deferred 1")
	panic("oops")
}

func main() {
	fmt.Println(f())
}
