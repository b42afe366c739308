package main

// A character whose bytes come in two writes (a small bufio.Writer's
// buffer filled in the middle of 日, a byte written at a time with a pause
// between) shows as the character, as in a terminal.

import (
	"bufio"
	"fmt"
	"os"
	"time"
)

func main() {
	w := bufio.NewWriterSize(os.Stdout, 16)
	for i := 0; i < 5; i++ {
		fmt.Fprint(w, "日本語")
		time.Sleep(5 * time.Millisecond)
	}
	fmt.Fprintln(w)
	w.Flush()
	s := "héllo, 世界 🙂\n"
	for i := 0; i < len(s); i++ {
		os.Stdout.Write([]byte{s[i]})
		if i%3 == 0 {
			time.Sleep(2 * time.Millisecond)
		}
	}
}
