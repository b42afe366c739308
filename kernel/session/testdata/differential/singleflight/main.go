package main

import (
	"fmt"

	"golang.org/x/sync/singleflight"
)

func main() {
	var g singleflight.Group
	v, err, shared := g.Do("key", func() (any, error) { return 42, nil })
	fmt.Println(v, err, shared)
	ch := g.DoChan("other", func() (any, error) { return "x", nil })
	r := <-ch
	fmt.Println(r.Val, r.Err)
}
