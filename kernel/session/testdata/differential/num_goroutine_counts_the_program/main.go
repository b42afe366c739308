// runtime.NumGoroutine counts the program's goroutines: its main
// goroutine, those it started, and those the standard library started for
// it (a test server's), as a lesson on leaks prints them.
package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"time"
)

// settle waits until the program has want goroutines (they start and end
// in their own time) and returns how many it has, giving up after a while.
func settle(want int) int {
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() != want && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	return runtime.NumGoroutine()
}

// leak starts a goroutine that blocks until somebody receives from the
// channel it returns: a leak if nobody does.
func leak() chan int {
	ch := make(chan int)
	go func() { ch <- 1 }()
	return ch
}

func main() {
	fmt.Println("start", settle(1))
	var leaks []chan int
	for i := 0; i < 5; i++ {
		leaks = append(leaks, leak())
	}
	fmt.Println("after 5 leaks", settle(6))

	var wg sync.WaitGroup
	stop := make(chan struct{})
	for i := 0; i < 3; i++ {
		wg.Go(func() { <-stop })
	}
	fmt.Println("with 3 workers", settle(9))
	close(stop)
	wg.Wait()
	fmt.Println("workers done", settle(6))

	t := time.AfterFunc(time.Hour, func() {})
	fmt.Println("a pending timer starts none", runtime.NumGoroutine())
	t.Stop()

	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-ctx.Done() }()
	fmt.Println("waiting on ctx", settle(7))
	cancel()
	fmt.Println("ctx cancelled", settle(6))

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "ok")
	}))
	resp, err := http.Get(srv.URL)
	if err != nil {
		fmt.Println(err)
		return
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Println(string(body), "server running", runtime.NumGoroutine() > 6)
	srv.Close()
	http.DefaultClient.CloseIdleConnections()
	fmt.Println("server closed", settle(6))
	for _, ch := range leaks {
		<-ch
	}
	fmt.Println("leaks drained", settle(1))
}
