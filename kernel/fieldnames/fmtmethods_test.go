package fieldnames_test

import (
	"fmt"
	"testing"

	"github.com/goconc/goconc/kernel/fieldnames"
)

// A value of a notebook type with a Format method is formatted by it for
// every verb, and one with a GoString method by it for %#v, wherever it
// is in the printed value; on a nil pointer too, as fmt calls them.
func TestValueCallsFormatAndGoString(t *testing.T) {
	type vec struct{ X, Y int }
	type node struct{ Name string }
	format := func(v any, f fmt.State, verb rune) {
		w, _ := f.Width()
		fmt.Fprintf(f, "<%d,%d %c w%d>", v.(vec).X, v.(vec).Y, verb, w)
	}
	goString := fieldnames.GoStringFunc(func(v any) string {
		if n := v.(*node); n != nil {
			return "node:" + n.Name
		}
		return "nil-node"
	})
	str := func(v any) string { return "N" }
	tests := []struct {
		spec string
		v    any
		want string
	}{
		{"%v", []vec{{1, 2}}, "[<1,2 v w0>]"},
		{"%5d", []vec{{3, 4}}, "[<3,4 d w5>]"},
		{"%v", map[string]vec{"a": {3, 4}}, "map[a:<3,4 v w0>]"},
		{"%+v", struct{ V vec }{vec{5, 6}}, "{V:<5,6 v w0>}"},
		{"%#v", []*node{{"a"}, nil}, "[]*fieldnames_test.node{node:a, nil-node}"},
		{"%v", []*node{{"a"}}, "[N]"}, // String for %v, GoString for %#v alone
	}
	for _, tt := range tests {
		got := fmt.Sprintf(tt.spec, fieldnames.Value(tt.v, "", vec{}, "", format, (*node)(nil), "", goString, (*node)(nil), "", str))
		if got != tt.want {
			t.Errorf("Sprintf(%q, %v) = %q, want %q", tt.spec, tt.v, got, tt.want)
		}
	}
}
