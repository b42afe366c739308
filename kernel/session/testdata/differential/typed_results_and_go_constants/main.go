// A comparison returned as an interface, and constants handed to a
// goroutine's function of sized integer and float parameters.
package main

import (
	"fmt"
	"sync"
)

func greater(x, y any) any { return x.(float64) > y.(float64) }

func same(a, b int) any { return a == b }

func notEmpty(s string) fmt.Stringer {
	if !(len(s) > 0) {
		return nil
	}
	return nil
}

type server struct {
	mu  sync.Mutex
	log []string
}

func (s *server) serve(port int64, tries uint8, wg *sync.WaitGroup) {
	defer wg.Done()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = append(s.log, fmt.Sprint("port ", port, " tries ", tries))
}

func scale(id int32, f float32, out chan<- string) {
	out <- fmt.Sprint(id, " ", f*2)
}

func main() {
	fmt.Println(greater(1.0, 2.0), greater(3.0, 2.0), same(4, 4), notEmpty("") == nil)

	s := &server{}
	var wg sync.WaitGroup
	wg.Add(2)
	go s.serve(8080, 3, &wg)
	go s.serve(9090, 255, &wg)
	wg.Wait()
	if s.log[0] > s.log[1] {
		s.log[0], s.log[1] = s.log[1], s.log[0]
	}
	fmt.Println(s.log)

	out := make(chan string)
	go scale(7, 1.25, out)
	fmt.Println(<-out)
}
