// A loop with an init statement and neither condition nor post statement
// runs its init once. The interpreter ran it again at every iteration:
// the first loop below never ended (i was 0 each time).
package main

import "fmt"

func main() {
	for i := 0; ; {
		i += 10
		if i > 30 {
			fmt.Println("first loop ends at", i)
			break
		}
	}
	n := 0
Outer:
	for i, j := 0, 100; ; {
		for ; i < 3; i++ {
			j--
		}
		n++
		fmt.Println("i", i, "j", j, "round", n)
		i += 10
		if i > 30 {
			break Outer
		}
	}
	var s []int
	for k := len(s); ; {
		if k == 3 {
			break
		}
		s = append(s, k)
		k = len(s)
	}
	fmt.Println(s)
}
