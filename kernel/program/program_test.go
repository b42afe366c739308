package program

import (
	"fmt"
	"strings"
	"testing"

	"github.com/goconc/goconc/kernel/importer"
	"github.com/goconc/goconc/kernel/symbols"
)

var imp = func() *importer.Importer {
	im := importer.New(symbols.All())
	im.SetSpellings(symbols.Spellings())
	im.SetImports(symbols.Imports())
	return im
}()

// compileAll compiles and commits cells in order, failing on errors.
func compileAll(t *testing.T, p *Program, cells ...string) []*Unit {
	t.Helper()
	var units []*Unit
	for _, c := range cells {
		u, err := p.Compile(fmt.Sprintf("[%d]", len(units)+1), c)
		if err != nil {
			t.Fatalf("%q: %v", c, err)
		}
		p.Commit(u)
		units = append(units, u)
	}
	return units
}

// cellCode compiles prelude and cell as the two cells of a fresh program
// and returns the code the second one runs.
func cellCode(t *testing.T, prelude, cell string) string {
	t.Helper()
	units := compileAll(t, New(imp), prelude, cell)
	var src strings.Builder
	for _, c := range units[1].Chunks {
		src.WriteString(c.Src)
	}
	return src.String()
}

// codeHolds reports the texts of want that code lacks, and those of not
// that it holds.
func codeHolds(t *testing.T, code string, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(code, w) {
			t.Errorf("no %q in:\n%s", w, code)
		}
	}
	for _, n := range not {
		if strings.Contains(code, n) {
			t.Errorf("%q in:\n%s", n, code)
		}
	}
}

func globalType(p *Program, name string) string {
	if g := p.st.findGlobal(name); g != nil {
		return g.Type
	}
	return ""
}

func TestHoisting(t *testing.T) {
	p := New(imp)
	compileAll(t, p, `x := 1
y, err := strconv.Atoi("2")
var z, w = "s", []int{1}
var mu sync.Mutex
type T struct{ A int }
t := &T{}
ch := make(chan<- string, 3)
r := bufio.NewReader(strings.NewReader(""))
for i := 0; i < 2; i++ { local := i; _ = local }`)
	want := map[string]string{"x": "int", "y": "int", "err": "error", "z": "string", "w": "[]int",
		"mu": "sync.Mutex", "t": "*T", "ch": "chan<- string", "r": "*bufio.Reader", "local": "", "i": ""}
	for name, typ := range want {
		if got := globalType(p, name); got != typ {
			t.Errorf("global %s: %q, want %q", name, got, typ)
		}
	}
}

