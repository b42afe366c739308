package main

import (
	"fmt"
	"sync"
)

// Local variables named like the builtins: the code goconc writes around
// a cell calls len, cap, new and the others by name.

type stack struct{ items []int }

func area(len, cap int) (new int) {
	new = len * cap
	return
}

func largest(xs []int) int {
	max := xs[0]
	for _, v := range xs {
		if v > max {
			max = v
		}
	}
	return max
}

func main() {
	cap := 4
	var s []int
	for i := 0; i < cap; i++ {
		s = append(s, i)
	}
	fmt.Println(len(s), s)

	{
		len := 2
		t := []int{1, 2, 3}
		i := 1
		t[i] = 5
		fmt.Println(len, t)
	}

	fmt.Println(area(2, 3), largest([]int{3, 9, 2}))

	copy := func(x int) int { return x * 2 }
	true := false
	var m map[string]int
	nil := 0
	v, ok := m["x"]
	fmt.Println(copy(5), true, v, ok, nil)

	var wg sync.WaitGroup
	results := make([]int, 3)
	for new := range 3 {
		wg.Go(func() { results[new] = new * new })
	}
	wg.Wait()
	fmt.Println(results, stack{items: results}.items[2])

	const min = 10
	var p *stack
	defer func() { fmt.Println("recovered:", recover(), min) }()
	fmt.Println(p.items[0])
}
