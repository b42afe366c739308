package magic

import (
	"reflect"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		src    string
		magics []string
		code   string
	}{
		{"x := 1", nil, "x := 1"},
		{"%timeline off\nx := 1", []string{"%timeline off"}, "\nx := 1"},
		{"%%timeline\ngo f()", []string{"%%timeline"}, "\ngo f()"},
		{"\n%timeout 10s\n%replay off\nfmt.Println(1)\n%not-a-magic", []string{"%timeout 10s", "%replay off"}, "\n\n\nfmt.Println(1)\n%not-a-magic"},
		{"s := `\n%d\n`", nil, "s := `\n%d\n`"},
		{"%%race\n%timeline off", []string{"%%race"}, "\n%timeline off"},
	}
	for _, tt := range tests {
		ms, code, err := Parse(tt.src)
		if err != nil {
			t.Fatalf("%q: %v", tt.src, err)
		}
		var got []string
		for _, m := range ms {
			got = append(got, m.String())
		}
		if !reflect.DeepEqual(got, tt.magics) || code != tt.code {
			t.Errorf("%q: magics %q code %q; want %q %q", tt.src, got, code, tt.magics, tt.code)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, src := range []string{"%timeline on\n%%timeline", "%\n"} {
		if _, _, err := Parse(src); err == nil {
			t.Errorf("%q: no error", src)
		}
	}
}