func TestRedefinitionPlans(t *testing.T) {
	tests := []struct {
		name    string
		cells   []string
		rebuild bool
	}{
		{"same func again", []string{"func f() int { return 1 }", "func f() int { return 1 }"}, false},
		{"func body changes", []string{"func f() int { return 1 }", "func f() int { return 2 }"}, false},
		{"func signature changes", []string{"func f() int { return 1 }\nfunc g() int { return f() }", "func f() string { return \"\" }\nfunc g() string { return f() }"}, false},
		{"method body changes", []string{"type T int\nfunc (T) M() int { return 1 }", "func (T) M() int { return 2 }"}, false},
		{"method signature changes", []string{"type T int\nfunc (T) M() int { return 1 }", "func (T) M() string { return \"\" }"}, true},
		{"type changes", []string{"type T struct{ A int }", "type T struct{ A, B int }"}, true},
		{"same type again", []string{"type T struct{ A int }", "type T struct{ A int }"}, false},
		// A generic function runs as its instances, which are functions.
		{"generic func changes", []string{"func Id[X any](x X) X { return x }", "func Id[X any](x X) X { var z X; _ = x; return z }"}, false},
		{"generic func with an instance changes", []string{"func Id[X any](x X) X { return x }\nfunc f() int { return Id(1) }", "func Id[X any](x X) X { var z X; _ = x; return z }"}, false},
		{"generic type with an instance changes", []string{"type Box[T any] struct{ v T }\nvar b Box[int]", "type Box[T any] struct{ v, w T }"}, true},
		{"generic method body changes", []string{"type Box[T any] struct{ v T }\nfunc (b Box[T]) Get() T { return b.v }\nvar b Box[int]", "func (b Box[T]) Get() T { var z T; return z }"}, false},
		{"global changes type", []string{"x := 1\nfunc f() int { return x }", "x := \"s\"\nfunc f() string { return x }"}, false},
		{"const changes", []string{"const N = 1\nfunc f() int { return N }", "const N = 2"}, false},
		// A method that a struct took from an embedded interface is a
		// forwarder the type was emitted with (forwarders.go).
		{"method replaces a promoted one", []string{"type W struct{ io.Writer }", "func (W) Write(p []byte) (n int, err error) { return 0, nil }"}, false},
		// The interpreter would call the forwarder on the value with a copy.
		{"method replaces a promoted one on the pointer", []string{"type W struct{ io.Writer }", "func (*W) Write(p []byte) (int, error) { return 0, nil }"}, true},
		{"method replaces one promoted to the pointer alone", []string{"type B struct{ bytes.Buffer }", "func (*B) Write(p []byte) (int, error) { return 0, nil }"}, false},
		{"method on the value replaces one promoted to the pointer alone", []string{"type B struct{ bytes.Buffer }", "func (B) Write(p []byte) (int, error) { return 0, nil }"}, false},
		{"method replaces a promoted one with another signature", []string{"type W struct{ io.Writer }", "func (W) Write(s string) {}"}, true},
		{"method of its own beside promoted ones", []string{"type W struct{ io.Writer }", "func (W) Close() error { return nil }"}, false},
		{"methods in the type's cell", []string{"type W struct{ io.Writer }\nfunc (W) Write(p []byte) (int, error) { return 0, nil }"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := New(imp)
			units := compileAll(t, p, tt.cells...)
			if got := units[len(units)-1].Rebuild; got != tt.rebuild {
				t.Errorf("rebuild = %v, want %v", got, tt.rebuild)
			}
		})
	}
}

func TestBrokenDeclarationsAreDropped(t *testing.T) {
	p := New(imp)
	compileAll(t, p, "func f() int { return 1 }\nfunc g() int { return f() + 1 }")
	u := compileAll(t, p, "func f() string { return \"now a string\" }")[0]
	if len(u.Notes) != 1 || !strings.Contains(u.Notes[0], "func g (from [1]) no longer compiles and was removed") {
		t.Errorf("notes = %q", u.Notes)
	}
	if p.st.findDecl("g") != nil {
		t.Error("g is still declared")
	}
	if _, err := p.Compile("[3]", "g()"); err == nil || !strings.Contains(err.Error(), "undefined: g") {
		t.Errorf("calling g: %v", err)
	}
}

func TestErrorsAtCellPositions(t *testing.T) {
	p := New(imp)
	tests := []struct{ src, want string }{
		{"x := 1\n\ty := x + \"s\"", "[1]:2:7: invalid operation"},
		{"func f() {\n\tvar unused int\n}", "[2]:2:6: declared and not used: unused"},
		{"import \"not/a/package\"", `package "not/a/package" is not available in goconc`},
		{"x := ", "[4]:1:6"},
		{"import . \"fmt\"\nPrintln(1, nosuch)", "[5]:2:12: undefined: nosuch"},
		// go build's words and places for the standard library's types
		// (byte, rune, any), function literals, missing arguments and
		// type arguments not inferred:
		{"_ = bytes.IndexByte([]byte(\"ab\"), \"x\")", `[6]:1:35: cannot use "x" (untyped string constant) as byte value in argument to bytes.IndexByte`},
		{"_ = strings.Map(func(r int) int { return r }, \"ab\")", "[7]:1:17: cannot use func(r int) int {…} (value of type func(r int) int) as func(rune) rune value in argument to strings.Map"},
		{"fmt.Printf()", "[8]:1:1: not enough arguments in call to fmt.Printf\n\thave ()\n\twant (string, ...any)"},
		{"_ = strings.Split(\"a\")", "[9]:1:19: not enough arguments in call to strings.Split"},
		{"_ = slices.Max(nil)", "[10]:1:15: in call to slices.Max, cannot infer S (declared at $GOROOT/src/slices/sort.go:"},
		{"func g() {\n\tx := 1\n\tvar x int\n\t_ = x\n}", "[11]:3:6: x redeclared in this block\n\t[11]:2:2: other declaration of x"},
	}
	for i, tt := range tests {
		_, err := p.Compile(fmt.Sprintf("[%d]", i+1), tt.src)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v, want %q", tt.src, err, tt.want)
		}
	}
}

