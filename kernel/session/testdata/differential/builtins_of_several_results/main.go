// A builtin whose one operand is a call of several results takes them as
// its operands, as a function does: complex(parts()), min(two()),
// copy(f(a)), delete(h(m)), append(s()). The cell failed while the
// interpreter compiled it ("CFG post-order panic: index out of range";
// Go's test/fixedbugs/issue15992.go and issue5793.go).
package main

import (
	"fmt"
	"math"
)

func parts() (float64, float64) { return 1.5, -2 }

func pair() (int, int) { return 3, 1 }

func nanAndOne() (float64, float64) { return math.NaN(), 1 }

func withSuffix(a []byte) ([]byte, []byte) { return a, []byte("xyz") }

func entry(m map[string]int) (map[string]int, string) { return m, "b" }

func base() ([]string, string) { return []string{"a"}, "b" }

func main() {
	fmt.Println(complex(parts()), min(pair()), max(pair()), min(nanAndOne()))
	buf := []byte("hello")
	n := copy(withSuffix(buf))
	fmt.Println(n, string(buf))
	m := map[string]int{"a": 1, "b": 2}
	delete(entry(m))
	fmt.Println(m, append(base()))
}
