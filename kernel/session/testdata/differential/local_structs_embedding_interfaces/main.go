// A struct type declared inside a function that embeds an interface or a
// type with methods, the decorator of a reader or a writer, handed to
// compiled code: one with the interface as its only field panicked
// ("reflect: StructOf does not support methods of embedded interfaces");
// one with more fields, or embedding a *bufio.Reader, had no Read for
// io.ReadAll ("method not found: Read"). Such a type moves to the top
// level, where the embedded methods are written for it.
package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"sync"
)

type Animal interface{ Sound() string }

type Dog struct{}

func (Dog) Sound() string { return "woof" }

func main() {
	type loud struct{ Animal }
	l := loud{Dog{}}
	fmt.Println(l.Sound())
	var a Animal = l
	fmt.Println(a.Sound())

	type upper struct{ io.Reader }
	b, _ := io.ReadAll(upper{strings.NewReader("abc")})
	fmt.Println(string(b))

	type tee struct {
		io.Writer
		lines int
	}
	var sb strings.Builder
	t := &tee{Writer: &sb}
	fmt.Fprintf(t, "%d-%s", 7, "x")
	t.lines++
	fmt.Println(sb.String(), t.lines)

	// A type of the standard library with methods, embedded.
	type buffered struct {
		*bufio.Reader
		name string
	}
	br := buffered{bufio.NewReader(strings.NewReader("buffered")), "br"}
	b, _ = io.ReadAll(br)
	fmt.Println(string(b), br.name)
	type guarded struct {
		sync.Mutex
		n int
	}
	var g guarded
	var wg sync.WaitGroup
	for range 5 {
		wg.Go(func() {
			g.Lock()
			g.n++
			g.Unlock()
		})
	}
	wg.Wait()
	fmt.Println(g.n)

	type counting struct {
		io.Reader
		n *int
	}
	n := 0
	data, _ := io.ReadAll(counting{strings.NewReader("xyz"), &n})
	fmt.Println(string(data))
}
