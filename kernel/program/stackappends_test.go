package program

import (
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestStackAppends lists the slices whose appends get gc's stack buffer,
// and how: "buffer" (the first append takes 32 bytes: make([]T, 0, K)),
// "steps" (each growth goes one size class up), "leaves" (a returned slice
// leaves at the size class of its length), or nothing, where gc puts the
// slice on the heap as Yaegi does, or may (an inlined function).
func TestStackAppends(t *testing.T) {
	tests := []struct {
		name string
		cell string
		want []string // the rewrites, as "buffer []int 4", "steps", "leaves"
	}{
		{"a slice that stays in main",
			"func main() { var s []int; for i := 0; i < 5; i++ { s = append(s, i); fmt.Println(cap(s)) } }",
			[]string{"buffer int 4"}},
		{"strings take two, bytes thirty-two",
			"func main() { var s []string; var b []byte; s = append(s, \"a\"); b = append(b, 'a'); fmt.Println(cap(s), cap(b)) }",
			[]string{"buffer string 2", "buffer byte 32"}},
		{"a function that prints is never inlined",
			"func grow() { s := make([]int, 0); s = append(s, 1, 2); fmt.Println(cap(s)) }",
			[]string{"buffer int 4"}},
		{"one gc may inline is left: in a loop, the buffer would be the caller's",
			"func grow() int { var s []int; s = append(s, 1); return cap(s) }",
			nil},
		{"more elements at once than the buffer holds",
			"func main() { var s []int; s = append(s, 1, 2, 3, 4, 5); fmt.Println(cap(s)) }",
			nil},
		{"elements of more than 32 bytes",
			"func main() { var s [][5]int64; s = append(s, [5]int64{}); fmt.Println(cap(s)) }",
			nil},
		{"handed to a function, the slice leaves",
			"func main() { var s []int; s = append(s, 1); fmt.Println(s) }",
			nil},
		{"an element's address makes it leave",
			"func main() { var s []int; s = append(s, 1); p := &s[0]; fmt.Println(*p, cap(s)) }",
			nil},
		{"so does a closure using it",
			"func main() { var s []int; add := func() { s = append(s, 1) }; add(); fmt.Println(cap(s)) }",
			nil},
		{"a copy of its bytes and a comparison do not",
			"func main() { var b []byte; b = append(b, 'x'); d := make([]byte, 1); copy(d, b); fmt.Println(string(b), b != nil, cap(b)) }",
			[]string{"buffer byte 32"}},
		{"returned with its capacity read: size class by size class",
			"func collect(n int) []int { var s []int; for i := 0; i < n; i++ { s = append(s, i); fmt.Println(cap(s)) }; return s }",
			[]string{"steps"}},
		{"so even where gc may inline it",
			"func collect(n int) []int { s := []int{}; for i := 0; i < n; i++ { s = append(s, i) }; return s }",
			[]string{"steps"}},
		{"returned without: the buffer, left at its length's size class",
			"func word(n int) []byte { var b []byte; for i := 0; i < n; i++ { b = append(b, 'a') }; fmt.Println(n); return b }",
			[]string{"buffer byte 32", "leaves"}},
		{"but not where gc may inline it",
			"func word(n int) []byte { var b []byte; for i := 0; i < n; i++ { b = append(b, 'a') }; return b }",
			nil},
		{"two returns: the heap",
			"func f(n int) []int { var s []int; for i := 0; i < n; i++ { s = append(s, i) }; fmt.Println(n); if n > 2 { return s }; return s }",
			nil},
		{"one append, returned: the heap",
			"func f() []int { var s []int; s = append(s, 1); fmt.Println(); return s }",
			nil},
		{"a variable of the cell is the notebook's, on the heap",
			"var s []int\nfor i := 0; i < 3; i++ { s = append(s, i); fmt.Println(cap(s)) }",
			nil},
		{"one declared in a block of the cell is the cell's",
			"for i := 0; i < 3; i++ { var s []int; s = append(s, i); fmt.Println(cap(s)) }",
			[]string{"buffer int 4"}},
		{"a goroutine's function is never inlined",
			"func main() { done := make(chan bool); go func() { var s []int; s = append(s, 1); done <- cap(s) == 4 }(); <-done }",
			[]string{"buffer int 4"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code := cellCode(t, `import "fmt"`, tt.cell)
			got := stackAppendsWritten(code)
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("got %q, want %q:\n%s", got, tt.want, code)
			}
		})
	}
}

// stackAppendsWritten lists what stackAppends wrote into src, in order.
func stackAppendsWritten(src string) []string {
	kinds := []struct {
		re   *regexp.Regexp
		name func(m []string) string
	}{
		{regexp.MustCompile(`= false; \w+ = make\(\[\]([^,]+), 0, (\d+)\)`), func(m []string) string { return "buffer " + m[1] + " " + m[2] }},
		{regexp.MustCompile(`= append\(make\(\[\]`), func([]string) string { return "steps" }},
		{regexp.MustCompile(`\[:1\]\[0\] == &`), func([]string) string { return "leaves" }},
	}
	type found struct {
		at   int
		what string
	}
	var all []found
	for _, k := range kinds {
		for _, ix := range k.re.FindAllStringSubmatchIndex(src, -1) {
			m := make([]string, len(ix)/2)
			for j := range m {
				if ix[2*j] >= 0 {
					m[j] = src[ix[2*j]:ix[2*j+1]]
				}
			}
			all = append(all, found{ix[0], k.name(m)})
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].at < all[j].at })
	var got []string
	for _, f := range all {
		got = append(got, f.what)
	}
	return got
}
