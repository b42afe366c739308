package fieldnames

import (
	"encoding/json"
	"image"
	"reflect"
	"testing"
	"time"
)

func TestMethodless(t *testing.T) {
	for _, tc := range []struct {
		t    reflect.Type
		same bool // returned as it is
	}{
		{reflect.TypeFor[image.Point](), false},
		{reflect.TypeFor[time.Time](), false},
		{reflect.TypeFor[*image.Rectangle](), false},
		{reflect.TypeFor[int](), true},
		{reflect.TypeFor[time.Duration](), true},
		{reflect.TypeFor[struct{ X int }](), true},
	} {
		m := methodless(tc.t)
		if (m == tc.t) != tc.same {
			t.Errorf("methodless(%v) = %v: want it the same: %v", tc.t, m, tc.same)
			continue
		}
		if m.Size() != tc.t.Size() || m.Align() != tc.t.Align() {
			t.Errorf("methodless(%v) = %v: size %d, align %d; want %d, %d", tc.t, m, m.Size(), m.Align(), tc.t.Size(), tc.t.Align())
		}
		if !tc.same && (m.NumMethod() != 0 || m.Kind() != reflect.Pointer && reflect.PointerTo(m).NumMethod() != 0) {
			t.Errorf("methodless(%v) = %v has methods", tc.t, m)
		}
	}
}

// TestMethodlessEmbedded: a copy embedding a mirror after its first field
// is made, and json promotes the mirror's fields and leaves out the ones
// its type did not export, reading the original's bytes.
func TestMethodlessEmbedded(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want string
	}{
		{image.Pt(2, 3), `{"Z":1,"X":2,"Y":3}`},
		{time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), `{"Z":1}`},
		{&image.Point{4, 5}, `{"Z":1,"X":4,"Y":5}`},
	} {
		v := reflect.ValueOf(tc.v)
		m := methodless(v.Type())
		ct := reflect.StructOf([]reflect.StructField{
			{Name: "Z", Type: reflect.TypeFor[int]()},
			{Name: "E", Type: m, Anonymous: true},
		})
		c := reflect.New(ct).Elem()
		c.Field(0).SetInt(1)
		c.Field(1).Set(inMirror(v, m))
		b, err := json.Marshal(c.Interface())
		if err != nil || string(b) != tc.want {
			t.Errorf("a copy embedding %T's mirror: json %s, %v; want %s", tc.v, b, err, tc.want)
		}
	}
}
