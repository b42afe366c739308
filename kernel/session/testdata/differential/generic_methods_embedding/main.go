package main

import "fmt"

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

func (p *Pair[K, V]) Set(v V) { p.Val = v }

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func (s *Stack[T]) Len() int { return len(s.items) }

// Named embeds a generic type: its methods are promoted.
type Named[T any] struct {
	Stack[T]
	Name string
}

func main() {
	p := Pair[string, int]{"a", 1}
	p.Set(2)
	f := Pair[string, int].String
	g := p.String
	fmt.Println(p, f(p), g())
	var s fmt.Stringer = Pair[int, bool]{1, true}
	fmt.Println(s.String())
	n := Named[string]{Name: "words"}
	n.Push("x")
	n.Push("y")
	v, _ := n.Pop()
	fmt.Println(n.Name, v, n.Len(), n.Stack.Len())
	push := (*Stack[int]).Push
	var st Stack[int]
	push(&st, 9)
	fmt.Println(st.Pop())
	fmt.Println(st.Pop())
}
