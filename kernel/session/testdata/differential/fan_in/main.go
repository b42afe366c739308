package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	out := make(chan string)
	var wg sync.WaitGroup
	for _, name := range []string{"a", "b", "c"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 2; i++ {
				out <- fmt.Sprintf("%s%d", name, i)
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	var got []string
	for s := range out {
		got = append(got, s)
	}
	sort.Strings(got)
	fmt.Println(got)
}
