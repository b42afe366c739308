// Named types declared inside functions keep their identity in
// interfaces: a type switch, an assertion, == and %T tell them from their
// underlying types, as Go's test/switch.go expects.
package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"sync"
)

func classify(v any) string {
	switch v.(type) {
	case int:
		return "int"
	case string:
		return "string"
	case []int:
		return "[]int"
	default:
		return fmt.Sprintf("other %T", v)
	}
}

func kinds() []any {
	type Celsius float64
	type Name string
	type Set map[string]bool
	type (
		Row  []Name
		Grid [2]Row
	)
	type token struct{}
	return []any{Celsius(21.5), Name("ada"), Set{"a": true}, Row{"x"}, Grid{}, token{}}
}

func main() {
	type ID int
	type Label string
	const n = 3
	type Triple [n]int
	values := []any{ID(1), 1, Label("a"), "a", Triple{1, 2, 3}}
	for _, v := range values {
		_, isID := v.(ID)
		fmt.Printf("%s: %T %v %#v %v\n", classify(v), v, v, v, isID)
	}
	fmt.Println(values[0] == values[1], values[2] == values[3], values[0] == any(ID(1)))
	for _, k := range kinds() {
		fmt.Printf("%T %v %+v\n", k, k, k)
	}

	// Events of a local type through a channel of any, from goroutines.
	type Done int
	events := make(chan any)
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			events <- Done(i)
			events <- i
		}()
	}
	go func() { wg.Wait(); close(events) }()
	var done, plain []int
	for e := range events {
		switch e := e.(type) {
		case Done:
			done = append(done, int(e))
		case int:
			plain = append(plain, e)
		}
	}
	sort.Ints(done)
	sort.Ints(plain)
	fmt.Println("done", done, "plain", plain)

	m := map[any]int{ID(1): 1, 1: 2}
	fmt.Println(len(m), m[ID(1)], m[1])
	b, _ := json.Marshal(map[string]any{"id": ID(7), "label": Label("z")})
	fmt.Println(string(b))

	f := func() any {
		type ID int
		return ID(1)
	}
	fmt.Println(f() == any(ID(1)), f() == f())
	fmt.Printf("%T\n", f())
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	var y any = ID(2)
	_ = y.(int)
}
