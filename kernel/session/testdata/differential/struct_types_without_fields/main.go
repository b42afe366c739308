// Struct types declared without fields (type token struct{}) are types of
// their own: asserted, switched on, keys of a map[any]bool and printed by
// %T and %#v apart from each other and from struct{}; and %#v names the
// notebook's slice, map and array types in an any.
package main

import (
	"fmt"
	"sync"
)

type token struct{}

type done struct{}

func (done) String() string { return "done!" }

type Ints []int

type Names map[string]int

type Pair [2]int

func kind(v any) string {
	switch v.(type) {
	case token:
		return "token"
	case done:
		return "done"
	case struct{}:
		return "struct{}"
	}
	return "?"
}

func main() {
	var a any = token{}
	_, isDone := a.(done)
	_, isToken := a.(token)
	fmt.Printf("%v %v %T %v\n", isDone, isToken, a, a)
	fmt.Println(kind(token{}), kind(done{}), kind(struct{}{}), done{})

	sem := make(chan token, 2)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- token{}
			<-sem
		}()
	}
	wg.Wait()

	set := map[any]bool{token{}: true, done{}: true, struct{}{}: true}
	fmt.Println(len(set), set[token{}], token{} == token{}, a == any(token{}), a == any(done{}))
	xs := []any{token{}, done{}, Ints{1, 2}, Names{"a": 1}, Pair{3, 4}, Ints(nil)}
	fmt.Printf("%v\n%+v\n%#v\n", xs, xs, xs)
}
