// A context prints its keys and values of the notebook's struct types by
// their Go names (a key's String method if it has one), and finds them.
package main

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
)

type plainKey struct{ id int }
type strKey struct{ name string }

func (k strKey) String() string { return "key:" + k.name }

type user struct {
	Name string
	age  int
}

type ptrKey struct{}

var pk = &ptrKey{}

func main() {
	ctx := context.WithValue(context.Background(), plainKey{1}, "one")
	ctx = context.WithValue(ctx, strKey{"s"}, user{"ann", 3})
	ctx = context.WithValue(ctx, pk, &user{"bob", 4})
	fmt.Println(ctx)
	fmt.Println(ctx.Value(plainKey{1}), ctx.Value(plainKey{2}), ctx.Value(strKey{"s"}))
	u := ctx.Value(strKey{"s"}).(user)
	fmt.Printf("%+v %v\n", u, ctx.Value(pk).(*user).Name)
	var m sync.Map
	m.Store(plainKey{7}, user{"c", 5})
	v, ok := m.Load(plainKey{7})
	fmt.Println(v, ok)
	m.Range(func(k, v any) bool {
		fmt.Printf("%v %+v\n", k, v)
		return true
	})
	var av atomic.Value
	av.Store(user{"d", 6})
	fmt.Println(av.Load().(user).Name)
}
