package fieldnames

import (
	"reflect"
	"testing"
)

func TestInPlaceFieldsNamed(t *testing.T) {
	RegisterExportedFields("Xpos")
	for _, c := range []struct{ in, want string }{
		{"interface {} is int, not struct { Xn int }", "interface {} is int, not struct { n int }"},
		{`not struct { Xn int; Name string "json:\"Xa; Xb c\"" }`, `not struct { n int; Name string "json:\"Xa; Xb c\"" }`},
		{"not []struct { Xa int; B struct { Xc int } }", "not []struct { a int; B struct { c int } }"},
		{"not map[string]struct { Xpos int; Xq int }", "not map[string]struct { Xpos int; q int }"},
		{"not struct { X int; Xyz_ *int }", "not struct { X int; yz_ *int }"},
		{"not struct { bytes.Buffer; Xk int }", "not struct { bytes.Buffer; k int }"},
		{"not func(struct {}) Xn", "not func(struct {}) Xn"},
		{"no struct here: Xn int", "no struct here: Xn int"},
	} {
		if got := InPlaceFieldsNamed(c.in); got != c.want {
			t.Errorf("InPlaceFieldsNamed(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestGoTypeString(t *testing.T) {
	RegisterExportedFields("Xpos")
	// As the interpreter makes struct{ Xpos int; n int } and a channel of
	// struct{ k int }: unexported fields exported with an X.
	st := reflect.StructOf([]reflect.StructField{
		{Name: "Xpos", Type: reflect.TypeFor[int]()},
		{Name: "Xn", Type: reflect.TypeFor[int]()},
	})
	ch := reflect.ChanOf(reflect.RecvDir, reflect.StructOf([]reflect.StructField{{Name: "Xk", Type: reflect.TypeFor[string]()}}))
	for _, c := range []struct {
		t    reflect.Type
		want string
	}{
		{st, "struct { Xpos int; n int }"},
		{reflect.PointerTo(st), "*struct { Xpos int; n int }"},
		{reflect.MapOf(reflect.TypeFor[string](), reflect.SliceOf(st)), "map[string][]struct { Xpos int; n int }"},
		{ch, "<-chan struct { k string }"},
		{reflect.ChanOf(reflect.BothDir, ch), "chan (<-chan struct { k string })"},
		{reflect.TypeFor[[]int](), "[]int"},
	} {
		if got := GoTypeString(c.t); got != c.want {
			t.Errorf("GoTypeString(%v) = %q, want %q", c.t, got, c.want)
		}
	}
}
