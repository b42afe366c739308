package localalias_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/goconc/goconc/kernel/cell"
	"github.com/goconc/goconc/kernel/localalias"
)

// directives are the line directives Inline writes around a type it
// writes out; the tests read the source without them.
var directives = regexp.MustCompile(`/\*line :\d+:\d+\*/`)

func TestInline(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"none", "x := []int{1}\nfmt.Println(x)", "x := []int{1}\nfmt.Println(x)"},
		{"top level stays", "type ids = []int\nx := ids{1}", "type ids = []int\nx := ids{1}"},
		{"composite literal",
			"func f() {\n\ttype ids = []int\n\t_ = ids{1}\n}",
			"func f() {\n\t\n\t_ = []int{1}\n}"},
		{"conversion of a pointer",
			"func f(p *T) {\n\ttype ptr = *T\n\t_ = ptr(p)\n\tvar q ptr = p\n\t_ = q\n}",
			"func f(p *T) {\n\t\n\t_ = (*T)(p)\n\tvar q *T = p\n\t_ = q\n}"},
		{"channel of a receive-only channel",
			"func f() {\n\ttype rch = <-chan int\n\t_ = make(chan rch)\n}",
			"func f() {\n\t\n\t_ = make(chan (<-chan int))\n}"},
		{"alias of an alias",
			"func f() {\n\ttype a = *T\n\ttype b = a\n\t_ = b(nil)\n}",
			"func f() {\n\t\n\t\n\t_ = (*T)(nil)\n}"},
		{"group with a type",
			"func f() {\n\ttype (\n\t\ta = int\n\t\ts struct{ n a }\n\t)\n\t_ = s{}\n}",
			"func f() {\n\ttype (\n\t\t\n\t\ts struct{ n int }\n\t)\n\t_ = s{}\n}"},
		{"multi-line type on one line",
			"func f() {\n\ttype p = struct {\n\t\tx int // the x\n\t\ty int\n\t}\n\t_ = p{1, 2}\n}",
			"func f() {\n\t\n\n\n\n\t_ = struct { x int ; y int ; }{1, 2}\n}"},
		{"function literal in a statement",
			"g := func() int {\n\ttype n = int\n\treturn n(1)\n}",
			"g := func() int {\n\t\n\treturn int(1)\n}"},
		{"generic function",
			"func Map[T, U any](xs []T) []U {\n\ttype out = []U\n\treturn make(out, len(xs))\n}",
			"func Map[T, U any](xs []T) []U {\n\t\n\treturn make([]U, len(xs))\n}"},
		{"a type of another cell",
			"func f() {\n\ttype e = Pair[string, int]\n\t_ = e{}\n}",
			"func f() {\n\t\n\t_ = Pair[string, int]{}\n}"},
		{"a variable named like a field",
			"func f() {\n\ttype p = struct{ n int }\n\tn := 1\n\t_ = p{n}\n}",
			"func f() {\n\t\n\tn := 1\n\t_ = struct{ n int }{n}\n}"},
		{"a field named like the alias is no use",
			"func f() {\n\ttype n = int\n\tvar s struct{ n n }\n\t_ = s.n\n}",
			"func f() {\n\t\n\tvar s struct{ n int }\n\t_ = s.n\n}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := cell.Split(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			got, changed, err := localalias.Inline(c)
			if err != nil {
				t.Fatal(err)
			}
			got = directives.ReplaceAllString(got, "")
			if got != tt.want {
				t.Errorf("Inline:\n%s\nwant:\n%s", got, tt.want)
			}
			if changed != (tt.src != tt.want) {
				t.Errorf("changed = %v", changed)
			}
			if strings.Count(got, "\n") != strings.Count(tt.src, "\n") {
				t.Errorf("the lines moved: %d, were %d", strings.Count(got, "\n"), strings.Count(tt.src, "\n"))
			}
		})
	}
}

func TestInlineKeepsColumns(t *testing.T) {
	c, err := cell.Split("func f() {\n\ttype kv = map[string]int\n\tx := kv{}; y := 1\n}")
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := localalias.Inline(c)
	if err != nil {
		t.Fatal(err)
	}
	if want := "x := /*line :3:7*/map[string]int/*line :3:9*/{}; y := 1"; !strings.Contains(got, want) {
		t.Errorf("Inline:\n%s\nwant it to hold %q", got, want)
	}
}

func TestInlineRefuses(t *testing.T) {
	tests := []struct {
		name, src, want string
		offset          int
	}{
		{"embedded", "func f() {\n\ttype m = sync.Mutex\n\tvar s struct{ m }\n\t_ = s\n}",
			"the local alias m is an embedded field, which it names: goconc cannot declare an alias inside a function; declare m at the top level of the cell", 47},
		{"embedded pointer", "func f() {\n\ttype m = sync.Mutex\n\tvar s struct{ *m }\n\t_ = s\n}",
			"the local alias m is an embedded field", 48},
		{"hidden", "func f() {\n\ttype T int\n\ttype a = []T\n\t{\n\t\ttype T string\n\t\tvar x a\n\t\t_ = x\n\t}\n}",
			"the local alias a names T, which another declaration hides here", 64},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := cell.Split(tt.src)
			if err != nil {
				t.Fatal(err)
			}
			_, _, err = localalias.Inline(c)
			var le *localalias.Error
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Inline: %v, want an error saying %q", err, tt.want)
			}
			if !asError(err, &le) || le.Offset != tt.offset {
				t.Errorf("at %v, want offset %d (%q)", le, tt.offset, tt.src[tt.offset:])
			}
		})
	}
}

func asError(err error, target **localalias.Error) bool {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		err = j.Unwrap()[0]
	}
	e, ok := err.(*localalias.Error)
	*target = e
	return ok
}
