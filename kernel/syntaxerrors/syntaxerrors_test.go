package syntaxerrors

import (
	"fmt"
	"strings"
	"testing"
)

func TestOf(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"package p\nfunc f() {\n\tif true {\n\t}\n\telse {\n\t}\n}\n", "5:2: syntax error: unexpected keyword else, expected }"},
		{"package p\nfunc f() {\n\tx := []int{\n\t\t1,\n\t\t2\n\t}\n}\n", "5:4: syntax error: unexpected newline in composite literal; possibly missing comma or }"},
		{"package p\nfunc f() {\n\ty := x > 0 ? 1 : 2\n}\n", "3:13: invalid character U+003F '?'\n3:15: syntax error: unexpected literal 1 at end of statement"},
		{"package p\nfunc f() {\n\tprintln('hello')\n}\n", "3:10: more than one character in rune literal"},
		{"package p\nfunc f() {\n\tfor i := 0; i < 3; i++ {\n}\n", "5:1: syntax error: unexpected EOF, expected }"},
		{"package p\nfunc f() {}\n", ""},
	} {
		var got []string
		for _, e := range Of(tc.src) {
			got = append(got, fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg))
		}
		if strings.Join(got, "\n") != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.src, strings.Join(got, "\n"), tc.want)
		}
	}
}
