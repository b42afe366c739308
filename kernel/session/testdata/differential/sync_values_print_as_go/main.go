// A value that holds a lock, a WaitGroup or a Once prints as Go prints it,
// with the standard library's fields in their state: a struct guarded by
// a mutex, a WaitGroup with work to do, a Once that ran.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Counter struct {
	mu sync.Mutex
	m  map[string]int
}

type Stats struct {
	sync.RWMutex
	Hits int
}

type Service struct {
	wg    sync.WaitGroup
	once  sync.Once
	calls atomic.Int64
	name  string
}

func main() {
	c := Counter{m: map[string]int{"a": 1}}
	c.mu.Lock()
	fmt.Printf("%+v\n", &c)
	c.mu.Unlock()
	fmt.Printf("%v %+v\n", &c, &c)
	fmt.Printf("%#v\n", &c)

	var wg sync.WaitGroup
	wg.Add(2)
	fmt.Printf("%v %+v\n", &wg, &wg)
	wg.Done()
	wg.Done()
	fmt.Println(&wg)

	var once sync.Once
	fmt.Printf("%+v\n", &once)
	once.Do(func() {})
	fmt.Printf("%+v\n", &once)

	s := &Stats{Hits: 3}
	s.RLock()
	fmt.Printf("%+v\n", s)
	s.RUnlock()
	fmt.Printf("%v\n", s)

	svc := &Service{name: "api"}
	svc.calls.Add(2)
	svc.once.Do(func() {})
	fmt.Printf("%+v\n", svc)

	var mu sync.Mutex
	fmt.Println(&mu)
	mu.Lock()
	fmt.Printf("%+v\n", &mu)
	mu.Unlock()
}
