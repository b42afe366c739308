package main

import (
	"errors"
	"fmt"

	"golang.org/x/sync/errgroup"
)

func main() {
	var g errgroup.Group
	results := make([]int, 5)
	for i := range results {
		g.Go(func() error {
			if i == 3 {
				return errors.New("task 3 failed")
			}
			results[i] = i * i
			return nil
		})
	}
	fmt.Println(g.Wait(), results)
}
