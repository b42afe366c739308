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
			"struct types, interfaces and pointers stay, and what names a local struct",
			"package main\nfunc main() { type P struct{ X int }; type Ps []P; type I interface{ M() }; type Ptr *int; _, _, _ = Ps{}, I(nil), Ptr(nil) }\n",
			[]string{"type P struct{ X int }; type Ps []P; type I interface{ M() }; type Ptr *int"},
			[]string{"ᐧlocal"},
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
