package complete

import (
	"reflect"
	"strings"
	"testing"

	"github.com/goconc/goconc/kernel/importer"
	"github.com/goconc/goconc/kernel/program"
	"github.com/goconc/goconc/kernel/symbols"
)

func newProgram(t *testing.T, cells ...string) *program.Program {
	p := program.New(importer.New(symbols.All()))
	for i, c := range cells {
		u, err := p.Compile("["+string(rune('1'+i))+"]", c)
		if err != nil {
			t.Fatal(err)
		}
		p.Commit(u)
	}
	return p
}

func TestComplete(t *testing.T) {
	p := newProgram(t, "type Counter struct{ N int }\nfunc (c *Counter) Inc() { c.N++ }\nworkers := 3\nvar counter Counter")
	tests := []struct {
		code  string
		want  []string
		start int
	}{
		{"fmt.Sprin", []string{"Sprint", "Sprintf", "Sprintln"}, 4},
		{"sync.WaitG", []string{"WaitGroup"}, 5},
		{"work", []string{"workers"}, 0},
		{"counter.", []string{"Inc", "N"}, 8},
		{"x := 1\nfor i := 0; i < work", []string{"workers"}, 23},
		{"sel", []string{"select", "selfcheck"}, 0}, // a keyword and an importable package
		{"errgroup.Wi", []string{"WithContext"}, 9},
	}
	for _, tt := range tests {
		r := Complete(p, tt.code, len(tt.code))
		if !reflect.DeepEqual(r.Matches, tt.want) || r.Start != tt.start || r.End != len(tt.code) {
			t.Errorf("%q: %v at %d..%d, want %v at %d", tt.code, r.Matches, r.Start, r.End, tt.want, tt.start)
		}
	}
	// A cursor in the middle of a word completes the part before it and
	// replaces the whole word.
	code := "fmt.Prixyz"
	r := Complete(p, code, strings.Index(code, "xyz"))
	if r.Start != 4 || r.End != len(code) || len(r.Matches) != 3 {
		t.Errorf("mid-word: %+v", r)
	}
}

func TestIsComplete(t *testing.T) {
	tests := []struct {
		code, status, indent string
	}{
		{`fmt.Println("hi")`, "complete", ""},
		{"", "complete", ""},
		{"%timeline on", "complete", ""},
		{"%%timeline\ngo f(", "complete", ""},
		{"func f() {", "incomplete", "\t"},
		{"for i := 0; i < 3; i++ {\n\tif i > 1 {", "incomplete", "\t\t"},
		{"x := []int{1,", "incomplete", "\t"},
		{"s := `raw", "incomplete", ""},
		{"x := 1 +", "incomplete", ""},
		{"x := )", "invalid", ""},
		{"}", "invalid", ""},
		{"x := 1 2", "invalid", ""},
	}
	for _, tt := range tests {
		status, indent := IsComplete(tt.code)
		if status != tt.status || indent != tt.indent {
			t.Errorf("%q: %s %q, want %s %q", tt.code, status, indent, tt.status, tt.indent)
		}
	}
}
