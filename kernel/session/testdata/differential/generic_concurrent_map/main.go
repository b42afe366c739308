package main

import (
	"fmt"
	"sort"
	"sync"
)

// Map is a map safe for concurrent use.
type Map[K comparable, V any] struct {
	mu sync.RWMutex
	m  map[K]V
}

func NewMap[K comparable, V any]() *Map[K, V] {
	return &Map[K, V]{m: make(map[K]V)}
}

func (m *Map[K, V]) Load(k K) (V, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	v, ok := m.m[k]
	return v, ok
}

func (m *Map[K, V]) Store(k K, v V) {
	m.mu.Lock()
	m.m[k] = v
	m.mu.Unlock()
}

func (m *Map[K, V]) Update(k K, f func(V) V) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.m[k] = f(m.m[k])
}

func (m *Map[K, V]) Keys() []K {
	m.mu.RLock()
	defer m.mu.RUnlock()
	ks := make([]K, 0, len(m.m))
	for k := range m.m {
		ks = append(ks, k)
	}
	return ks
}

func main() {
	counts := NewMap[string, int]()
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				counts.Update([]string{"a", "b", "c"}[j%3], func(n int) int { return n + 1 })
			}
		}()
	}
	wg.Wait()
	keys := counts.Keys()
	sort.Strings(keys)
	for _, k := range keys {
		v, _ := counts.Load(k)
		fmt.Println(k, v)
	}
	ids := NewMap[int, []string]()
	ids.Store(1, []string{"x"})
	v, ok := ids.Load(1)
	_, missing := ids.Load(2)
	fmt.Println(v, ok, missing)
}
