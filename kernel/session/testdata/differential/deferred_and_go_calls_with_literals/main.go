// Deferred calls and go statements whose arguments are composite
// literals, on receivers held by interfaces and variables.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type Logger interface{ Log(parts []string) }

type base struct {
	mu    sync.Mutex
	lines []string
}

func (b *base) Log(parts []string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.lines = append(b.lines, fmt.Sprint(parts))
}

type service struct{ *base }

func work(id int, tags []string, opts map[string]int, log Logger, wg *sync.WaitGroup) {
	defer wg.Done()
	defer log.Log([]string{"done", fmt.Sprint(id)})
	log.Log(append([]string{"start"}, tags...))
	_ = opts
}

func main() {
	b := &base{}
	var log Logger = service{b}
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Add(1)
		go work(i, []string{"t", fmt.Sprint(i)}, map[string]int{"n": i}, log, &wg)
	}
	wg.Wait()
	func() {
		defer log.Log([]string{"deferred", "last"})
		r := b
		defer r.Log([]string{"receiver", "kept"})
		r = nil
	}()
	sort.Strings(b.lines)
	for _, l := range b.lines {
		fmt.Println(l)
	}
}
