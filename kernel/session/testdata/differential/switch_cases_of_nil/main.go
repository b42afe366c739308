// A switch on a pointer, slice, map, function or channel with a case nil
// (Go's test/fixedbugs/issue53635.go, in a generic function): a tree's
// depth, switching on the node. The interpreter never took the case, not
// even for a nil tag: depth(nil) recursed into a nil node and panicked,
// and the others went to default, silently.
package main

import "fmt"

type tree struct {
	left, right *tree
}

func depth(t *tree) int {
	switch t {
	case nil:
		return 0
	default:
		return 1 + max(depth(t.left), depth(t.right))
	}
}

func describe[T any](xs []T) string {
	switch xs {
	case nil:
		return "nil"
	}
	return fmt.Sprint(len(xs), " elements")
}

func main() {
	t := &tree{left: &tree{right: &tree{}}}
	fmt.Println(depth(t), depth(nil))
	fmt.Println(describe[int](nil), describe([]string{"a"}))

	var handlers map[string]func()
	switch handlers {
	case nil:
		fmt.Println("no handlers yet")
	}
	var done chan struct{}
	switch done {
	case nil:
		fmt.Println("no done channel")
	}
	var callback func(int)
	switch callback {
	case nil:
		fmt.Println("no callback")
	default:
		callback(1)
	}
}
