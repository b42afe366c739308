// A nil pointer, slice or map of the notebook's put in an interface of
// the standard library (io.Reader, http.Handler, sort.Interface) is not
// nil: the interface holds it, its methods run on it, assertions and %T
// find it. Printed, the interface shows the value it holds.
package main

import (
	"fmt"
	"io"
	"net/http"
	"reflect"
	"sort"
	"strings"
)

type MyReader struct{ r *strings.Reader }

func (r *MyReader) Read(p []byte) (int, error) {
	if r == nil {
		return 0, io.EOF
	}
	return r.r.Read(p)
}

type Handler struct{ name string }

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h == nil {
		fmt.Println("nil handler serving")
		return
	}
	fmt.Println("serving", h.name)
}

// V's Read has a value receiver: Go's runtime cannot call it on a nil *V.
type V struct{ n int }

func (v V) Read(p []byte) (int, error) { return v.n, io.EOF }

type Counter struct{ n int }

func (c *Counter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func open(ok bool) io.Reader {
	var r *MyReader
	if ok {
		r = &MyReader{strings.NewReader("text")}
	}
	return r // the classic mistake: never a nil io.Reader
}

func handler(ok bool) http.Handler {
	var h *Handler
	if ok {
		h = &Handler{"x"}
	}
	return h
}

func main() {
	r := open(false)
	fmt.Println(r == nil, r != nil)
	fmt.Printf("%T %v\n", r, r)
	b, err := io.ReadAll(r)
	fmt.Printf("%q %v\n", b, err)
	if p, ok := r.(*MyReader); ok {
		fmt.Println("holds a *MyReader, nil:", p == nil)
	}
	fmt.Println(reflect.TypeOf(r), reflect.ValueOf(r).IsNil())

	r = open(true)
	fmt.Printf("%T %v\n", r, r == nil)
	b, _ = io.ReadAll(r)
	fmt.Println(string(b))

	var w io.Writer = &Counter{}
	fmt.Fprint(w, "four")
	fmt.Println(w)
	fmt.Printf("%v %+v %T\n", w, w, w)

	h := handler(false)
	switch x := h.(type) {
	case *Handler:
		fmt.Println("a *Handler, nil:", x == nil)
	default:
		fmt.Println("something else")
	}
	h.ServeHTTP(nil, nil)
	handler(true).ServeHTTP(nil, nil)

	var words byLen
	var s sort.Interface = words
	fmt.Println(s == nil, s.Len())
	sort.Sort(s)
	s = byLen{"ccc", "a", "bb"}
	sort.Sort(s)
	fmt.Println(s)

	var m map[string]int
	fmt.Println(m == nil)

	defer func() { fmt.Println("recovered:", recover()) }()
	var v *V
	var vr io.Reader = v
	fmt.Println(vr == nil)
	io.ReadAll(vr)
}
