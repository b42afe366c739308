// A comma-ok assertion or map lookup whose second value goes into a place
// of an interface type: results collected as any for a table, and a
// package-level pair declared with a type (Go's
// test/fixedbugs/issue53619.go). The interpreter set the bool in place and
// panicked: "reflect: call of reflect.Value.SetBool on interface Value".
// And one whose value goes into a map entry: string arguments read from a
// map[string]any (Go's test/fixedbugs/bug343.go), which the interpreter
// never set.
package main

import "fmt"

var found, present any = any(nil).(bool)

func stringArgs(data map[string]any, keys ...string) (map[string]string, []string) {
	args := map[string]string{}
	var missing []string
	for _, k := range keys {
		var ok bool
		args[k], ok = data[k].(string)
		if !ok {
			missing = append(missing, k)
		}
	}
	return args, missing
}

func main() {
	fmt.Println(found, present)

	cache := map[string]int{"go": 2009, "rust": 2015}
	var year, ok any
	for _, lang := range []string{"go", "zig"} {
		var y int
		y, ok = cache[lang]
		fmt.Println(lang, y, ok)
	}

	var v any = 3.5
	year, ok = v.(float64)
	fmt.Println(year, ok)
	row := []any{nil, nil}
	row[0], row[1] = v.(string)
	fmt.Printf("%q %v\n", row[0], row[1])

	fmt.Println(stringArgs(map[string]any{"name": "gopher", "age": 13}, "name", "age"))
}
