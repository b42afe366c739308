// A deferred call that panics: the calls deferred before it still run,
// and a recover() in a later one takes the newest panic.
package main

import (
	"errors"
	"fmt"
	"sync"
)

type res struct{ name string }

func (r *res) Close() { fmt.Println("close", r.name) }

func handle() {
	if r := recover(); r != nil {
		fmt.Println("handled:", r)
	}
}

func cleanup() { fmt.Println("cleanup") }

func work(mu *sync.Mutex) (err error) {
	mu.Lock()
	defer mu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	defer cleanup()
	panic("oops")
}

func lesson() {
	defer fmt.Println("1: deferred first, runs last")
	defer func() {
		r := recover()
		fmt.Println("2: recovered", r)
	}()
	defer func() { panic("second") }()
	for i := 0; i < 3; i++ {
		defer fmt.Println("loop", i)
	}
	panic("first")
}

func named() {
	defer handle()
	defer cleanup()
	a := &res{"a"}
	defer a.Close()
	b := &res{"b"}
	defer b.Close()
	b = &res{"c"}
	panic(errors.New("e"))
}

func main() {
	var mu sync.Mutex
	fmt.Println(work(&mu))
	mu.Lock()
	mu.Unlock()
	lesson()
	named()
	func() {
		defer func() { fmt.Println("outer got", recover()) }()
		defer fmt.Println("x")
		defer func() { panic("from a defer") }()
	}()
}
