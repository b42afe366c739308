package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTicker(2 * time.Millisecond)
	n := 0
	for range t.C {
		n++
		if n == 3 {
			break
		}
	}
	t.Stop()
	timer := time.NewTimer(time.Hour)
	fmt.Println(n, timer.Stop())
	<-time.After(time.Millisecond)
	done := make(chan bool)
	time.AfterFunc(time.Millisecond, func() { done <- true })
	fmt.Println(<-done)
}
