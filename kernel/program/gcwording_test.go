package program

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

func TestGCWording(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"cannot use (func(r int) int literal) (value of type func(r int) int) as func(rune) rune value in argument to strings.Map",
			"cannot use func(r int) int {…} (value of type func(r int) int) as func(rune) rune value in argument to strings.Map"},
		{"(func() literal) (value of type func()) is not used", "func() {…} (value of type func()) is not used"},
		{"cannot use (func(f func(int) (string, error)) (x int) literal) and (func() literal)", "cannot use func(f func(int) (string, error)) (x int) {…} and func() {…}"},
		{"no literal here (func(x) and f(", "no literal here (func(x) and f("},
		{"x (variable of type func())", "x (variable of type func())"},
		{"break not in for, switch, or select statement", "break is not in a loop, switch, or select"},
		{"continue not in for statement", "continue is not in a loop"},
		{"label L declared and not used", "label L defined and not used"},
		{"label M not declared", "label M not defined"},
		{"label M not declared and more", "label M not declared and more"},
	} {
		if got := gcWording(tc.in); got != tc.want {
			t.Errorf("gcWording(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestGCPosition(t *testing.T) {
	src := "package p\nfunc f(a, b int) {}\nfunc g() {\n\tf(1)\n\tf()\n\tf(1, 2, 3)\n\t_ = z()\n\tn(\"s\"[:])\n\tc := make(<-chan int)\n\tc <- 1\n}\nfunc z[T any]() (t T) { return }\nfunc n[T int](T) {}\nfunc h(x int, g func() bool, m map[int]bool, s struct{ ok bool }, b bool) {\n\tselect {\n\tcase x > 0:\n\tcase g():\n\tcase m[1]:\n\tcase s.ok:\n\tcase b:\n\t}\n}\n"
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	conf := types.Config{Error: func(err error) {
		te := err.(types.Error)
		got = append(got, fmt.Sprintf("%s %s", fset.Position(gcPosition(file, te)), strings.SplitN(te.Msg, "\n", 2)[0]))
	}}
	conf.Check("p", fset, []*ast.File{file}, nil)
	want := []string{
		"p.go:4:4 not enough arguments in call to f",                                                                  // (the last argument)
		"p.go:5:2 not enough arguments in call to f",                                                                  // (the call)
		"p.go:6:10 too many arguments in call to f",                                                                   // (go/types' place, as go build's)
		"p.go:7:7 in call to z, cannot infer T (declared at p.go:12:8)",                                               // (the opening parenthesis)
		"p.go:8:3 in call to n, T (type string) does not satisfy int",                                                 // (the opening parenthesis)
		"p.go:10:2 invalid operation: cannot send to receive-only channel <-chan int c (variable of type <-chan int)", // (the channel)
		"p.go:16:9 select case must be send or receive (possibly with assignment)",                                    // (the operator)
		"p.go:17:8 select case must be send or receive (possibly with assignment)",                                    // (the call's parenthesis)
		"p.go:18:8 select case must be send or receive (possibly with assignment)",                                    // (the index's bracket)
		"p.go:19:8 select case must be send or receive (possibly with assignment)",                                    // (the selector's dot)
		"p.go:20:7 select case must be send or receive (possibly with assignment)",                                    // (the operand)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestGCContinued(t *testing.T) {
	p := token.Position{Filename: "[2]", Line: 3, Column: 2}
	for _, tc := range []struct{ msg, cont, want string }{
		{"x redeclared in this block", "\tother declaration of x", "x redeclared in this block\n\t[2]:3:2: other declaration of x"},
		{"label L already declared", "\tother declaration of L", "label L already defined at [2]:3:2"},
	} {
		if got := gcContinued(tc.msg, tc.cont, p); got != tc.want {
			t.Errorf("gcContinued(%q, %q) = %q, want %q", tc.msg, tc.cont, got, tc.want)
		}
	}
}

// go build's label checks, which it makes before its type checker: their
// words, the places they name, and a label a misplaced break names is
// used.
func TestGCLabels(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"func main() {\n\tfor {\n\t\tbreak M\n\t}\n}", "5:9: break label not defined: M"},
		{"func main() {\n\tfor {\n\t\tcontinue M\n\t}\n}", "5:12: continue label not defined: M"},
		{"func main() {\nL:\n\tif true {\n\t\tfor {\n\t\t\tbreak L\n\t\t}\n\t}\n}", "7:10: invalid break label L"},
		{"func main() {\n\tgoto L\n\t{\n\tL:\n\t}\n}", "4:7: goto L jumps into block starting at p.go:5:2"},
		{"func main() {\n\tgoto L\n\tswitch {\n\tcase true:\n\tL:\n\t}\n}", "4:7: goto L jumps into block starting at p.go:6:2"},
		{"func main() {\n\tgoto L\n\tvar y, z = 1, 2\n\ta, b := 1, 2\n\t_, _, _, _ = a, b, y, z\nL:\n}", "4:7: goto L jumps over declaration of a, b at p.go:6:7"},
		{"func main() {\n\tgoto L\n\tvar y int\n\t_ = y\nL:\n}", "4:7: goto L jumps over declaration of y at p.go:5:6"},
		{"func main() {\nL:\n\tgoto L\nL:\n\tgoto L\n}", "6:1: label L already defined at p.go:4:1"},
	} {
		src := "package p\n\n" + tc.src + "\n"
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "p.go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		c := &checked{fset: fset, file: file, a: &assembly{}}
		conf := types.Config{Error: func(err error) { c.errs = append(c.errs, err.(types.Error)) }}
		conf.Check("p", fset, []*ast.File{file}, nil)
		errs, _ := c.split("p.go", nil)
		var got []string
		for _, e := range errs {
			got = append(got, strings.TrimPrefix(e.Error(), "p.go:"))
		}
		if strings.Join(got, "\n") != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.src, got, tc.want)
		}
	}
}
