// Printing the notebook's values that come back from the standard library
// in an any: sync.Map, context values, atomic.Value, container/list and
// container/heap hand back what they were given.
package main

import (
	"container/heap"
	"container/list"
	"context"
	"fmt"
	"sync"
	"sync/atomic"
)

type Task struct {
	ID       int
	priority int
}

func (t Task) String() string { return fmt.Sprintf("task %d (p%d)", t.ID, t.priority) }

type user struct{ name string }

type ctxKey struct{}

type queue []Task

func (q queue) Len() int           { return len(q) }
func (q queue) Less(i, j int) bool { return q[i].priority < q[j].priority }
func (q queue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *queue) Push(x any)        { *q = append(*q, x.(Task)) }
func (q *queue) Pop() any {
	old := *q
	t := old[len(old)-1]
	*q = old[:len(old)-1]
	return t
}

func main() {
	var m sync.Map
	m.Store("a", Task{1, 5})
	m.Store("u", user{"ann"})
	a, _ := m.Load("a")
	u, _ := m.Load("u")
	fmt.Println(a, u)
	fmt.Printf("%v|%s|%+v|%v\n", a, a, u, a.(Task).ID)

	ctx := context.WithValue(context.Background(), ctxKey{}, Task{2, 1})
	fmt.Println("from context:", ctx.Value(ctxKey{}))

	var av atomic.Value
	av.Store(Task{3, 2})
	fmt.Println("atomic:", av.Load())

	l := list.New()
	l.PushBack(Task{4, 9})
	l.PushBack(&Task{5, 0})
	for e := l.Front(); e != nil; e = e.Next() {
		fmt.Println("list:", e.Value)
	}

	q := &queue{}
	heap.Push(q, Task{6, 3})
	heap.Push(q, Task{7, 1})
	heap.Push(q, Task{8, 2})
	for q.Len() > 0 {
		fmt.Println("heap:", heap.Pop(q))
	}

	var local any = Task{9, 9}
	var none any
	fmt.Println(local, none, 42, "s")
}
