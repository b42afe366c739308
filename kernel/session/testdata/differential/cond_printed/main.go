// A sync.Cond, and a value holding one, print as the standard library's.
package main

import (
	"fmt"
	"strings"
	"sync"
)

type Queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	items []int
}

type Box struct {
	c sync.Cond
	n int
}

func main() {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	s := fmt.Sprintf("%+v", q)
	fmt.Println(strings.Contains(s, "cond:0x"), strings.HasPrefix(s, "&{mu:{_:{} mu:{state:0 sema:0}}"))
	var b Box
	fmt.Printf("%v %+v\n", b, b)
	c := sync.NewCond(&sync.Mutex{})
	t := fmt.Sprintf("%+v", *c)
	fmt.Println(t[:strings.Index(t, "L:")+2], strings.Contains(t, "notify:{wait:0 notify:0"))
}
