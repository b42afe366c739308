package main

import "fmt"

func main() {
	results := make([]chan string, 4)
	for i := range results {
		results[i] = make(chan string, 1)
		go func() {
			results[i] <- fmt.Sprintf("task %d done", i)
		}()
	}
	for _, r := range results {
		fmt.Println(<-r)
	}
}
