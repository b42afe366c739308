package namedtypes

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/goconc/goconc/kernel/methodsets"
)

func init() {
	// Celsius stands for type Celsius float64 with a String method: to
	// reflect, a float64.
	methodsets.RegisterNamed("main.Celsius", "String", func(c float64) string { return fmt.Sprint(c, "C") })
	methodsets.RegisterNamed("main.Celsius", "Warm", func(c *float64) { *c++ })
}

func TestViews(t *testing.T) {
	f := reflect.TypeFor[float64]()
	tests := []struct {
		t                   reflect.Type
		str, name, elem     string
		methods             int
		sameAsUnderlyingTyp bool
	}{
		{Of(f, "main.Celsius"), "main.Celsius", "Celsius", "", 1, false},
		{Of(reflect.PointerTo(f), "*main.Celsius"), "*main.Celsius", "", "main.Celsius", 2, false},
		{Of(reflect.SliceOf(f), "[]main.Celsius"), "[]main.Celsius", "", "main.Celsius", 0, false},
		{Of(reflect.MapOf(reflect.TypeFor[string](), f), "map[string]main.Celsius"), "map[string]main.Celsius", "", "main.Celsius", 0, false},
		{Of(reflect.ArrayOf(2, f), "[2]main.Celsius"), "[2]main.Celsius", "", "main.Celsius", 0, false},
		{Of(reflect.ChanOf(reflect.RecvDir, f), "<-chan main.Celsius"), "<-chan main.Celsius", "", "main.Celsius", 0, false},
		{Of(reflect.SliceOf(f), "[]float64"), "[]float64", "", "float64", 0, true},
		{Of(f, ""), "float64", "float64", "", 0, true},
	}
	for _, tt := range tests {
		if got := tt.t.String(); got != tt.str {
			t.Errorf("String() = %q, want %q", got, tt.str)
		}
		if got := tt.t.Name(); got != tt.name {
			t.Errorf("%s: Name() = %q, want %q", tt.str, got, tt.name)
		}
		if tt.elem != "" && tt.t.Elem().String() != tt.elem {
			t.Errorf("%s: Elem() = %v, want %s", tt.str, tt.t.Elem(), tt.elem)
		}
		if got := tt.t.NumMethod(); got != tt.methods {
			t.Errorf("%s: NumMethod() = %d, want %d", tt.str, got, tt.methods)
		}
		if same := tt.t == Raw(tt.t); same != tt.sameAsUnderlyingTyp {
			t.Errorf("%s: the same as reflect's type: %v, want %v", tt.str, same, tt.sameAsUnderlyingTyp)
		}
	}
	if Of(f, "main.Celsius") != Of(f, "main.Celsius") {
		t.Error("two views of one type differ")
	}
	if Of(f, "main.Celsius") == Of(f, "main.Kelvin") {
		t.Error("the views of two types are one")
	}
}

func TestAssignability(t *testing.T) {
	f := reflect.TypeFor[float64]()
	c := Of(f, "main.Celsius")
	ints := Of(reflect.TypeFor[[]int](), "main.IDs")
	stringer := reflect.TypeFor[fmt.Stringer]()
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"Celsius to Celsius", AssignableTo(c, c), true},
		{"Celsius to float64", AssignableTo(c, f), false},
		{"float64 to Celsius", AssignableTo(f, c), false},
		{"IDs to []int", AssignableTo(ints, reflect.TypeFor[[]int]()), true},
		{"[]int to IDs", AssignableTo(reflect.TypeFor[[]int](), ints), true},
		{"Celsius to fmt.Stringer", AssignableTo(c, stringer), true},
		{"Celsius converts to float64", ConvertibleTo(c, f), true},
		{"Celsius converts to string", ConvertibleTo(c, reflect.TypeFor[string]()), false},
		{"PointerTo(Celsius) is *Celsius", PointerTo(c) == Of(reflect.PointerTo(f), "*main.Celsius"), true},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	if n, _ := Implements(c, stringer); !n {
		t.Error("Celsius does not implement fmt.Stringer")
	}
	if reflect.New(Raw(c)).Elem().Kind() != reflect.Float64 {
		t.Error("reflect.New of Raw(Celsius) is no float64")
	}
}
