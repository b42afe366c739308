package session

import (
	"strings"
	"testing"
)

// Generic code runs lowered to its instances (kernel/generics); these are
// what a notebook adds to a program: redefinitions, later cells, messages.

func TestRedefiningGenericCodeReachesItsInstances(t *testing.T) {
	s := newTestSession(t)
	s.ok("func Double[T int | float64](x T) T { return x * 2 }\nfunc useInt() int { return Double(21) }")
	if got := s.ok("fmt.Println(useInt(), Double(1.25))").stream("stdout"); got != "42 2.5\n" {
		t.Fatalf("first: %q", got)
	}
	// useInt was compiled against Doubleᐸintᐳ: the new body must reach it.
	s.ok("func Double[T int | float64](x T) T { return x * 3 }")
	if got := s.ok("fmt.Println(useInt(), Double(1.25))").stream("stdout"); got != "63 3.75\n" {
		t.Errorf("after redefining Double: %q", got)
	}
	s.ok("type Box[T any] struct{ v T }\nfunc (b Box[T]) Get() T { return b.v }\nb := Box[string]{v: \"x\"}")
	s.ok("type Box[T ~string] struct{ v, w T }\nfunc (b Box[T]) Get() T { return b.v + b.w }")
	if got := s.ok("fmt.Println(Box[string]{\"a\", \"b\"}.Get(), b.Get() == \"x\")").stream("stdout"); got != "ab true\n" {
		t.Errorf("after redefining Box: %q", got)
	}
}

func TestGenericPanicNamesTheUsersFunction(t *testing.T) {
	s := newTestSession(t)
	s.ok("func At[T any](xs []T, i int) T { return xs[i] }")
	r, c := s.exec("var e []string\ngo func() { At(e, 3) }()\ntime.Sleep(time.Hour)")
	if r.Status != "error" || r.Ename != "panic" {
		t.Fatalf("reply = %+v", r)
	}
	tb := strings.Join(c.errors, "\n")
	if strings.Contains(tb, "ᐸ") {
		t.Errorf("the traceback shows a mangled name:\n%s", tb)
	}
	if !strings.Contains(tb, "in At") {
		t.Errorf("the traceback does not name At:\n%s", tb)
	}
}

func TestGenericCompileErrorsAreTheUsers(t *testing.T) {
	s := newTestSession(t)
	r, _ := s.exec("func Sum[T int | string](xs []T) T { var s T; for _, x := range xs { s += x }; return s }\nSum([]float64{1})")
	if r.Status != "error" || !strings.Contains(r.Evalue, "float64 does not satisfy int | string") || strings.Contains(r.Evalue, "ᐸ") {
		t.Errorf("reply = %+v", r)
	}
}

func TestPanicInsideTheStandardLibrarysGenericCode(t *testing.T) {
	s := newTestSession(t)
	r, c := s.exec("xs := []int{1, 2, 3}\nxs = slices.Delete(xs, 2, 5)")
	if r.Status != "error" || r.Ename != "panic" {
		t.Fatalf("reply = %+v", r)
	}
	tb := strings.Join(c.errors, "\n")
	if strings.Contains(tb, "ᐸ") || strings.Contains(tb, "ᐧ") {
		t.Errorf("the traceback shows a mangled name:\n%s", tb)
	}
	if !strings.Contains(tb, "slices.Delete") {
		t.Errorf("the traceback does not name slices.Delete:\n%s", tb)
	}
	t.Logf("%s", tb)
}
