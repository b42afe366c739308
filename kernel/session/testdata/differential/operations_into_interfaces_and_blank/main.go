// An operation whose value goes straight into a place of an interface
// type (a variable, an element, a field, a map entry, a function's result
// of type any), or to the blank identifier: a tiny evaluator of
// expressions returning any, as a learner writes one, and a report row
// built as a map[string]any. The interpreter wrote the result straight
// into the place: for -x, ^x, x % y and the shifts the cell ended there
// without a word, for a comparison or a negation it panicked, a function
// returned nil for -x, and _ = done == false set done to true (Go's
// test/fixedbugs/issue15303.go).
package main

import (
	"fmt"
	"sort"
)

type expr struct {
	op   string
	args []any
}

func eval(e any) any {
	x, ok := e.(expr)
	if !ok {
		return e
	}
	a := eval(x.args[0])
	switch x.op {
	case "neg":
		return -a.(int)
	case "not":
		return !a.(bool)
	case "compl":
		return ^a.(int)
	}
	b := eval(x.args[1])
	switch x.op {
	case "mod":
		return a.(int) % b.(int)
	case "shl":
		return a.(int) << b.(int)
	case "shr":
		return a.(int) >> b.(int)
	case "lt":
		return a.(int) < b.(int)
	case "add":
		return a.(int) + b.(int)
	}
	return nil
}

type cell struct{ Value any }

func main() {
	fmt.Println(eval(expr{"neg", []any{5}}))
	fmt.Println(eval(expr{"not", []any{expr{"lt", []any{2, 3}}}}))
	fmt.Println(eval(expr{"compl", []any{0}}))
	fmt.Println(eval(expr{"mod", []any{17, 5}}))
	fmt.Println(eval(expr{"add", []any{expr{"shl", []any{1, 10}}, expr{"shr", []any{256, 4}}}}))

	n, k := 29, 4
	row := map[string]any{}
	row["neg"] = -n
	row["rem"] = n % k
	row["odd"] = n%2 == 1
	row["flags"] = ^uint8(n)
	row["big"] = n << k
	keys := make([]string, 0, len(row))
	for key := range row {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		fmt.Printf("%s=%v ", key, row[key])
	}
	fmt.Println()

	var v any
	v = -n
	fmt.Println(v)
	cells := []any{0, 0}
	cells[1] = n >> 1
	var c cell
	c.Value = !(n > k)
	var p = new(any)
	*p = n % 7
	fmt.Println(cells, c, *p)

	done := false
	_ = done == false
	_ = !done
	_ = n < k
	fmt.Println(done, n, k)
	fmt.Println("end")
}
