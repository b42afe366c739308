package main

import "fmt"

func main() {
	ch := make(chan string, 3)
	ch <- "a"
	ch <- "b"
	ch <- "c"
	fmt.Println(len(ch), <-ch, <-ch, len(ch), cap(ch))
	close(ch)
	for s := range ch {
		fmt.Println(s)
	}
}
