package main

import (
	"fmt"
	"net"
	"net/http"
	"sync"
)

func report(wg *sync.WaitGroup, err error, names []string, m map[string]int) {
	defer wg.Done()
	fmt.Println(err == nil, names == nil, len(m))
}

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go report(&wg, nil, nil, nil)
	wg.Wait()

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	http.HandleFunc("/hello", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "hello") })
	go http.Serve(ln, nil)
	resp, err := http.Get("http://" + ln.Addr().String() + "/hello")
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	buf := make([]byte, 5)
	n, _ := resp.Body.Read(buf)
	fmt.Println(resp.StatusCode, string(buf[:n]))
	ln.Close()
}