func TestAutoImports(t *testing.T) {
	p := New(imp)
	compileAll(t, p, "r := rand.Intn(3)\ng := errgroup.Group{}\n_ = g\nvar sf singleflight.Group\n_ = sf\n_ = r")
	for name, path := range map[string]string{"rand": "math/rand", "errgroup": "golang.org/x/sync/errgroup", "singleflight": "golang.org/x/sync/singleflight"} {
		if im := p.st.importNamed(name); im == nil || im.Path != path {
			t.Errorf("%s imported as %+v, want %s", name, im, path)
		}
	}
}

func TestShowDecisions(t *testing.T) {
	tests := []struct {
		src  string
		show bool
	}{
		{"6*7", true},
		{"fmt.Println(1)", false},
		{"fmt.Sprint(1)", true},
		{"strconv.Atoi(\"3\")", true},
		{"var wg sync.WaitGroup\nwg.Wait()", false},
		{"done := make(chan struct{}, 1)\ndone <- struct{}{}\n<-done", false},
		{"ch := make(chan int, 1)\nch <- 4\n<-ch", true},
		{"x := 1", false},
		{"os.Stdout.Write([]byte(\"x\"))", false},
	}
	for _, tt := range tests {
		p := New(imp)
		u, err := p.Compile("[1]", tt.src)
		if err != nil {
			t.Fatalf("%q: %v", tt.src, err)
		}
		if u.Show != tt.show {
			t.Errorf("%q: show = %v", tt.src, u.Show)
		}
	}
}

func TestWhere(t *testing.T) {
	p := New(imp)
	compileAll(t, p, "x := 1\n\nfunc worker(n int) {\n\tfmt.Println(n)\n}\n\ntype T int\n\nfunc (T) M() {\n}")
	for line, want := range map[int]string{1: "", 3: "worker", 4: "worker", 5: "worker", 9: "(T).M"} {
		if got := p.Where("[1]", line); got != want {
			t.Errorf("line %d: %q, want %q", line, got, want)
		}
	}
}

// A receive from the channel a generic function's instance returns names
// the channel after the call, as Go writes the instance (Count[string],
// not the lowered Countᐸstringᐳ); the timeline shows that name.
func TestChannelNamesOfInstances(t *testing.T) {
	p := New(imp)
	u := compileAll(t, p, "func Count[T any](xs ...T) <-chan T {\n\tout := make(chan T)\n\tgo func() {\n\t\tdefer close(out)\n\t\tfor _, x := range xs {\n\t\t\tout <- x\n\t\t}\n\t}()\n\treturn out\n}\nfor x := range Count(\"a\", \"b\") {\n\t_ = x\n}")[0]
	var src strings.Builder
	for _, c := range u.Chunks {
		src.WriteString(c.Src)
	}
	if want := `"Count[string](\"a\", \"b\")\x1f[1]:11"`; !strings.Contains(src.String(), want) {
		t.Errorf("the receive does not name the channel %s:\n%s", want, src.String())
	}
}

func TestByteOrderMark(t *testing.T) {
	p := New(imp)
	u, err := p.Compile("[1]", "\ufeffx := 1\n_ = x")
	if err != nil {
		t.Fatalf("a cell that begins with a byte order mark: %v", err)
	}
	p.Commit(u)
}
