// Function literals deferred in a loop close over that iteration's
// variables (Go 1.22): each deferred cleanup closes its own resource.
package main

import (
	"fmt"
	"os"
	"sync"
)

type resource struct{ name string }

func (r *resource) Close() { fmt.Println("close", r.name) }

func open(names []string) {
	defer fmt.Println("done opening")
	for _, n := range names {
		r := &resource{n}
		defer func() { r.Close() }()
	}
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered", r)
		}
	}()
	panic("boom")
}

func withArgs() {
	for i := range 3 {
		msg := fmt.Sprint("m", i)
		defer func(prefix string) { fmt.Println(prefix, msg, i) }("p")
	}
}

func nested() {
	for i := 0; i < 2; i++ {
		for j := 0; j < 2; j++ {
			defer func() { fmt.Print(i, j, " ") }()
		}
	}
}

func locked(mu *sync.Mutex, items []string) {
	for _, it := range items {
		mu.Lock()
		defer func() { mu.Unlock(); fmt.Println("unlocked for", it) }()
		break
	}
}

func files() {
	for _, name := range []string{"a.txt", "b.txt"} {
		f, err := os.CreateTemp("", name)
		if err != nil {
			return
		}
		defer func() {
			os.Remove(f.Name())
			fmt.Println("removed", len(f.Name()) > 0)
		}()
	}
}

func kinds() {
	for i := range 3 {
		defer func() { fmt.Print("a", i, " ") }()
	}
	for i := 0; i < 3; i++ {
		defer func() { fmt.Print("b", i, " ") }()
	}
	for _, s := range []string{"x", "y", "z"} {
		defer func() { fmt.Print("c", s, " ") }()
	}
	for i := 0; i < 3; i++ {
		j := i
		defer func() { fmt.Print("e", j, " ") }()
		j *= 10
	}
}

type res struct{ name string }

func (r *res) Close()         { fmt.Println("close", r.name) }
func (r res) CloseVal()       { fmt.Println("closeval", r.name) }
func (r *res) Log(msg string) { fmt.Println(r.name, msg) }

func methods() {
	for _, n := range []string{"a", "b"} {
		r := &res{n}
		defer r.Close()
	}
	rs := []res{{"x"}, {"y"}}
	for _, r := range rs {
		defer r.CloseVal()
		defer r.Log("bye")
	}
	for i := range rs {
		f := rs[i].CloseVal
		defer f()
	}
}

func oneMethod(names []string) {
	for _, n := range names {
		r := &res{n}
		defer r.Log("done")
	}
}

func main() {
	methods()
	oneMethod([]string{"p", "q"})
	kinds()
	fmt.Println()
	open([]string{"db", "cache"})
	withArgs()
	nested()
	fmt.Println()
	var mu sync.Mutex
	locked(&mu, []string{"x", "y"})
	mu.Lock()
	fmt.Println("relocked")
	files()
}
