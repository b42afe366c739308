package main

import "fmt"

type stringer interface{ String() string }

type temp float64

func (t temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", x)
	case string:
		return "string " + x
	case stringer:
		return "stringer " + x.String()
	case error:
		return "error " + x.Error()
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	for _, v := range []any{nil, 1, int64(2), "s", temp(21.5), fmt.Errorf("e"), 3.5} {
		fmt.Println(describe(v))
	}
}
