// A deferred call with nil among its arguments (defer fmt.Println("a",
// nil), defer bytes.Equal(nil, nil)) ran; the cell failed with the
// interpreter's "CFG post-order panic: nil reflect type", and its log
// line of the same words reached stderr (Go's
// test/fixedbugs/issue24419.go).
package main

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
)

type node struct {
	val  int
	next *node
}

func report(n *node, err error, vals []int) {
	fmt.Println("report:", n == nil, err, vals == nil)
}

func one() {
	defer fmt.Println("deferred", nil)
	fmt.Println("one")
}

func several() (err error) {
	defer report(nil, nil, nil)
	defer bytes.Equal(nil, nil)
	defer strings.IndexByte("", 0)
	defer func(e error) { err = errors.Join(err, e) }(nil)
	return errors.New("several")
}

func main() {
	one()
	fmt.Println(several())
	done := make(chan bool)
	go func(n *node, c chan bool) {
		fmt.Println("goroutine:", n == nil)
		c <- true
	}(nil, done)
	<-done
}
