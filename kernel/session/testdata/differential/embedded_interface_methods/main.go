// A struct that embeds an interface has its methods: the decorator
// pattern, where a wrapper overrides some methods and inherits the rest.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type Store interface {
	Get(key string) (int, bool)
	Set(key string, v int)
}

type memStore struct {
	mu sync.Mutex
	m  map[string]int
}

func (s *memStore) Get(key string) (int, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[key]
	return v, ok
}

func (s *memStore) Set(key string, v int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[key] = v
}

// countingStore counts writes and inherits Get.
type countingStore struct {
	Store
	mu     sync.Mutex
	writes int
}

func (c *countingStore) Set(key string, v int) {
	c.mu.Lock()
	c.writes++
	c.mu.Unlock()
	c.Store.Set(key, v)
}

func main() {
	cs := &countingStore{Store: &memStore{m: map[string]int{}}}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cs.Set(fmt.Sprint("k", i%4), i)
		}()
	}
	wg.Wait()
	_, ok := cs.Get("k1")
	get := cs.Get
	_, missing := get("nope")
	fmt.Println(cs.writes, ok, missing)

	var s Store = cs
	s.Set("x", 42)
	v, _ := s.Get("x")
	fmt.Println(v, cs.writes)

	keys := []string{"b", "c", "a"}
	sort.Strings(keys)
	fmt.Println(keys)
}
