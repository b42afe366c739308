// Dot imports (import . "slices") put a package's exported names in the
// file's scope: Go's test/fixedbugs/bug295.go, and programs that write
// Println for fmt.Println. goconc refused them ("dot imports are not
// supported"); each name a cell takes from one is now written qualified
// by a name the notebook imports the package by too.
package main

import (
	. "fmt"
	. "iter"
	. "slices"
	"strings"
	"sync"
	. "testing"
)

// (a type of a dot import; S's field T is not testing's T)
type _ B

type S struct {
	T int
}

type Shout struct{ strings.Builder }

type Temp float64

func (t Temp) String() string { return Sprintf("%.1f°", float64(t)) }

type Labels struct{ Stringer }

var ErrShort = Errorf("short")

func shout(s string) string { return strings.ToUpper(s) + "!" }

func count(n int) Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func main() {
	Println(shout("hi"), S{T: 1})
	var wg sync.WaitGroup
	words := make([]string, 3)
	for i, w := range strings.Fields("c a b") {
		wg.Go(func() { words[i] = strings.ToUpper(w) })
	}
	wg.Wait()
	Sort(words)
	Println(words, Contains(words, "B"), Index(words, "C"), Max(words))
	Println(Collect(count(4)), Sorted(Values([]int{3, 1, 2})))
	next, stop := Pull(count(2))
	a, ok := next()
	stop()
	Println(a, ok)
	var sh Shout
	sh.WriteString("loud")
	Printf("%s %d %v %T\n", sh.String(), sh.Len(), S{T: 1}, Temp(1))
	var st Stringer = Temp(21.5)
	Println(st, Sprint(Temp(3)), Labels{st})
	Index := func(s string) int { return len(s) } // (a local hides the import's)
	Println(Index("four"))
	p := Sprintf
	Println(p("%03d", 7))
	var e error = Errorf("wrapped: %w", ErrShort)
	Println(e)
}
