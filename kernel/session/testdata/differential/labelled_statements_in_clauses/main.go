package main

import "fmt"

// A labelled switch, select or loop inside a case or select clause: its
// break names the label declared among the clause's statements.

func classify(n int) string {
	out := ""
	switch {
	case n < 0:
		out = "negative"
	default:
	digits:
		switch n % 10 {
		case 0:
			out = "round"
			break digits
		case 7:
			out = "lucky"
		default:
			out = "plain"
		}
		out += "!"
	}
	return out
}

func drain(jobs chan int, n int) (sum int) {
	for i := 0; i < n; i++ {
		select {
		case j := <-jobs:
		pick:
			select {
			case extra := <-jobs:
				if extra > 2 {
					jobs <- extra
					break pick
				}
				sum += extra
			default:
			}
			sum += j
		}
	}
	return sum
}

func main() {
	for _, n := range []int{-3, 20, 17, 4} {
		fmt.Println(n, classify(n))
	}

	jobs := make(chan int, 4)
	for i := 1; i <= 4; i++ {
		jobs <- i
	}

	grid := [][]int{{1, 2}, {3, -4}, {5, 6}}
	switch len(grid) {
	case 3:
		fmt.Println("three rows")
	scan:
		for r, row := range grid {
			for c, v := range row {
				if v < 0 {
					fmt.Println("negative at", r, c)
					break scan
				}
			}
		}
	}
	fmt.Println(drain(jobs, 3))
}
