// Types that lead to each other: a list holding its root element by
// value, whose elements point back to the list (container/list's shape,
// and an LRU cache's); a tree whose nodes point to it; a generic doubly
// linked list; a pair linked only through a type alias. The interpreter
// made such a group's reflect types wrong:
// assigning l.root.next panicked ("reflect.Set: value of type *struct
// {...} is not assignable"), and where one struct held the other by value
// it was laid out without it, so a list's length read its root's memory,
// silently ("62398208235576 16" for "7 3").
package main

import "fmt"

type Element struct {
	next, prev *Element
	list       *List
	Value      int
}

type List struct {
	root Element
	len  int
}

func (l *List) Init() *List {
	l.root.next = &l.root
	l.root.prev = &l.root
	l.len = 0
	return l
}

func (l *List) PushBack(v int) *Element {
	e := &Element{Value: v, list: l}
	at := l.root.prev
	e.prev, e.next = at, at.next
	e.prev.next = e
	e.next.prev = e
	l.len++
	return e
}

func (l *List) Remove(e *Element) {
	if e.list != l {
		return
	}
	e.prev.next = e.next
	e.next.prev = e.prev
	e.next, e.prev, e.list = nil, nil, nil
	l.len--
}

func (l *List) String() string {
	s := "["
	for e := l.root.next; e != &l.root; e = e.next {
		if s != "[" {
			s += " "
		}
		s += fmt.Sprint(e.Value)
	}
	return s + "]"
}

type Tree struct {
	root *Node
	size int
}

type Node struct {
	left, right *Node
	tree        *Tree
	key         string
}

func (t *Tree) Insert(k string) {
	p := &t.root
	for *p != nil {
		if k < (*p).key {
			p = &(*p).left
		} else {
			p = &(*p).right
		}
	}
	*p = &Node{key: k, tree: t}
	t.size++
}

func (n *Node) Walk(f func(*Node)) {
	if n != nil {
		n.left.Walk(f)
		f(n)
		n.right.Walk(f)
	}
}

// BagRef is an alias, the only way Item leads to Bag: go/types sees the
// group through it (it was missed, and Bag laid out without its Item).
type BagRef = *Bag

type Item struct {
	next *Item
	bag  BagRef
	v    int
}

type Bag struct {
	first Item
	n     int
}

type Ring[T any] struct {
	head *Link[T]
	n    int
}

type Link[T any] struct {
	next, prev *Link[T]
	ring       *Ring[T]
	v          T
}

func (r *Ring[T]) Add(v T) {
	l := &Link[T]{v: v, ring: r}
	if r.head == nil {
		l.next, l.prev = l, l
		r.head = l
	} else {
		l.next, l.prev = r.head, r.head.prev
		r.head.prev.next = l
		r.head.prev = l
	}
	r.n++
}

func main() {
	l := new(List).Init()
	for i := 1; i <= 4; i++ {
		l.PushBack(i * 10)
	}
	second := l.root.next.next
	l.Remove(second)
	fmt.Println(l, l.len, second.list == nil, l.root.next.list == l)

	var kept List
	kept.len = 7
	kept.root.Value = 3
	kept.root.next = &kept.root
	kept.root.list = &kept
	fmt.Println(kept.len, kept.root.Value, kept.root.next.Value, kept.root.list.len)

	t := &Tree{}
	for _, k := range []string{"m", "c", "x", "a"} {
		t.Insert(k)
	}
	t.root.Walk(func(n *Node) { fmt.Print(n.key, n.tree == t, " ") })
	fmt.Println(t.size)

	var b Bag
	b.n = 7
	b.first.v = 3
	b.first.next = &b.first
	b.first.bag = &b
	fmt.Println(b.n, b.first.v, b.first.next.v, b.first.bag.n)

	var r Ring[string]
	for _, s := range []string{"a", "b", "c"} {
		r.Add(s)
	}
	for l, i := r.head, 0; i < r.n; l, i = l.next, i+1 {
		fmt.Print(l.v, l.ring == &r, l.prev.v, " ")
	}
	fmt.Println()
}
