// Counting loops, which check for interrupts between laps of iterations
// (kernel/program/laps.go): bounds constant or local, breaks, continues,
// labels, nested loops, a bound of zero or below the start, many laps;
// breaks of a switch or a select inside the loop, a return and a goto
// out of it.
package main

import "fmt"

func sum(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i
	}
	return s
}

// firstOver returns from inside a counting loop, many laps in.
func firstOver(limit int) int {
	for i := 0; i < 100000; i++ {
		if i*3 > limit {
			return i
		}
	}
	return -1
}

func main() {
	fmt.Println(sum(0), sum(1), sum(255), sum(256), sum(257), sum(100000))
	n := 10
	evens := 0
	for i := -3; i < n; i++ {
		if i%2 != 0 {
			continue
		}
		evens++
	}
	fmt.Println("evens", evens)
	found := -1
	for i := 0; i < 1000; i++ {
		if i*i > 500 {
			found = i
			break
		}
	}
	fmt.Println("found", found)
	pairs := 0
outer:
	for i := 0; i < 50; i++ {
		for j := 0; j < 50; j++ {
			if j > i {
				continue outer
			}
			if i+j > 70 {
				break outer
			}
			pairs++
		}
	}
	fmt.Println("pairs", pairs)
	m := 5
	for i := 10; i < m; i++ {
		fmt.Println("never")
	}
	count := 0
	for i := 0; i < 600; i++ {
		if i == 299 {
			m = 1 // not the bound: the loop goes on
		}
		count++
	}
	fmt.Println("count", count, m)
	const big = 1 << 10
	last := 0
	for i := 0; i < big; i++ {
		last = i
	}
	fmt.Println("last", last)
	switched := 0
	for i := 0; i < 1000; i++ {
		switch {
		case i%7 == 0:
			break // the switch, not the loop
		case i == 900:
			continue
		}
		switched++
		if i == 950 {
			break
		}
	}
	fmt.Println("switched", switched)
	ready := make(chan int, 1)
	selected := 0
	for i := 0; i < 400; i++ {
		ready <- i
		select {
		case v := <-ready:
			if v%2 == 0 {
				break // the select
			}
			selected++
		}
	}
	fmt.Println("selected", selected)
	laps := 0
rows:
	for i := 0; i < 2000; i++ {
		if i%3 == 0 {
			continue rows
		}
		if i == 1999-(1999%3)-1 {
			break
		}
		laps++
	}
	fmt.Println("laps", laps)
	fmt.Println("firstOver", firstOver(2000), firstOver(1<<20))
	gone := 0
	for i := 0; i < 1000; i++ {
		if i == 700 {
			goto done
		}
		gone++
	}
done:
	fmt.Println("gone", gone)
}
