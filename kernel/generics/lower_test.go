package generics

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"
)

// lower checks src as package main and lowers it, returning the file with
// the edits made followed by the instances.
func lower(t *testing.T, src string) string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "main.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{},
		Instances: map[*ast.Ident]types.Instance{}, Types: map[ast.Expr]types.TypeAndValue{}}
	conf := types.Config{Importer: importer.Default()}
	if _, err := conf.Check("main", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	res, err := Lower(&File{Fset: fset, File: f, Src: src, Info: info,
		Qualify: func(p *types.Package) (string, bool) { return p.Name(), true }}, NewNames())
	if err != nil {
		t.Fatal(err)
	}
	if res == nil {
		return src
	}
	out := res.Apply(src, 0, len(src))
	for _, in := range res.Instances {
		out += "\n" + in.Text
	}
	return out
}

func TestLower(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // lines the lowered program has
		not  []string // text it must not have
	}{
		{
			"inferred call",
			"package main\nfunc Map[T, U any](xs []T, f func(T) U) []U { var out []U; for _, x := range xs { out = append(out, f(x)) }; return out }\n" +
				"var _ = Map([]int{1}, func(i int) string { return \"\" })\n",
			[]string{"var _ = Mapᐸintᐧstringᐳ([]int{1}", "func Mapᐸintᐧstringᐳ(xs []int, f func(int) string) []string { var out []string;"},
			[]string{"[T, U any]"},
		},
		{
			"generic type, its methods and a nested instance",
			"package main\ntype Stack[T any] struct{ items []T }\nfunc (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }\n" +
				"type Pair[K comparable, V any] struct{ K K; V Stack[V] }\nvar p Pair[string, []int]\n",
			[]string{"var p Pairᐸstringᐧsliceintᐳ", "type Pairᐸstringᐧsliceintᐳ struct{ K string; V Stackᐸsliceintᐳ }",
				"type Stackᐸsliceintᐳ struct{ items [][]int }", "func (s *Stackᐸsliceintᐳ) Push(v []int) { s.items = append(s.items, v) }"},
			[]string{"Stack[T]", "Pair[K"},
		},
		{
			"type sets are constraints only",
			"package main\ntype Number interface{ ~int | ~float64 }\nfunc Sum[T Number](xs ...T) (s T) { for _, x := range xs { s += x }; return }\nvar _ = Sum(1.5, 2)\n",
			[]string{"var _ = Sumᐸfloat64ᐳ(1.5, 2)", "func Sumᐸfloat64ᐳ(xs ...float64) (s float64)"},
			[]string{"~int"},
		},
		{
			"a pointer type argument is parenthesised in a conversion, and only there",
			"package main\nfunc Conv[T any](x any) T { return T(x.(T)) }\nvar _ = Conv[*int](nil)\n",
			[]string{"func Convᐸptrintᐳ(x any) *int { return (*int)(x.(*int)) }"},
			nil,
		},
		{
			// Yaegi's compiler panicked on var c (interface{ M() }).
			"an interface type argument is not parenthesised in a declaration",
			"package main\nfunc F[T any](x any) bool { var c T; c, ok := x.(T); _ = c; return ok }\nvar _ = F[interface{ M() }](nil)\n",
			[]string{"var c interface{M(); }", "x.(interface{M(); })"},
			[]string{"var c (", "x.((", "(interface{M(); }), bool"},
		},
		{
			"an instance drops a case no value can match, and asks an impossible assertion from an any",
			"package main\ntype I interface{ M() }\ntype S struct{}\nfunc (S) M() {}\nfunc F[A any](x I) bool { switch x.(type) { case A: return true }; _, ok := x.(A); return ok }\nvar _ = F[string](S{})\n",
			[]string{"switch x.(type) {  }", "_, ok := any(x).(string)"},
			nil,
		},
		{
			"a case an instance names twice is dropped",
			"package main\nfunc F[T any](x any) string { switch x.(type) { case T: return \"T\"; case int32, int16: return \"small\"; case int: return \"int\" }; return \"\" }\nvar _ = F[int32](nil)\nvar _ = F[int](nil)\n",
			[]string{"case int32: return \"T\"; case int16: return \"small\"; case int: return \"int\"", "case int: return \"T\"; case int32, int16: return \"small\";  }"},
			nil,
		},
		{
			"embedded generic field is renamed where it is selected",
			"package main\ntype Box[T any] struct{ v T }\ntype Named struct{ Box[int]; n string }\nvar x Named\nvar _ = x.Box.v\n",
			[]string{"type Named struct{ Boxᐸintᐳ; n string }", "var _ = x.Boxᐸintᐳ.v"},
			nil,
		},
		{
			"a size of a type parameter's value stays a variable in the instance; a constant one stays a constant",
			"package main\nimport \"unsafe\"\nfunc S[T any](t T) uintptr { var p struct{ a int8; b T }; return 1 << unsafe.Sizeof(t) / unsafe.Alignof(p.b) + unsafe.Offsetof(p.b) + unsafe.Sizeof(0) }\nvar _ = S[[3]Box[int]]\ntype Box[T any] struct{ v T }\n",
			[]string{"return 1 << func() uintptr { return unsafe.Sizeof(t) }() / func() uintptr { return unsafe.Alignof(p.b) }() + func() uintptr { return unsafe.Offsetof(p.b) }() + unsafe.Sizeof(0)", "func Sᐸᐸ3ᐳBoxᐸintᐳᐳ(t [3]Boxᐸintᐳ)"},
			nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { expectLowered(t, lower(t, tt.src), tt.want, tt.not) })
	}
}

// expectLowered fails t unless the lowered program got has each text of
// want and none of not.
func expectLowered(t *testing.T, got string, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("lowered program lacks %q:\n%s", w, got)
		}
	}
	for _, n := range not {
		if strings.Contains(got, n) {
			t.Errorf("lowered program still has %q:\n%s", n, got)
		}
	}
}

func TestLocalTypeArgumentIsHoisted(t *testing.T) {
	got := lower(t, "package main\nfunc Id[T any](x T) T { return x }\nfunc f() { type local int; _ = Id(local(1)) }\n")
	for _, w := range []string{"func f() { ;; _ = Idᐸlocalᐧlocalᐳ(localᐧlocal(1)) }", "type localᐧlocal int", "func Idᐸlocalᐧlocalᐳ(x localᐧlocal) localᐧlocal"} {
		if !strings.Contains(got, w) {
			t.Errorf("lowered program lacks %q:\n%s", w, got)
		}
	}
}

func TestNames(t *testing.T) {
	n := NewNames()
	a := n.name("Map[int;string]", "Map", []string{"int", "string"}, "Map[int, string]")
	b := n.name("Map[int;string]", "Map", []string{"int", "string"}, "Map[int, string]")
	c := n.name("Map[a.T;string]", "Map", []string{"int", "string"}, "Map[a.T, string]")
	if a != "Mapᐸintᐧstringᐳ" || a != b || c == a {
		t.Errorf("names %q %q %q", a, b, c)
	}
	if got := n.Demangle("panic in " + a + ": x"); got != "panic in Map[int, string]: x" {
		t.Errorf("Demangle: %q", got)
	}
	if got := Origin("Mapᐸsliceᐸintᐳᐳ.func1"); got != "Map.func1" {
		t.Errorf("Origin: %q", got)
	}
}
