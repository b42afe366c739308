// nil among the values of an assignment of several places.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

type Node struct {
	Val  int
	Next *Node
}

type Cache struct {
	hits  int
	items map[string][]byte
	err   error
}

func parse(s string) (n int, err error) {
	if s == "" {
		n, err = 0, errors.New("empty")
		return
	}
	n, err = strconv.Atoi(s)
	if err != nil {
		return
	}
	n, err = n*2, nil
	return
}

func main() {
	fmt.Println(parse("21"))
	fmt.Println(parse(""))
	fmt.Println(parse("x"))

	head := &Node{1, &Node{2, nil}}
	var prev *Node
	cur := head
	for cur != nil {
		next := cur.Next
		cur.Next, prev, cur = prev, cur, next
	}
	for n := prev; n != nil; n = n.Next {
		fmt.Print(n.Val, " ")
	}
	fmt.Println()

	c := Cache{hits: 3, items: map[string][]byte{"a": []byte("x")}, err: errors.New("stale")}
	c.hits, c.items, c.err = 0, nil, nil
	fmt.Println(c.hits, c.items == nil, c.err)

	var f func() int
	var ch chan int
	var s []string
	var m map[int]bool
	var i any = 5
	var e error = errors.New("e")
	k := 1
	k, f, ch, s, m, i, e = 2, nil, nil, nil, nil, nil, nil
	fmt.Println(k, f == nil, ch == nil, s == nil, m == nil, i == nil, e == nil)

	slots := []*Node{head, head}
	byName := map[string]error{"x": errors.New("x")}
	slots[0], byName["x"] = nil, nil
	fmt.Println(slots[0] == nil, slots[1] != nil, byName["x"] == nil, len(byName))
}
