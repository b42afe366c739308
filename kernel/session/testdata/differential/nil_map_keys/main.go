// A nil written as a map key (Go's test/fixedbugs/bug285.go): outcomes
// counted by error, successes under nil, and a tree's parents with the
// root's parent nil. The interpreter handed the map an untyped nil and
// panicked ("reflect.Value.MapIndex: value of type interface {} is not
// assignable to type error").
package main

import (
	"errors"
	"fmt"
)

type node struct {
	name     string
	children []*node
}

var errTimeout = errors.New("timeout")

func main() {
	outcomes := map[error]int{nil: 0, errTimeout: 0}
	for _, err := range []error{nil, errTimeout, nil, nil} {
		outcomes[err]++
	}
	fmt.Println("ok:", outcomes[nil], "timeouts:", outcomes[errTimeout])

	root := &node{name: "root", children: []*node{{name: "a"}, {name: "b", children: []*node{{name: "c"}}}}}
	depth := map[*node]int{}
	depth[nil] = -1
	var walk func(n *node, d int)
	walk = func(n *node, d int) {
		depth[n] = d
		for _, c := range n.children {
			walk(c, d+1)
		}
	}
	walk(root, 0)
	fmt.Println(len(depth), depth[nil], depth[root.children[1].children[0]])
	delete(depth, nil)
	_, ok := depth[nil]
	fmt.Println(len(depth), ok)

	closed := map[chan int]string{nil: "never ready"}
	fmt.Println(closed[nil])
}
