package main

import "fmt"

func main() {
	var fs []func() int
	for i := 0; i < 4; i++ {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, s := range []string{"x", "y"} {
		fs = append(fs, func() int { return len(s) })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
