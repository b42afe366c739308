package main

import "fmt"

func double() (n int) {
	defer func() { n *= 2 }()
	n = 21
	return n
}

func main() {
	fmt.Println(double())
}
