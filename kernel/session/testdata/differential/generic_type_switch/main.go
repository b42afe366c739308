// A type switch in a generic function with a case of the type parameter:
// an instance may name a type twice, and the first case that matches wins.
package main

import "fmt"

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

func describe[T any](v any) string {
	switch x := v.(type) {
	case T:
		return fmt.Sprintf("T=%T %v", x, x)
	case int:
		return fmt.Sprintf("int %d", x)
	case int32, int16:
		return fmt.Sprintf("small %v", x)
	case fmt.Stringer:
		return "stringer " + x.String()
	case nil:
		return "nil"
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func count[T comparable](xs []any, want T) int {
	n := 0
	for _, x := range xs {
		switch v := x.(type) {
		case T:
			if v == want {
				n++
			}
		case string:
			n += 100
		}
	}
	return n
}

func main() {
	vals := []any{7, int32(8), int16(9), Celsius(21.5), 2.5, nil, "s"}
	for _, v := range vals {
		fmt.Println(describe[float64](v), "|", describe[int](v), "|", describe[int32](v), "|", describe[any](v), "|", describe[Celsius](v))
	}
	fmt.Println(count([]any{1, 2, 1, "x"}, 1), count([]any{"a", "b", "a"}, "a"))
}
