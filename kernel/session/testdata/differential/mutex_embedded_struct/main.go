package main

import (
	"fmt"
	"sync"
)

type safeList struct {
	sync.Mutex
	items []int
}

func (l *safeList) add(v int) {
	l.Lock()
	defer l.Unlock()
	l.items = append(l.items, v)
}

func main() {
	var l safeList
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); l.add(i) }()
	}
	wg.Wait()
	sum := 0
	for _, v := range l.items {
		sum += v
	}
	fmt.Println(len(l.items), sum)
}
