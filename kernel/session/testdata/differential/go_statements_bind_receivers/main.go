// A go statement evaluates its method's receiver where it stands: a
// value receiver is copied then, whatever the cell assigns afterwards.
package main

import (
	"fmt"
	"sync"
)

type Snapshot struct {
	Version int
	Items   []string
}

func (s Snapshot) Report(wg *sync.WaitGroup, out chan<- string) {
	defer wg.Done()
	out <- fmt.Sprintf("version %d, %d items", s.Version, len(s.Items))
}

type Counter struct{ n int }

func (c *Counter) Add(wg *sync.WaitGroup, k int) {
	defer wg.Done()
	c.n += k
}

func main() {
	var wg sync.WaitGroup
	out := make(chan string, 10)
	s := Snapshot{1, []string{"a"}}
	wg.Add(1)
	go s.Report(&wg, out)
	s.Version, s.Items = 2, nil
	wg.Wait()
	fmt.Println(<-out)

	p := &Snapshot{3, []string{"x", "y"}}
	wg.Add(1)
	go p.Report(&wg, out)
	p.Version = 4
	wg.Wait()
	fmt.Println(<-out)

	history := []Snapshot{{5, nil}, {6, []string{"z"}}}
	for _, h := range history {
		wg.Add(1)
		go h.Report(&wg, out)
		wg.Wait()
		fmt.Println(<-out)
	}
	history[0].Version = 0
	wg.Add(1)
	go history[1].Report(&wg, out)
	history[1].Version = 7
	wg.Wait()
	fmt.Println(<-out)

	var c Counter
	wg.Add(1)
	go c.Add(&wg, 1)
	wg.Wait()
	wg.Add(1)
	go c.Add(&wg, 10)
	wg.Wait()
	fmt.Println("counter", c.n)
}
