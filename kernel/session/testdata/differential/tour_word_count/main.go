// The Go Tour's Maps exercise: golang.org/x/tour/wc's Test calls the
// cell's function and prints from compiled code, to the process's own
// os.Stdout; that output came after the cell had ended, or never.
package main

import (
	"fmt"
	"strings"

	"golang.org/x/tour/wc"
)

func WordCount(s string) map[string]int {
	m := make(map[string]int)
	for _, w := range strings.Fields(s) {
		m[w]++
	}
	return m
}

// Wrong forgets repeated words: the test says FAIL, and what it wanted.
func Wrong(s string) map[string]int {
	m := make(map[string]int)
	for _, w := range strings.Fields(s) {
		m[w] = 1
	}
	return m
}

func main() {
	fmt.Println("testing WordCount")
	wc.Test(WordCount)
	fmt.Println("testing Wrong")
	wc.Test(Wrong)
	fmt.Println()
	fmt.Println("done")
}
