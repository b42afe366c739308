// Values of the notebook's types that an atomic.Value, a list, a context
// or a sync.Map hands back keep their type when printed or compared
// straight away, without a variable between.
package main

import (
	"container/list"
	"context"
	"fmt"
	"sync"
	"sync/atomic"
)

type reqID int

func (r reqID) String() string { return fmt.Sprintf("req-%d", int(r)) }

type level string

type key struct{ name string }

func main() {
	var av atomic.Value
	av.Store(reqID(3))
	fmt.Println(av.Load(), av.Load() == any(reqID(3)), av.Load() == any(3))
	fmt.Printf("%v %T\n", av.Swap(reqID(4)), av.Load())
	l := list.New()
	e := l.PushBack(level("debug"))
	fmt.Printf("%v %T\n", l.Remove(e), l.Len())
	ctx := context.WithValue(context.Background(), key{"id"}, reqID(7))
	fmt.Println(ctx.Value(key{"id"}), ctx.Value(key{"other"}))
	var m sync.Map
	m.Store("r", reqID(9))
	v, ok := m.Load("r")
	fmt.Println(v, ok)
	fmt.Println(m.Load("r"))
	fmt.Println(m.Load("missing"))
}
