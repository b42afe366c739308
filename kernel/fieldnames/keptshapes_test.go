package fieldnames_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/goconc/goconc/kernel/fieldnames"
)

// A []celsius that went into an any is printed by its elements' String
// method there, and %T names it, where reflect sees a []float64.
func TestKeptShapes(t *testing.T) {
	str := func(v any) string { return fmt.Sprintf("%.1fC", v.(float64)) }
	temps := []float64{21.5, 30}
	plain := []float64{1, 2}
	var held any = fieldnames.KeepShape(temps, "[@main.celsius;-")
	tests := []struct {
		v    any
		want string
	}{
		{held, "[21.5C 30.0C]"},
		{[]any{held, plain}, "[[21.5C 30.0C] [1 2]]"},
		{map[string]any{"t": held}, "map[t:[21.5C 30.0C]]"},
		{plain, "[1 2]"}, // (kept for temps alone)
	}
	for _, tt := range tests {
		if got := fmt.Sprint(fieldnames.Value(tt.v, "", nil, "main.celsius", str)); got != tt.want {
			t.Errorf("Sprint(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
	if name, ok := fieldnames.KeptTypeName(reflect.ValueOf(temps)); !ok || name != "[]main.celsius" {
		t.Errorf("KeptTypeName(temps) = %q, %v; want []main.celsius", name, ok)
	}
	if _, ok := fieldnames.KeptTypeName(reflect.ValueOf(plain)); ok {
		t.Errorf("KeptTypeName(plain) found a shape kept for another slice")
	}
}
