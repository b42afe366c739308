package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	msgs := make(chan string, 2)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() {
			if r := recover(); r != nil {
				msgs <- fmt.Sprint("recovered ", r)
			}
		}()
		var m map[string]int
		m["x"] = 1
	}()
	wg.Wait()
	fmt.Println(<-msgs)
}
