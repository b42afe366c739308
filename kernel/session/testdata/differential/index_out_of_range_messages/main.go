// An index out of range says its index and the length, as Go's runtime
// does, wherever it happens: in a goroutine, a loop, a nested slice, a
// call's result, after a call or &&.
package main

import (
	"fmt"
	"sync"
)

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%s: %v\n", name, r)
		}
	}()
	f()
}

type queue struct {
	items []string
}

func main() {
	nums := []int{10, 20, 30}
	try("slice", func() { i := 3; fmt.Println(nums[i]) })
	try("negative", func() { i := -1; _ = nums[i] })
	try("string", func() { s := "héllo"; n := len(s); _ = s[n] })
	try("array", func() { var a [4]int; i := 4; a[i] = 1 })
	try("uint8", func() { var u uint8 = 200; _ = nums[u] })
	try("nested", func() { grid := [][]int{{1, 2}, {3}}; i, j := 1, 1; grid[i][j]++ })
	try("field", func() { q := &queue{}; fmt.Println(q.items[0]) })
	try("one past", func() {
		sum := 0
		for i := 0; i <= len(nums); i++ {
			sum += nums[i]
		}
		fmt.Println(sum)
	})
	last := func() []int { return nums[:1] }
	try("a call's result", func() { i := 2; fmt.Println(last()[i]) })
	try("after a call", func() { i := 5; fmt.Println(fmt.Sprint("n=") + fmt.Sprint(nums[i])) })
	try("a map's slice", func() { m := map[string][]int{"k": {1}}; i := 1; fmt.Println(m["k"][i]) })
	try("after &&", func() { i := 4; fmt.Println(i > 0 && nums[i] > 0) })
	try("neighbours", func() {
		for i := range nums {
			fmt.Println(nums[i] + nums[i+1])
		}
	})

	var wg sync.WaitGroup
	results := make([]string, 3)
	for w := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					results[w] = fmt.Sprint("worker ", w, ": ", r)
				}
			}()
			jobs := make([]int, w)
			results[w] = fmt.Sprint("worker ", w, ": ", jobs[w-1])
		}()
	}
	wg.Wait()
	for _, r := range results {
		fmt.Println(r)
	}
}
