// _, _ = m[k] looks k up: in a map whose keys are an interface, a key of
// a type that cannot be hashed panics, as in m[k] and delete(m, k). The
// statement did nothing (Go's test/fixedbugs/issue23734.go).
package main

import "fmt"

type point struct{ x, y int }

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panics:", r)
			return
		}
		fmt.Println(name, "runs")
	}()
	f()
}

func main() {
	seen := map[any]bool{"start": true, point{1, 2}: true}
	try("_, _ = seen[[]int{}]", func() { _, _ = seen[[]int{1}] })
	try("_, _ = seen[point]", func() { _, _ = seen[point{1, 2}] })
	try("_, _ = seen[func]", func() {
		var f any = func() {}
		_, _ = seen[f]
	})
	counts := map[string]int{}
	try("_, _ = counts[k]", func() { _, _ = counts["k"] })
	var nilMap map[any]int
	try("_, _ = nilMap[1]", func() { _, _ = nilMap[1] })
}
