package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type config struct{ name string }

func main() {
	var loads atomic.Int32
	load := sync.OnceValue(func() *config {
		loads.Add(1)
		return &config{name: "prod"}
	})
	pair := sync.OnceValues(func() (int, error) { return 42, nil })
	var current atomic.Pointer[config]
	var wg sync.WaitGroup
	names := make([]string, 100)
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			names[i] = load().name
			if i%10 == 0 {
				current.Store(&config{name: fmt.Sprint("v", i)})
			}
			v, _ := pair()
			_ = v
		}()
	}
	wg.Wait()
	same := true
	for _, n := range names {
		same = same && n == "prod"
	}
	fmt.Println(loads.Load(), same, load() == load())
	fmt.Println(current.Load() != nil, current.Load().name[0] == 'v')
	var p atomic.Pointer[int]
	fmt.Println(p.Load() == nil, p.CompareAndSwap(nil, new(int)), p.CompareAndSwap(nil, nil))
	old := p.Swap(nil)
	fmt.Println(*old, p.Load() == nil)
	v, err := pair()
	fmt.Println(v, err)
	calls := 0
	f := sync.OnceFunc(func() { calls++ })
	f()
	f()
	fmt.Println(calls)
}
