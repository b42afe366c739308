package main

import (
	"fmt"
	"sync"
)

func with(l sync.Locker, f func()) {
	l.Lock()
	defer l.Unlock()
	f()
}

func main() {
	var mu sync.Mutex
	var rw sync.RWMutex
	n := 0
	with(&mu, func() { n++ })
	with(rw.RLocker(), func() { n++ })
	with(&rw, func() { n++ })
	fmt.Println(n)
}
