package main

// fmt.Print and writes to os.Stdout itself (a logger on it, io.WriteString,
// a bufio.Writer flushed) are one stream: they come out in the order the
// program wrote them, from main and from goroutines taking turns.

import (
	"bufio"
	"fmt"
	"io"
	"log"
	"os"
)

func main() {
	fmt.Println("1 fmt.Println")
	fmt.Fprintln(os.Stdout, "2 fmt.Fprintln(os.Stdout)")
	fmt.Print("3 fmt.Print\n")
	os.Stdout.WriteString("4 os.Stdout.WriteString\n")
	fmt.Printf("%d fmt.Printf\n", 5)
	io.WriteString(os.Stdout, "6 io.WriteString\n")
	logger := log.New(os.Stdout, "7 ", 0)
	logger.Println("log.Logger on os.Stdout")
	fmt.Println("8 fmt.Println")
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "9 bufio, flushed")
	w.Flush()
	fmt.Println("10 fmt.Println")

	turn := make(chan int)
	done := make(chan struct{})
	go func() {
		for i := range turn {
			fmt.Fprintf(os.Stdout, "%d from the goroutine\n", i)
			done <- struct{}{}
		}
	}()
	for i := 11; i < 17; i += 2 {
		fmt.Printf("%d from main\n", i)
		turn <- i + 1
		<-done
	}
	close(turn)
	for i := 0; i < 200; i++ {
		if i%2 == 0 {
			fmt.Print(i, " ")
		} else {
			os.Stdout.WriteString(fmt.Sprint(i, " "))
		}
	}
	fmt.Println()
}
