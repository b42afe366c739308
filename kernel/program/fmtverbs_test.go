package program

import (
	"fmt"
	"testing"
)

func TestParseVerbs(t *testing.T) {
	for _, tc := range []struct {
		format string
		want   string // verb@operand, flags and width
		ok     bool
	}{
		{"%T %v", "T@0 v@1", true},
		{"100%% %#v", "v@0#", true},
		{"%*d %.*f %T", "d@1* f@3.* T@4", true},
		{"%-10T|%08.3f", "T@0-10 f@108.3", true},
		{"%[2]d %[1]d", "", false},
		{"trailing %", "", true},
	} {
		vs, ok := parseVerbs(tc.format)
		got := ""
		for i, v := range vs {
			if i > 0 {
				got += " "
			}
			got += fmt.Sprintf("%c@%d%s%s", v.verb, v.arg, v.flags, v.width)
		}
		if ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("parseVerbs(%q) = %q, %v; want %q, %v", tc.format, got, ok, tc.want, tc.ok)
		}
	}
}
