package namedvalues

import (
	"reflect"
	"runtime"
	"testing"

	"github.com/goconc/goconc/kernel/namedtypes"
)

func TestTypeOfAValueOfANamedType(t *testing.T) {
	tests := []struct {
		x      any
		goName string
		want   string
	}{
		{7, "main.MyInt", "main.MyInt"},
		{21.5, "main.Celsius", "main.Celsius"},
		{"ok", "main.Status", "main.Status"},
		{[]int{1, 2}, "[]main.MyInt", "[]main.MyInt"},
		{new(int), "*main.MyInt", "*main.MyInt"},
		{struct{}{}, "main.Dog", "main.Dog"}, // (every zero-size value is at one address)
		{7, "", "int"},                       // none of the notebook's
	}
	for _, tt := range tests {
		v := Of(tt.x, tt.goName)
		if got := Type(v).String(); got != tt.want {
			t.Errorf("Type(Of(%v, %q)) = %s, want %s", tt.x, tt.goName, got, tt.want)
		}
		if v.CanSet() || v.CanAddr() {
			t.Errorf("Of(%v, %q) is settable or addressable; reflect.ValueOf's is neither", tt.x, tt.goName)
		}
		if !reflect.DeepEqual(v.Interface(), tt.x) {
			t.Errorf("Of(%v, %q) holds %v", tt.x, tt.goName, v.Interface())
		}
	}
	// The variable a pointer points to.
	c := new(float64)
	pv := Of(c, "*main.Celsius")
	if got := Type(pv.Elem()).String(); got != "main.Celsius" {
		t.Errorf("Type(Of(&c).Elem()) = %s, want main.Celsius", got)
	}
	pv.Elem().SetFloat(3)
	if *c != 3 {
		t.Errorf("Of(&c).Elem().SetFloat(3) left c %v", *c)
	}
	// Two struct types without fields, struct{} to reflect.
	dog, cat := Of(struct{}{}, "main.Dog"), Of(struct{}{}, "main.Cat")
	if Type(dog).String() != "main.Dog" || Type(cat).String() != "main.Cat" {
		t.Errorf("Type of a Dog's Value and a Cat's = %v, %v; want main.Dog, main.Cat", Type(dog), Type(cat))
	}
	// Another int's Value, even an equal one, is an int's.
	if got := Type(reflect.ValueOf(7)); got != reflect.TypeOf(0) {
		t.Errorf("Type(reflect.ValueOf(7)) = %v", got)
	}
	if got, want := String(Of(7, "main.MyInt")), "<main.MyInt Value>"; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
	if got := String(Of("ok", "main.Status")); got != "ok" {
		t.Errorf("String of a string's Value = %q", got)
	}
}

// The entries go with their copies.
func TestEntriesGoWithTheirValues(t *testing.T) {
	before := entries.Load()
	for range 1000 {
		Of(12345, "main.MyInt")
	}
	for i := 0; entries.Load() > before && i < 1000; i++ {
		runtime.GC()
		runtime.Gosched()
	}
	if n := entries.Load(); n > before {
		t.Errorf("%d entries left of 1000 dead Values", n-before)
	}
}

func TestFieldsOfNamedTypes(t *testing.T) {
	type reading struct {
		Where string
		Temp  float64
	}
	RegisterFields((*reading)(nil), "", "main.Celsius")
	r := reading{"kitchen", 21.5}
	v := reflect.ValueOf(r)
	if got := Type(Field(v, 1, v.Field(1))).String(); got != "main.Celsius" {
		t.Errorf("Type of field Temp = %s, want main.Celsius", got)
	}
	if got := Type(Field(v, 0, v.Field(0))).String(); got != "string" {
		t.Errorf("Type of field Where = %s, want string", got)
	}
	rt := reflect.TypeOf(r)
	if got := StructField(rt, rt.Field(1)).Type.String(); got != "main.Celsius" {
		t.Errorf("StructField(Temp).Type = %s, want main.Celsius", got)
	}
	// A field reached through the variable, settable as reflect's is.
	p := reflect.ValueOf(&r).Elem()
	f := Field(p, 1, p.Field(1))
	f.SetFloat(30)
	if r.Temp != 30 || Type(f).String() != "main.Celsius" {
		t.Errorf("after SetFloat: Temp %v, type %s", r.Temp, Type(f))
	}
}

func TestElementsOfNamedTypes(t *testing.T) {
	namedtypes.RegisterUnderlying("main.Temps", "[]main.Celsius")
	tests := []struct {
		x      any
		goName string
		elem   func(reflect.Value) reflect.Value
		want   string
	}{
		{[]float64{1, 2}, "[]main.Celsius", func(v reflect.Value) reflect.Value { return v.Index(1) }, "main.Celsius"},
		{[]float64{1, 2}, "main.Temps", func(v reflect.Value) reflect.Value { return v.Index(0) }, "main.Celsius"},
		{map[string]float64{"a": 1}, "map[string]main.Celsius", func(v reflect.Value) reflect.Value { return v.MapIndex(reflect.ValueOf("a")) }, "main.Celsius"},
		{[]int{3}, "[]int", func(v reflect.Value) reflect.Value { return v.Index(0) }, "int"},
	}
	for _, tt := range tests {
		v := Of(tt.x, tt.goName)
		if got := Type(Elem(v, tt.elem(v))).String(); got != tt.want {
			t.Errorf("Type of an element of Of(%v, %q) = %s, want %s", tt.x, tt.goName, got, tt.want)
		}
	}
}

func TestInInterface(t *testing.T) {
	tests := []struct {
		x      any
		goName string
		want   string // Type of the Value's Elem
	}{
		{21.5, "main.Celsius", "main.Celsius"},
		{"A", "main.Var", "main.Var"},
		{[]int{1}, "main.Ints", "main.Ints"},
		{7, "", "int"},
	}
	for _, tt := range tests {
		i := InInterface(tt.x, tt.goName)
		v := reflect.ValueOf(&i).Elem()
		if got := Type(v.Elem()).String(); got != tt.want {
			t.Errorf("Type of InInterface(%v, %q) in an interface = %s, want %s", tt.x, tt.goName, got, tt.want)
		}
		if !reflect.DeepEqual(i, tt.x) {
			t.Errorf("InInterface(%v, %q) holds %v", tt.x, tt.goName, i)
		}
	}
	if i := InInterface(nil, "main.Var"); i != nil {
		t.Errorf("InInterface(nil) = %v, want nil", i)
	}
}
