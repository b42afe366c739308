package fieldnames

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestKnows(t *testing.T) {
	type base struct {
		ID   int
		Name string `json:"title"`
		Skip int    `json:"-"`
	}
	type outer struct {
		Base base `goconcembedded:"true"`
		Own  int
	}
	tests := []struct {
		key  string
		skip []bool
		want bool
	}{
		{"Own", nil, true},
		{"own", nil, true}, // json matches regardless of case
		{"ID", nil, true},  // promoted from the embedded struct
		{"title", nil, true},
		{"Name", nil, false}, // renamed by its tag
		{"Skip", nil, false},
		{"ID", []bool{true, false}, false}, // the embedded struct skipped
	}
	for _, tt := range tests {
		if got := knows(reflect.TypeFor[outer](), tt.key, tt.skip); got != tt.want {
			t.Errorf("knows(outer, %q, %v) = %v, want %v", tt.key, tt.skip, got, tt.want)
		}
	}
}

func TestMembers(t *testing.T) {
	in := []byte(`{"a":1,"B":[2],"c":{"d":3}}`)
	got := members(in, func(key string) bool { return key != "B" })
	var m map[string]any
	if err := json.Unmarshal(got, &m); err != nil {
		t.Fatalf("members returned %s: %v", got, err)
	}
	if len(m) != 2 || m["a"] == nil || m["c"] == nil {
		t.Errorf("members without B = %s", got)
	}
	if got := members(in, func(string) bool { return true }); string(got) != string(in) {
		t.Errorf("members keeping all = %s, want the input as it is", got)
	}
	if got := members([]byte(`[1,2]`), func(string) bool { return false }); string(got) != "[1,2]" {
		t.Errorf("members of an array = %s, want it as it is", got)
	}
}
