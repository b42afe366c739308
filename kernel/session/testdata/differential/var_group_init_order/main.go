// A pasted program whose only declaration is one var group initializes
// its variables in Go's order, by what their values use, blank ones too.
package main

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

func show(what string, n int) int {
	println(what, n)
	return n
}

var (
	_      = show("blank", total)
	total  = sum(values)
	values = []int{1, 2, 3}
	_      = show("last", len(values))
)

func main() {
	println("total", total)
}
