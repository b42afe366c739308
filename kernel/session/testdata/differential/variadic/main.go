package main

import "fmt"

func sum(label string, nums ...int) string {
	t := 0
	for _, n := range nums {
		t += n
	}
	return fmt.Sprint(label, t, len(nums))
}

func main() {
	fmt.Println(sum("a"), sum("b", 1, 2), sum("c", []int{4, 5, 6}...))
}
