package program

import (
	"regexp"
	"strings"
	"testing"
)

// TestCallsFirst lists the calls a statement makes before its reads: those
// up to the last call that may write what the statement read before it,
// with the call-like operands before them, in order.
func TestCallsFirst(t *testing.T) {
	const prelude = `import "fmt"
var s = []int{1, 2}
var m = map[string]int{}
var v any = 1
var n = 1
func set() int { s[0] = 10; return 1 }
type Counter struct{ n int }
func (c *Counter) Bump() int { c.n++; return c.n }`
	tests := []struct {
		name    string
		cell    string
		hoisted []string // the calls evaluated first, in order
		after   string   // what comes after them, if it matters
	}{
		{"an element read before a call that may write it", "fmt.Println(s[0], set())", []string{"set()"}, ""},
		{"a place's index and a compound assignment's value", "i := 0; f := func() int { i = 1; return 2 }; s[i] += f()", []string{"f()"}, ""},
		{"a function of the cell that writes only its own variables needs no care", "func area(w, h int) int { a := w * h; return a }\nfunc main() { fmt.Println(s[0], area(2, 3)) }", nil, ""},
		{"one of an earlier cell may write", "fmt.Println(s[0], set())", []string{"set()"}, ""},
		{"nor a compiled one of numbers and strings", "import \"strings\"\nfmt.Println(s[0], strings.Repeat(\"a\", 2))", nil, ""},
		{"one that takes an interface may call back", "fmt.Println(s[0], fmt.Sprint(1), len(fmt.Sprint(2)))", []string{"fmt.Sprint(1)", "fmt.Sprint(2)"}, ""},
		{"a local variable nothing else can reach", "func() { a := 1; b := a + set(); _ = b }()", nil, ""},
		{"a notebook's variable, which any function can reach", "a := 1; b := a + set(); _ = b", []string{"set()"}, ""},
		{"a method that writes its receiver", "var c Counter; fmt.Println(c.n, c.Bump())", []string{"c.Bump()"}, ""},
		{"a value method reads", "type Temp struct{ c float64 }\nfunc (t Temp) F() float64 { return t.c*9/5 + 32 }\nfunc main() { var t Temp; fmt.Println(s[0], t.F()) }", nil, ""},
		{"what gc evaluates with the calls stays before them", "fmt.Println(len(s), v.(int), s[1], set())", []string{"len(s)", "v.(int)", "set()"}, ""},
		{"a struct literal of a word handed to an interface is read with the rest", "type one struct{ N int }\nfunc main() { fmt.Println(one{n}, set()) }", []string{"set()"}, ""},
		{"one of two words gc builds first, by its address", "type two struct{ N, M int }\nfunc main() { fmt.Println(two{n, n}, set()) }", nil, ""},
		{"an operand hoisted whole gets its own order first", "fmt.Println(n, fmt.Sprint(n, set()), set())", []string{"set()", "fmt.Sprint(n, __goconc_c1)", "set()"}, ""},
		{"a call that comes first needs no care", "fmt.Println(set(), s[0])", nil, ""},
		{"a read handed to an earlier call is used by then", "fmt.Println(fmt.Sprint(s[0]), set())", nil, ""},
		{"the right of && runs only if it must: whole or not at all", "fmt.Println(n, n > 0 && set() > 0)", []string{"n > 0 && set() > 0"}, ""},
		{"a map literal's entries are set in order", `m2 := map[string]int{"a": n, "b": set()}; _ = m2`, []string{"n", "set()"}, ""},
		{"a receive is a call", "c := make(chan int, 1); c <- 1; fmt.Println(s[0], <-c)", []string{`__goconc.RecvInt(c, "c\x1f[2]:1")`}, ""},
		{"a deferred call's arguments", "func() { defer fmt.Println(s[0], set()) }()", []string{"set()"}, ""},
		{"in a return", "f := func() (int, int) { return s[0], set() }; _ = f", []string{"set()"}, ""},
		{"an if's condition", "if s[0] == set() { }", []string{"set()"}, ""},
		{"an else's if", "if n > 5 { } else if s[0] == set() { }", []string{"set()"}, ""},
		{"a loop's condition goes into a literal that makes the calls first", "for s[0] < set() {}", []string{"set()"}, "return s[0] < __goconc_c"},
		{"so does the right operand of &&", "fmt.Println(n > 0 && n == set())", []string{"set()"}, "return n == __goconc_c"},
		{"and a case of a switch without a tag", "switch {\ncase s[0] == set():\n}", []string{"set()"}, "return s[0] == __goconc_c"},
		{"a labelled switch keeps its label", "sw:\nswitch s[0] - set() {\ncase 0:\nbreak sw\n}", []string{"set()"}, "sw:"},
		{"a place that may panic is assigned after the calls, and checked then", "func audit() int { fmt.Println(); return 1 }\nfunc main() { var t []int; i := 5; t[i] = audit() }", []string{"audit()"}, "if i < 0 || i >= len(t)"},
		{"a loop proves it in range", "func audit() int { fmt.Println(); return 1 }\nfunc main() { t := make([]int, 3); for i := range t { t[i] = audit() } }", nil, ""},
		{"a field through a pointer may panic too", "type T struct{ n int }\nfunc audit() int { fmt.Println(); return 1 }\nfunc main() { var p *T; p.n = audit() }", []string{"audit()"}, ""},
		{"a map entry the interpreter assigns after the calls", "func audit() int { fmt.Println(); return 1 }\nfunc main() { var m map[int]int; m[1] = audit() }", nil, ""},
		{"nor does a call without effects need moving", "import \"strings\"\nfunc main() { var t []int; i := 5; t[i] = len(strings.Repeat(\"a\", 2)) }", nil, ""},
	}
	hoist := regexp.MustCompile(`__goconc_c\d+ := ((?:/\*line [^*]*\*/)?[^;]*);`)
	directive := regexp.MustCompile(`/\*line [^*]*\*/`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code := cellCode(t, prelude, tt.cell)
			var got []string
			for _, m := range hoist.FindAllStringSubmatch(code, -1) {
				got = append(got, directive.ReplaceAllString(m[1], ""))
			}
			if strings.Join(got, "; ") != strings.Join(tt.hoisted, "; ") {
				t.Errorf("hoisted %q, want %q:\n%s", got, tt.hoisted, code)
			}
			if i := hoist.FindStringIndex(code); tt.after != "" && i == nil {
				t.Errorf("nothing hoisted before %q:\n%s", tt.after, code)
			} else if tt.after != "" && !strings.Contains(directive.ReplaceAllString(code[i[0]:], ""), tt.after) {
				t.Errorf("%q does not come after the hoisted calls:\n%s", tt.after, code)
			}
		})
	}
}
