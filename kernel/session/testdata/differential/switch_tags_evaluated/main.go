// A switch's tag and cases are evaluated as Go evaluates them. With an
// init statement, the interpreter never evaluated a tag that is more than
// a variable or a constant, and compared the cases with its zero value:
// switch n := len(s); n % 2 took case 0 for an odd n, silently. Of a case
// listing several values it evaluated the first alone (case f(6), f(5)
// never matched 5), and with the default clause before the last it
// evaluated the cases out of order (Go 101's "Expression Evaluation
// Orders": f(3), f(4), f(9), f(10), f(5)... for Go's f(3), f(4), f(5),
// f(6), f(7)). A goto to a label in a case's statements failed
// ("undefined: End"; Go 101's "Some case branch blocks must be
// explicit"). A labelled switch on an interface with an init statement
// was left to the interpreter, with the same fault: its tag was never
// evaluated, and it took no case.
package main

import (
	"fmt"
	"strings"
)

var calls []string

func f(n int) int {
	calls = append(calls, fmt.Sprint(n))
	return n
}

func parity(s string) string {
	switch n := len(s); n % 2 {
	case 1:
		return "odd"
	case 0:
		return "even"
	}
	return "none"
}

func grade(score int) string {
	switch pct := score * 100 / 80; {
	case pct >= 90:
		return "A"
	case pct >= 75:
		return "B"
	default:
		return "C"
	}
}

func retry(n, m int) (r int) {
	switch n {
	case 123:
		if m > 0 {
			goto End
		}
		r++
	End:
		r += 10
	default:
		r = 1
	}
	return
}

func identity(v any) any { return v }

func main() {
	fmt.Println(retry(123, 1), retry(123, 0), retry(5, 0))
	fmt.Println(parity("abc"), parity("ab"), grade(75), grade(60))

	var s []int
	switch s = append(s, 1, 2); len(s) {
	case 2:
		fmt.Println("two elements")
	default:
		fmt.Println("default", len(s))
	}

	switch x := f(3); x + f(4) {
	default:
		fmt.Println("default")
	case f(5):
	case f(6), f(7), f(8):
		fmt.Println("six to eight")
	case f(9), f(10):
	}
	fmt.Println(strings.Join(calls, " "))
	calls = nil

	x := 5
	switch x {
	case f(6), f(5):
		fmt.Println("five, second in its list")
	}
	switch {
	default:
		fmt.Println("never")
	case x == f(4):
	case x == f(5):
		fmt.Println("tagless five")
	case x == f(6):
	}
	fmt.Println(strings.Join(calls, " "))

	words := []string{"go", "gopher", "g", "", "goroutine"}
outer:
	for i, w := range words {
	sizes:
		switch n := len(w); n / 3 {
		case 0:
			if n == 0 {
				fmt.Println(i, "empty: stop")
				break outer
			}
			fmt.Println(i, "short")
			break sizes
		case 1, f(2):
			fmt.Println(i, "medium")
			continue outer
		default:
			fmt.Println(i, "long")
		}
		fmt.Println(i, "after the switch")
	}

	vals := []any{1, "a", 2.5, nil}
values:
	for i, v := range vals {
	kinds:
		switch x := identity(v); x {
		case 1:
			fmt.Println(i, "one")
			break kinds
		case "a":
			fmt.Println(i, "a")
			continue values
		case nil:
			fmt.Println(i, "nil: stop")
			break values
		default:
			fmt.Println(i, "other", x)
		}
		fmt.Println(i, "after the switch")
	}

	switch n := 7; n % 4 {
	case 3:
		fmt.Print("three ")
		fallthrough
	case 2:
		fmt.Print("two ")
		fallthrough
	default:
		fmt.Println("rest")
	}
}
