package main

// API the interpreter's own tables (Go 1.22) did not have, and a
// *log.Logger that is the real type with all its methods.

import (
	"bytes"
	"crypto/sha3"
	"encoding/hex"
	"fmt"
	"log"
	"os"
	"strings"
	"sync"
	"time"
)

func main() {
	var buf bytes.Buffer
	l := log.New(&buf, "", 0)
	l.SetPrefix("app: ")
	l.SetFlags(log.Lmsgprefix)
	l.Println("started")
	fmt.Print(buf.String(), l.Prefix(), "|", l.Flags(), "\n")
	var lp *log.Logger = log.New(os.Stdout, "[x] ", 0)
	lp.Printf("%d workers", 3)

	sum := sha3.Sum256([]byte("goconc"))
	fmt.Println(hex.EncodeToString(sum[:8]))
	h := sha3.New224()
	h.Write([]byte("abc"))
	fmt.Println(hex.EncodeToString(h.Sum(nil))[:16])

	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 1; i <= 10; i++ {
		wg.Go(func() {
			mu.Lock()
			total += i
			mu.Unlock()
		})
	}
	wg.Wait()
	fmt.Println(total)

	fmt.Println(strings.ToValidUTF8("a\xffb", "?"), time.Duration(1500)*time.Millisecond)
	t := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	fmt.Println(t.Format(time.DateOnly), t.Format(time.TimeOnly))
}
