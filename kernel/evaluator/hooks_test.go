package evaluator

import "testing"

// A value of the notebook's interface reaches EqualNamed without its box:
// the implementers name its type when one alone has its reflect type.
func TestEqualNamedWithoutBox(t *testing.T) {
	u16, v16, s := uint16(0), uint16(0), ""
	tests := []struct {
		name         string
		implementers []any
		want         bool
	}{
		{"no implementers: a bare value is not of a named type", nil, false},
		{"the one implementer with its reflect type", []any{u16, "main.U16", s, "main.S"}, true},
		{"another type has its reflect type", []any{v16, "main.V16", s, "main.S"}, false},
		{"two have it: the values decide", []any{u16, "main.U16", v16, "main.V16"}, true},
	}
	for _, tt := range tests {
		if got := equalNamed(uint16(1), uint16(1), "main.U16", tt.implementers...); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
	if equalNamed(uint16(1), uint16(2), "main.U16", u16, "main.U16") {
		t.Error("different values are equal")
	}
}
