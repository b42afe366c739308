package main

import "fmt"

func f() []int { return []int{1, 2, 3} }

var (
	n4 = len(f())
	n5 int
)

var unusedToo = "package-level variables may go unused"

func main() {
	fmt.Println("ok")
}
