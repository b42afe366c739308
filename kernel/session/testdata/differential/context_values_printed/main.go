// A context prints its keys and values as Go's does: by their String
// methods, or by their types' names.
package main

import (
	"context"
	"errors"
	"fmt"
)

type key string

type named string

func (n named) String() string { return "named:" + string(n) }

type structKey struct{ id int }

func (s structKey) String() string { return fmt.Sprint("key#", s.id) }

type RequestID string

func main() {
	bg := context.Background()
	c := context.WithValue(bg, key("user"), "ann")
	fmt.Println(c)
	c = context.WithValue(c, named("n"), RequestID("r1"))
	c = context.WithValue(c, structKey{3}, 4)
	c = context.WithValue(c, "str", named("v"))
	fmt.Println(c)
	fmt.Println(c.Value(key("user")), c.Value(named("n")), c.Value(structKey{3}), c.Value("str"), c.Value("user"))
	cc, cancel := context.WithCancel(c)
	cancel()
	fmt.Println(cc, cc.Err())
	ce, cancelCause := context.WithCancelCause(bg)
	cancelCause(errors.New("why"))
	fmt.Println(ce, context.Cause(ce))
	fmt.Printf("%v|%s|%T\n", bg, c, cc)
}
