package main

import "fmt"

func order() {
	x := 1
	defer fmt.Println("x was", x)
	x = 2
	for i := 0; i < 3; i++ {
		defer fmt.Print(i, " ")
	}
}

func main() {
	order()
}
