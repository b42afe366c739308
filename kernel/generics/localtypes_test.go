package generics

import "testing"

func TestLocalTypes(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // lines the lowered program has
		not  []string // text it must not have
	}{
		{
			"a basic type moves, and its uses are renamed",
			"package main\nfunc main() { type F float64; var x any = F(1); _ = x }\n",
			[]string{"func main() { ;; var x any = Fᐧlocal(1); _ = x }", "type Fᐧlocal float64"},
			[]string{"type F float64"},
		},
		{
			"a local constant in an array's length is written as its value",
			"package main\nfunc main() { const n = 3; type T [n]int; _ = T{} }\n",
			[]string{"type Tᐧlocal [(3)]int", "_ = Tᐧlocal{}"},
			nil,
		},
		{
			"a group moves whole, and a type naming another of the group",
			"package main\nfunc main() { type ( Name string; Row []Name ); _ = Row{Name(\"a\")} }\n",
			[]string{"type Nameᐧlocal string", "type Rowᐧlocal []Nameᐧlocal", "_ = Rowᐧlocal{Nameᐧlocal(\"a\")}"},
			nil,
		},
		{
			"struct types, pointers and what names a local struct stay, renamed; interfaces keep their names",
			"package main\nfunc main() { type P struct{ X int }; type Ps []P; type I interface{ M() }; type Ptr *int; _, _, _ = Ps{}, I(nil), Ptr(nil) }\n",
			[]string{"type Pᐧlocal struct{ X int }; type Psᐧlocal []Pᐧlocal; type I interface{ M() }; type Ptrᐧlocal *int; _, _, _ = Psᐧlocal{}, I(nil), Ptrᐧlocal(nil)"},
			[]string{"type P struct", "Iᐧlocal"},
		},
		{
			"a struct type of a package-level one's name gets a name of its own (the interpreter took them for one type)",
			"package main\ntype T struct{ a, b int }\nfunc f(x any) bool { type T struct{ a, b int }; _, ok := x.(T); return ok }\nfunc g() any { type T struct{ a, b int }; return T{} }\n",
			[]string{"type T struct{ a, b int }", "type Tᐧlocal struct{ a, b int }; _, ok := x.(Tᐧlocal)", "type Tᐧlocalᐧᐧ2ᐳ struct{ a, b int }; return Tᐧlocalᐧᐧ2ᐳ{}"},
			nil,
		},
		{
			"an embedded local struct's field is renamed with it",
			"package main\nfunc main() { type in struct{ v int }; type out struct{ in }; o := out{in{1}}; o.in.v = 2; _ = o }\n",
			[]string{"type outᐧlocal struct{ inᐧlocal }; o := outᐧlocal{inᐧlocal{1}}; o.inᐧlocal.v = 2"},
			nil,
		},
		{
			"a struct without fields moves (reflect cannot tell it from struct{})",
			"package main\nfunc main() { type token struct{}; var x any = token{}; _ = x }\n",
			[]string{"type tokenᐧlocal struct{}", "var x any = tokenᐧlocal{}"},
			nil,
		},
		{
			"types of one name in two functions get two names",
			"package main\nfunc a() any { type F int; return F(1) }\nfunc b() any { type F string; return F(\"\") }\n",
			[]string{"type Fᐧlocal int", "type Fᐧlocalᐧᐧ2ᐳ string", "return Fᐧlocal(1)", "return Fᐧlocalᐧᐧ2ᐳ(\"\")"},
			nil,
		},
		{
			"a type of a generic function stays",
			"package main\nfunc G[T any]() any { type F int; return F(1) }\nvar _ = G[int]()\n",
			nil,
			[]string{"Fᐧlocal"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { expectLowered(t, lower(t, tt.src), tt.want, tt.not) })
	}
}
