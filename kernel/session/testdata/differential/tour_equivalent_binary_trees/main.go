// The Go Tour's Equivalent Binary Trees exercise, solved as learners
// solve it: golang.org/x/tour/tree is importable, and its trees are
// walked by goroutines.
package main

import (
	"fmt"

	"golang.org/x/tour/tree"
)

// Walk walks the tree t sending all values
// from the tree to the channel ch.
func Walk(t *tree.Tree, ch chan int) {
	var walk func(t *tree.Tree)
	walk = func(t *tree.Tree) {
		if t == nil {
			return
		}
		walk(t.Left)
		ch <- t.Value
		walk(t.Right)
	}
	walk(t)
	close(ch)
}

// Same determines whether the trees
// t1 and t2 contain the same values.
func Same(t1, t2 *tree.Tree) bool {
	ch1, ch2 := make(chan int), make(chan int)
	go Walk(t1, ch1)
	go Walk(t2, ch2)
	same := true
	for v1 := range ch1 {
		if v1 != <-ch2 {
			same = false
		}
	}
	return same
}

func main() {
	ch := make(chan int)
	go Walk(tree.New(1), ch)
	for v := range ch {
		fmt.Print(v, " ")
	}
	fmt.Println()
	fmt.Println(Same(tree.New(1), tree.New(1)))
	fmt.Println(Same(tree.New(1), tree.New(2)))

	// A tree built by hand prints with the package's String method.
	t := &tree.Tree{Left: &tree.Tree{Value: 1}, Value: 2, Right: &tree.Tree{Value: 3}}
	fmt.Println(t, t.Left)
	fmt.Printf("%v %s %d\n", t, t.Right, t.Value)
	var empty *tree.Tree
	fmt.Println(empty.String(), len(tree.New(5).String()) > 20)
}
