// fmt and log see the methods Go's fmt sees, by their signatures: a
// Format that is not fmt.Formatter's is not called, a real one is, Error
// comes before String, and a buffer with String and Write that goroutines
// print into is fmt.Fprintf's writer.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"log"
	"os"
	"sync"
)

type Date struct{ Y, M, D int }

func (d Date) Format(layout string) string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Y, d.M, d.D)
}

// clock has unexported fields, which %+v names as Go does.
type clock struct{ h, m int }

func (c clock) Format(layout string) string { return fmt.Sprintf(layout, c.h, c.m) }

type Money int64

func (m Money) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, "$%d.%02d", int64(m)/100, int64(m)%100)
}

type Fail struct{ msg string }

func (e Fail) Error() string  { return "error: " + e.msg }
func (e Fail) String() string { return "string: " + e.msg }

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°", float64(t)) }
func (t Temp) Format(layout string) string {
	return fmt.Sprintf(layout, float64(t))
}

type SafeBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *SafeBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *SafeBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func main() {
	d := Date{2024, 3, 9}
	fmt.Println(d, d.Format(""))
	fmt.Printf("%v %+v\n", d, d)
	c := clock{9, 30}
	fmt.Printf("%v %+v %s\n", c, c, c.Format("%02d:%02d"))
	fmt.Println(Money(1234), Money(5))
	fmt.Printf("%v %d\n", Money(99), Money(100))
	fmt.Println(Fail{"disk"}, errors.New("plain"))
	err := fmt.Errorf("wrapped: %w", Fail{"net"})
	fmt.Println(err, errors.Is(err, Fail{"net"}))
	fmt.Println(Temp(21.5), Temp(3).Format("%.3f"))
	fmt.Printf("%v %s\n", Temp(1), Temp(2))

	var sb SafeBuffer
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Fprintf(&sb, "w%d;", i)
		}()
	}
	wg.Wait()
	fmt.Println(len(sb.String()))
	fmt.Fprint(&sb, "end")
	fmt.Println(sb.String()[len(sb.String())-3:])

	log.SetOutput(os.Stdout)
	log.SetFlags(0)
	log.Println(d, Money(250), Fail{"log"}, Temp(0))
	log.Printf("%v", Temp(7))
	fmt.Println(fmt.Sprint(d, " ", Money(1)), fmt.Sprintf("%s", Fail{"s"}))
}
