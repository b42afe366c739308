package main

import "fmt"

type node struct {
	val  int
	next *node
}

func main() {
	var head *node
	for i := 3; i > 0; i-- {
		head = &node{i, head}
	}
	for n := head; n != nil; n = n.next {
		fmt.Print(n.val, " ")
	}
	p := new(int)
	*p = 42
	q := p
	*q++
	fmt.Println(*p)
}
