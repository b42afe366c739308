// Methods returning channels, functions, functions of functions,
// interfaces and maps of functions, called in every way: reflect's
// registration of the methods must leave their calls as they are.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type sb string

func (b sb) String() string { return strings.ToUpper(string(b)) }

type Svc struct {
	mu      sync.Mutex
	results chan int
	hooks   map[string]func(int) int
}

func NewSvc() *Svc {
	return &Svc{results: make(chan int, 4), hooks: map[string]func(int) int{}}
}

func (s *Svc) Results() <-chan int                  { return s.results }
func (s *Svc) Hook(name string) func(int) int       { return s.hooks[name] }
func (s *Svc) On(name string, f func(int) int) *Svc { s.hooks[name] = f; return s }
func (s *Svc) Pair() (func() int, error)            { return func() int { return 7 }, nil }
func (s *Svc) Stringer() fmt.Stringer               { return sb("x") }
func (s *Svc) Locker() sync.Locker                  { return &s.mu }
func (s *Svc) Hooks() map[string]func(int) int      { return s.hooks }
func (s *Svc) Chain() func() func() string {
	return func() func() string { return func() string { return "deep" } }
}
func (s *Svc) Emit(xs ...int) {
	for _, x := range xs {
		s.results <- s.Hook("double")(x)
	}
}

func main() {
	s := NewSvc().On("double", func(x int) int { return x * 2 })
	s.Emit(1, 2)
	fmt.Println(<-s.Results(), <-s.Results(), s.Hook("double")(5))
	f, err := s.Pair()
	fmt.Println(f(), err, s.Stringer(), s.Chain()()())
	s.Locker().Lock()
	s.Locker().Unlock()
	keys := []string{}
	for k := range s.Hooks() {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys, s.Hooks()["double"](21))
	g := s.Chain
	fmt.Println(g()()())
}
