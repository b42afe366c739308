// Operands that no verb of a constant format takes are printed after
// "%!(EXTRA", each with its type's Go name, as Go's fmt does.
package main

import "fmt"

type point struct{ x, y int }

type T float64

func (t T) String() string { return "T!" }

func main() {
	fmt.Printf("%d\n", 1, point{1, 2})
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%v\n", point{1, 2}, T(1))
	fmt.Printf("%s|", "a", []point{{3, 4}}, 5, struct{ b bool }{true})
	fmt.Println()
	s := fmt.Sprintf("%q", "x", &point{5, 6})
	fmt.Println(len(s) > 0, s[:len(`"x"%!(EXTRA *main.point=`)])
	err := fmt.Errorf("failed", point{7, 8})
	fmt.Println(err)
}
