// A loop variable that an inner loop (and the body) moves on: each
// iteration's copy starts from where the last one left it. The
// interpreter started every iteration of the outer loop from the value
// the inner loop first left.
package main

import "fmt"

func main() {
	rounds := 0
	for i := 0; ; {
		for ; i < 3; i++ {
		}
		rounds++
		fmt.Println("i", i, "round", rounds)
		if rounds == 3 {
			break
		}
		i += 10
	}
	for i, j := 0, 0; i < 30; i++ {
		for j = 0; j < 2; j++ {
			i += 5
		}
		fmt.Println("i", i, "j", j)
	}
	words := []string{"a", "bb", "ccc", "dd", "e"}
	for k := 0; k < len(words); k++ {
		for k < len(words) && len(words[k]) > 1 {
			k++
		}
		fmt.Println("k", k)
	}
}
