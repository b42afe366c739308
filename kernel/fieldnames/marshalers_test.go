package fieldnames

import (
	"encoding/json"
	"fmt"
	"testing"
)

// point stands for a notebook struct type whose MarshalJSON json cannot
// see; temp for one with MarshalText on a pointer receiver.
type point struct{ X, Y int }
type temp struct{ C int }

func init() {
	RegisterMarshaler((*point)(nil), "json", false, func(v any) ([]byte, error) {
		p := v.(point)
		return fmt.Appendf(nil, "[%d,%d]", p.X, p.Y), nil
	})
	RegisterMarshaler((*temp)(nil), "text", true, func(v any) ([]byte, error) {
		return fmt.Appendf(nil, "%dC", v.(temp).C), nil
	})
}

func TestPlainJSON(t *testing.T) {
	for _, c := range []struct {
		v    any
		want string
	}{
		{[]point{{1, 2}}, `[[1,2]]`},
		{map[string]*point{"a": {3, 4}, "nil": nil}, `{"a":[3,4],"nil":null}`},
		{struct{ P point }{point{5, 6}}, `{"P":[5,6]}`},
		{[]temp{{7}}, `["7C"]`},                      // addressable: the pointer method
		{map[string]temp{"t": {8}}, `{"t":{"C":8}}`}, // not addressable: the fields
		{map[point]int{{1, 1}: 1}, "error"},          // a key is left alone: json takes none of an interface type
	} {
		b, err := json.Marshal(PlainJSON(c.v))
		got := string(b)
		if err != nil {
			got = "error"
		}
		if got != c.want {
			t.Errorf("%#v: %s %v, want %s", c.v, got, err, c.want)
		}
	}
}
