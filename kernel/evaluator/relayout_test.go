package evaluator

import (
	"reflect"
	"strings"
	"testing"
	"time"
	"unsafe"
)

// interpreted returns a struct type laid out as t is, with the field names
// the interpreter gives a cell's struct (exported: Xwall for wall).
func interpreted(t reflect.Type) reflect.Type {
	fields := make([]reflect.StructField, t.NumField())
	for i := range fields {
		f := t.Field(i)
		fields[i] = reflect.StructField{Name: "X" + f.Name, Type: f.Type}
	}
	return reflect.StructOf(fields)
}

func TestRelayoutConverts(t *testing.T) {
	timeType := reflect.TypeFor[time.Time]()
	stamp := interpreted(timeType)
	now := time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)

	// time.Time to the cell's struct and back.
	s := reflect.New(stamp)
	relayout(s.Interface(), now)
	var back time.Time
	relayout(&back, s.Elem().Interface())
	if !back.Equal(now) {
		t.Errorf("time.Time through the cell's struct = %v, want %v", back, now)
	}

	// A pointer converted points to the same memory.
	p := reflect.New(reflect.PointerTo(timeType))
	relayout(p.Interface(), s.Interface())
	tp := p.Elem().Interface().(*time.Time)
	*tp = tp.Add(time.Hour)
	relayout(&back, s.Elem().Interface())
	if !back.Equal(now.Add(time.Hour)) {
		t.Errorf("a write through the converted pointer: %v, want %v", back, now.Add(time.Hour))
	}

	// A nil pointer stays nil.
	relayout(p.Interface(), reflect.Zero(reflect.PointerTo(stamp)).Interface())
	if !p.Elem().IsNil() {
		t.Errorf("a nil pointer converted is %v", p.Elem())
	}
}

func TestRelayoutRefusesOtherLayouts(t *testing.T) {
	type pair struct{ a, b int64 }
	type other struct {
		a int64
		b string
	}
	defer func() {
		r := recover()
		if msg, _ := r.(string); !strings.Contains(msg, "laid them out differently") {
			t.Errorf("recovered %v, want a panic saying the layouts differ", r)
		}
	}()
	var o other
	relayout(&o, pair{1, 2})
}

func TestSameLayout(t *testing.T) {
	type withFunc struct{ step func(int) int }
	type withPointer struct{ step unsafe.Pointer }
	type withAny struct{ v any }
	type withError struct{ v error }
	tests := []struct {
		a, b reflect.Type
		want bool
	}{
		{reflect.TypeFor[time.Time](), interpreted(reflect.TypeFor[time.Time]()), true},
		// A function of a type that holds itself is written as an unsafe.Pointer.
		{reflect.TypeFor[withFunc](), reflect.TypeFor[withPointer](), true},
		{reflect.TypeFor[withAny](), reflect.TypeFor[withError](), false},
		{reflect.TypeFor[[2]int32](), reflect.TypeFor[[2]uint32](), false},
		{reflect.TypeFor[int64](), reflect.TypeFor[int64](), true},
	}
	for _, tt := range tests {
		if got := sameLayout(tt.a, tt.b); got != tt.want {
			t.Errorf("sameLayout(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
