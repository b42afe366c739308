package methodsets

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// counter stands for a notebook struct type: compiled, it has methods
// reflect sees, but the tests register functions for a type without
// any, as the interpreter's are.
type counter struct{ n int }

func init() {
	Register((*counter)(nil), "Value", func(c counter) int { return c.n })
	Register((*counter)(nil), "Add", func(c *counter, d ...int) {
		for _, x := range d {
			c.n += x
		}
	})
	Register((*counter)(nil), "String", func(c counter) string { return fmt.Sprint("n=", c.n) })
	Register((*counter)(nil), "reset", func(c *counter) { c.n = 0 })
}

func names(t reflect.Type) string {
	var b []string
	for i := range NumMethod(t) {
		m := Method(t, i)
		b = append(b, fmt.Sprintf("%d:%s%v", m.Index, m.Name, m.Type.NumIn()))
	}
	return strings.Join(b, " ")
}

func TestMethodSets(t *testing.T) {
	tests := []struct {
		typ  reflect.Type
		want string
	}{
		{reflect.TypeFor[counter](), "0:String1 1:Value1"},
		{reflect.TypeFor[*counter](), "0:Add2 1:String1 2:Value1"},
		{reflect.TypeFor[time.Duration](), "0:Abs1 1:Hours1 2:Microseconds1 3:Milliseconds1 4:Minutes1 5:Nanoseconds1 6:Round2 7:Seconds1 8:String1 9:Truncate2"},
		{reflect.TypeFor[struct{ X int }](), ""},
	}
	for _, tt := range tests {
		if got := names(tt.typ); got != tt.want {
			t.Errorf("methods of %v: %s, want %s", tt.typ, got, tt.want)
		}
	}
}

func TestValueMethods(t *testing.T) {
	c := &counter{n: 1}
	v := reflect.ValueOf(c)
	ValueMethodByName(v, v.Type(), "Add").Call([]reflect.Value{reflect.ValueOf(2), reflect.ValueOf(3)})
	if c.n != 6 {
		t.Fatalf("after Add(2, 3) n = %d, want 6", c.n)
	}
	// A value method of a pointer reads the value when called.
	value := ValueMethodByName(v, v.Type(), "Value")
	c.n = 9
	if got := value.Call(nil)[0].Int(); got != 9 {
		t.Errorf("Value() = %d, want 9", got)
	}
	if ValueMethodByName(reflect.ValueOf(*c), reflect.TypeOf(*c), "Add").IsValid() {
		t.Error("a counter value has Add, a pointer method")
	}
	if got := ValueMethod(reflect.ValueOf(*c), reflect.TypeOf(*c), 0).Call(nil)[0].String(); got != "n=9" {
		t.Errorf("Method(0) of a counter = %q, want String's n=9", got)
	}
	if n := ValueNumMethod(reflect.ValueOf(time.Second), reflect.TypeOf(time.Second)); n != 10 {
		t.Errorf("ValueNumMethod(time.Second) = %d, want reflect's 10", n)
	}
	m, ok := MethodByName(reflect.TypeFor[*counter](), "String")
	if !ok || m.Func.Call([]reflect.Value{v})[0].String() != "n=9" {
		t.Errorf("(*counter).String through its Func: %v %v", ok, m)
	}
}

func TestImplements(t *testing.T) {
	stringer := reflect.TypeFor[fmt.Stringer]()
	resetter := []any{"reset", (func())(nil)}
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"counter fmt.Stringer", Implements(reflect.TypeFor[counter](), stringer), true},
		{"counter error", Implements(reflect.TypeFor[counter](), reflect.TypeFor[error]()), false},
		{"*counter reset", ImplementsMethods(reflect.TypeFor[*counter](), resetter...), true},
		{"counter reset", ImplementsMethods(reflect.TypeFor[counter](), resetter...), false},
		{"*counter Add(int)", ImplementsMethods(reflect.TypeFor[*counter](), "Add", (func(int))(nil)), false},
		{"Duration String", ImplementsMethods(reflect.TypeFor[time.Duration](), "String", (func() string)(nil)), true},
		{"Stringer String", ImplementsMethods(stringer, "String", (func() string)(nil)), true},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

func TestMethodIndexOutOfRange(t *testing.T) {
	defer func() {
		if r := recover(); r != "reflect: Method index out of range" {
			t.Errorf("Method(5) panicked with %v, want reflect's message", r)
		}
	}()
	Method(reflect.TypeFor[counter](), 5)
}
