package evaluator

import (
	"errors"
	"reflect"
	"runtime"
	"testing"
)

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

// A failed assertion to a concrete type names the interface, the value's
// type and the wanted type, as Go's runtime does.
func TestBadConversionMessage(t *testing.T) {
	for _, tt := range []struct {
		x    any
		want string
	}{
		{errors.New("x"), "interface conversion: error is *errors.errorString, not *main.NotFound"},
		{nil, "interface conversion: error is nil, not *main.NotFound"},
	} {
		func() {
			defer func() {
				if err, ok := recover().(error); !ok || err.Error() != tt.want {
					t.Errorf("BadConversion(%v) panicked with %v, want %q", tt.x, err, tt.want)
				}
			}()
			badConversion(tt.x, "error", "*main.NotFound")
		}()
	}
}

// recover() of panic(nil) is a *runtime.PanicNilError, as since Go 1.21;
// the interpreter panics with the reflect.Value of the nil argument.
func TestRecoveredPanicNil(t *testing.T) {
	var nilArg any
	for _, v := range []any{reflect.Value{}, reflect.ValueOf(&nilArg).Elem()} {
		if _, ok := recovered(v, "").(*runtime.PanicNilError); !ok {
			t.Errorf("recovered(%v) = %T, want *runtime.PanicNilError", v, recovered(v, ""))
		}
	}
	if recovered(nil, "") != nil {
		t.Error("no panic recovered as one")
	}
}
