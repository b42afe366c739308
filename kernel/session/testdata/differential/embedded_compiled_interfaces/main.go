// A struct that embeds an interface (error, io.Writer, sort.Interface,
// context.Context, one of the program's) has its methods, also where
// compiled code calls them: the error with a code, the counting writer,
// sort.Reverse written by hand, a context that carries one more value, a
// shape that fmt prints by its String. json writes the values in such
// interfaces.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"sort"
	"strings"
	"sync"
	"time"
)

type codeErr struct {
	error
	code int
}

type reverse struct{ sort.Interface }

func (r reverse) Less(i, j int) bool { return r.Interface.Less(j, i) }

type prefixed struct {
	io.Writer
	prefix string
}

type countingWriter struct {
	io.Writer
	mu sync.Mutex
	n  int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.mu.Lock()
	c.n += len(p)
	c.mu.Unlock()
	return c.Writer.Write(p)
}

type requestCtx struct {
	context.Context
	user string
}

func (c requestCtx) Value(key any) any {
	if key == "user" {
		return c.user
	}
	return c.Context.Value(key)
}

type Labeled struct {
	fmt.Stringer
	N int
}

type Shape interface {
	Area() float64
	String() string
}

type square struct{ side float64 }

func (s square) Area() float64  { return s.side * s.side }
func (s square) String() string { return fmt.Sprintf("square(%g)", s.side) }

type framed struct {
	Shape
	color string
}

type celsius float64

func (c celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

func find(id int) error {
	if id < 0 {
		return codeErr{errors.New("negative id"), 400}
	}
	return fmt.Errorf("find %d: %w", id, codeErr{os.ErrNotExist, 404})
}

func main() {
	// error
	for _, id := range []int{-1, 7} {
		err := find(id)
		var ce codeErr
		fmt.Println(err, errors.As(err, &ce), ce.code, errors.Is(err, os.ErrNotExist))
		fmt.Printf("%v | %s | %q\n", err, err, err)
	}
	var e error = codeErr{errors.New("plain"), 1}
	fmt.Println(e.Error(), e)
	if ce, ok := e.(codeErr); ok {
		fmt.Println("asserted:", ce.code, e.(codeErr).code)
	}
	switch x := e.(type) {
	case codeErr:
		fmt.Println("switched:", x.code)
	}

	// sort.Interface
	a := []int{3, 1, 4, 1, 5, 9, 2, 6}
	sort.Sort(reverse{sort.IntSlice(a)})
	fmt.Println(a)
	words := []string{"go", "chan", "select"}
	sort.Sort(reverse{sort.StringSlice(words)})
	fmt.Println(words, sort.IsSorted(reverse{sort.StringSlice(words)}))

	// io.Writer, used by goroutines through compiled code
	cw := &countingWriter{Writer: os.Stdout}
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Fprintf(io.Discard, "%d", i)
		}()
	}
	wg.Wait()
	fmt.Fprintf(cw, "hello %s\n", "writer")
	io.Copy(cw, strings.NewReader("copied\n"))
	fmt.Println(cw.n)
	p := prefixed{os.Stdout, "> "}
	fmt.Fprintln(p, p.prefix+"through an embedded writer")
	p.Write([]byte("written directly\n"))
	var w io.Writer = p
	if back, ok := w.(prefixed); ok {
		fmt.Println("back:", back.prefix)
	}

	// context.Context
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	rc := requestCtx{ctx, "ada"}
	child, cancelChild := context.WithCancel(rc)
	defer cancelChild()
	fmt.Println(child.Value("user"), rc.Value("missing"))
	_, hasDeadline := rc.Deadline()
	fmt.Println(hasDeadline)
	<-child.Done()
	fmt.Println(child.Err(), rc.Err(), errors.Is(rc.Err(), context.DeadlineExceeded))

	// fmt, json and reflect see the field as Go does
	l := Labeled{celsius(21.5), 2}
	fmt.Println(l.String(), l)
	fmt.Printf("%v %+v %s\n", l, l, l)
	b, err := json.Marshal(l)
	fmt.Println(string(b), err)
	b, err = json.Marshal([]fmt.Stringer{celsius(3), square{2}})
	fmt.Println(string(b), err)
	fr := framed{square{3}, "red"}
	fmt.Println(fr, fr.Area(), fr.color)
	fmt.Printf("%v %s %d\n", fr, fr, len(fr.String()))
	f := reflect.TypeOf(l).Field(0)
	fmt.Println(f.Name, f.Anonymous, f.Type)
	ce := reflect.TypeOf(codeErr{}).Field(0)
	fmt.Println(ce.Name, ce.Anonymous, ce.IsExported(), ce.Type)
}
