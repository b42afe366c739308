// Values of the notebook's named types in a container/list: a queue of
// tasks and priorities, switched on and asserted as they come out, and an
// LRU cache of pointers that must work as before.
package main

import (
	"container/list"
	"fmt"
)

type Task string

type Priority int

func (p Priority) String() string { return fmt.Sprintf("P%d", int(p)) }

type entry struct {
	key   string
	value int
}

func main() {
	q := list.New()
	q.PushBack(Task("write"))
	q.PushFront(Priority(1))
	q.PushBack(3)
	e := q.PushBack("plain")
	e.Value = Task("review")
	q.InsertBefore(Task("plan"), q.Front())
	for e := q.Front(); e != nil; e = e.Next() {
		switch v := e.Value.(type) {
		case Task:
			fmt.Println("task", v)
		case Priority:
			fmt.Println("priority", v)
		case int:
			fmt.Println("int", v)
		default:
			fmt.Printf("other %T\n", v)
		}
		fmt.Printf("  %T %v\n", e.Value, e.Value)
	}
	first := q.Remove(q.Front())
	t, ok := first.(Task)
	fmt.Println(t, ok, first == Task("plan"), first == "plan")

	// An LRU cache: pointers in the list, as before.
	cache := map[string]*list.Element{}
	order := list.New()
	put := func(k string, v int) {
		if el, ok := cache[k]; ok {
			el.Value.(*entry).value = v
			order.MoveToFront(el)
			return
		}
		cache[k] = order.PushFront(&entry{k, v})
		if order.Len() > 2 {
			last := order.Back()
			order.Remove(last)
			delete(cache, last.Value.(*entry).key)
		}
	}
	put("a", 1)
	put("b", 2)
	put("a", 10)
	put("c", 3)
	for el := order.Front(); el != nil; el = el.Next() {
		en := el.Value.(*entry)
		fmt.Println(en.key, en.value)
	}
	fmt.Println(len(cache))
}
