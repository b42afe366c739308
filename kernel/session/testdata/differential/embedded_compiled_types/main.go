// A struct that embeds a type of the standard library with methods
// (bytes.Buffer, *log.Logger, time.Time, *strings.Reader, sync.Mutex) has
// its methods where an interface needs them: a buffer fmt writes into, a
// reader io.ReadAll reads, a stamp fmt prints by Time's String, a queue
// that sync.NewCond locks.
package main

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"os"
	"strings"
	"sync"
	"time"
)

type Buf struct {
	bytes.Buffer
	writes int
}

type Logger struct {
	*log.Logger
	name string
}

type Stamp struct {
	time.Time
	label string
}

type Source struct {
	*strings.Reader
	name string
}

type Queue struct {
	sync.Mutex
	items []int
}

func main() {
	var b Buf
	b.WriteString("start ")
	fmt.Fprintf(&b, "%d+%d", 1, 2)
	io.WriteString(&b, "!")
	fmt.Println(b.String(), b.Len())

	l := Logger{log.New(os.Stdout, "[app] ", 0), "app"}
	l.Printf("%s ready", l.name)
	l.SetPrefix("[app2] ")
	l.Println("renamed")

	s := Stamp{time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC), "release"}
	fmt.Println(s.Year(), s.Format(time.DateOnly), s.label)
	fmt.Println(s)
	fmt.Printf("%v|%s\n", s, s)

	src := Source{strings.NewReader("data from a reader"), "r"}
	data, err := io.ReadAll(src)
	fmt.Println(string(data), err)

	q := &Queue{}
	cond := sync.NewCond(q)
	done := make(chan int)
	for i := 0; i < 3; i++ {
		go func() {
			q.Lock()
			for len(q.items) == 0 {
				cond.Wait()
			}
			v := q.items[0]
			q.items = q.items[1:]
			q.Unlock()
			done <- v
		}()
	}
	q.Lock()
	q.items = append(q.items, 10, 20, 30)
	q.Unlock()
	cond.Broadcast()
	sum := 0
	for i := 0; i < 3; i++ {
		sum += <-done
	}
	var locker sync.Locker = q
	locker.Lock()
	fmt.Println(sum, len(q.items))
	locker.Unlock()
}
