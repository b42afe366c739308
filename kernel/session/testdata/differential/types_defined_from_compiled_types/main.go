// Types defined from compiled types: a defined type has none of the
// methods of the type it is defined from. Learn Go's (Inanc Gumus)
// interfaces lessons declare type timestamp time.Time with a String
// method: the interpreter gave such a type time.Time's reflect type, and
// so time.Time's methods, and fmt printed "1971-05-13 16:26:40 +0000 UTC"
// for Go's "May 1971". A Duration type with its own MarshalJSON (a config
// file's idiom) panicked; a dur with a String method printed as 1.5µs; a
// json.Marshaler holding a JSONTime called time.Time's MarshalJSON. A
// type defined from a compiled struct, or from a struct embedding an
// interface, crashed the kernel's compiler.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// As Learn Go's interfaces lessons declare it: a time with a String
// method of its own.
type released time.Time

var notYet = released(time.Time{})

func (r released) String() string {
	if t := time.Time(r); !t.IsZero() {
		return t.UTC().Format("Jan 2006")
	}
	return "not yet"
}

func releasedAt(secs any) released {
	switch s := secs.(type) {
	case int:
		return released(time.Unix(int64(s), 0))
	case string:
		n, err := strconv.Atoi(s)
		if err == nil {
			return released(time.Unix(int64(n), 0))
		}
	}
	return notYet
}

type album struct {
	name string
	out  released
}

func (a *album) String() string { return fmt.Sprintf("%-8s %s", a.name, a.out) }

// A Duration that reads and writes "1m30s" in JSON.
type Duration time.Duration

func (d Duration) MarshalJSON() ([]byte, error) { return json.Marshal(time.Duration(d).String()) }

func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := time.ParseDuration(s)
	*d = Duration(v)
	return err
}

type Config struct {
	Timeout Duration `json:"timeout"`
	Retry   Duration
}

type dur time.Duration

func (d dur) String() string { return fmt.Sprintf("%d ticks", int64(d)) }

type plain time.Duration

type JSONTime time.Time

func (t JSONTime) MarshalJSON() ([]byte, error) {
	return []byte(strconv.Quote(time.Time(t).Format("2006-01-02"))), nil
}

type Event struct {
	Name string
	At   JSONTime
}

type hdr http.Header

func (h hdr) Count() int { return len(h) }

type client http.Client

func (c *client) String() string { return fmt.Sprint("client with timeout ", c.Timeout) }

type rw bufio.ReadWriter

type desc sort.IntSlice

func (x desc) Len() int           { return len(x) }
func (x desc) Less(i, j int) bool { return x[i] > x[j] }
func (x desc) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }

type buf bytes.Buffer

func (b *buf) Len() int { return (*bytes.Buffer)(b).Len() * 10 }

type num big.Int

func (n *num) String() string { return "num:" + (*big.Int)(n).String() }

type pattern regexp.Regexp

func (p *pattern) String() string { return "pattern" }

type file os.File

type Person struct{ io.Reader }
type Employee Person

func main() {
	shelf := []fmt.Stringer{
		&album{"blue", releasedAt(43000000)},
		&album{"red", releasedAt("812000000")},
		&album{"green", notYet},
	}
	for _, s := range shelf {
		fmt.Println(s)
	}
	var never released
	fmt.Println(never)
	fmt.Printf("%s %v %T\n", never, never, never)
	var s fmt.Stringer = releasedAt(0)
	fmt.Println(s.String())

	c := Config{Timeout: Duration(3 * time.Second), Retry: Duration(2 * time.Hour)}
	b, err := json.Marshal(c)
	fmt.Println(string(b), err)
	var c2 Config
	err = json.Unmarshal([]byte(`{"timeout":"1m30s","Retry":"5ms"}`), &c2)
	fmt.Println(c2, err, time.Duration(c2.Timeout))

	d := dur(1500)
	fmt.Println(d)
	fmt.Printf("%v %s %d\n", d, d, d)
	var ds fmt.Stringer = d
	fmt.Println(ds.String())
	p := plain(time.Second)
	fmt.Println(p)
	var a any = p
	_, ok := a.(fmt.Stringer)
	fmt.Println(ok)

	e := Event{"launch", JSONTime(time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC))}
	b, _ = json.Marshal(e)
	fmt.Println(string(b))
	var m json.Marshaler = e.At
	b, _ = m.MarshalJSON()
	fmt.Println(string(b), time.Time(e.At).Year())

	h := hdr{"A": {"b"}}
	fmt.Println(h.Count(), h, http.Header(h).Get("A"))

	cl := client{Timeout: 2 * time.Second}
	fmt.Println(&cl)
	hc := (*http.Client)(&cl)
	hc.Timeout = time.Minute
	fmt.Println(cl.Timeout, http.Client(cl).Timeout)

	r := rw{Reader: bufio.NewReader(strings.NewReader("hello\nworld\n"))}
	line, _ := r.ReadString('\n')
	fmt.Printf("%q\n", line)
	brw := bufio.ReadWriter(r)
	line, _ = brw.ReadString('\n')
	fmt.Printf("%q\n", line)

	x := desc{3, 1, 2}
	sort.Sort(x)
	fmt.Println(x, sort.IsSorted(sort.IntSlice(x)))

	var bb buf
	(*bytes.Buffer)(&bb).WriteString("abc")
	fmt.Println(bb.Len(), (*bytes.Buffer)(&bb).String())
	fmt.Println((*num)(big.NewInt(42)))
	pt := (*pattern)(regexp.MustCompile("a+"))
	fmt.Println(pt, (*regexp.Regexp)(pt).FindString("baaa"))
	f := (*file)(os.Stdout)
	fmt.Fprintln((*os.File)(f), "through a file")

	emp := Employee{strings.NewReader("read through an embedded interface")}
	all, _ := io.ReadAll(emp)
	fmt.Println(string(all))
}
