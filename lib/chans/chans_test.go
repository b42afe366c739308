package chans_test

import (
	"fmt"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/goconc/goconc/lib/chans"
	"github.com/goconc/goconc/lib/trace"
)

// TestPairing sends distinct values from many goroutines to many receivers
// over buffered and unbuffered channels, and checks that every receive
// event names the send that carried its value.
func TestPairing(t *testing.T) {
	for _, capacity := range []int{0, 1, 7} {
		t.Run(fmt.Sprint("cap", capacity), func(t *testing.T) {
			trace.Start()
			ch := chans.Make[int]("c", capacity)
			const senders, per = 8, 200
			var wg sync.WaitGroup
			for s := 0; s < senders; s++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := 0; i < per; i++ {
						ch.Send(s*per + i)
					}
				}()
			}
			got := make(chan int, senders*per)
			var rg sync.WaitGroup
			for r := 0; r < 5; r++ {
				rg.Add(1)
				go func() {
					defer rg.Done()
					for v := range ch.All() {
						got <- v
					}
				}()
			}
			wg.Wait()
			ch.Close()
			rg.Wait()
			tr := trace.Stop()
			if len(got) != senders*per {
				t.Fatalf("received %d values", len(got))
			}
			sent := map[int64]string{}
			for _, e := range tr.Events {
				if e.Kind == trace.EvSend {
					sent[e.Arg] = e.Text
				}
			}
			pairs := 0
			seen := map[int64]bool{}
			for _, e := range tr.Events {
				if e.Kind != trace.EvRecv || e.Arg == 0 {
					continue
				}
				if seen[e.Arg] {
					t.Fatalf("send %d received twice", e.Arg)
				}
				seen[e.Arg] = true
				if sent[e.Arg] != e.Text {
					t.Fatalf("receive of %q paired with send of %q", e.Text, sent[e.Arg])
				}
				pairs++
			}
			if pairs != senders*per {
				t.Errorf("%d pairs", pairs)
			}
		})
	}
}

// TestLikeAChannel checks blocking, closing and panics against Go channels.
func TestLikeAChannel(t *testing.T) {
	c := chans.Make[string]("c", 1)
	c.Send("a")
	if c.Len() != 1 || c.Cap() != 1 || c.TrySend("b") {
		t.Error("buffer accounting")
	}
	blocked := make(chan bool)
	go func() { c.Send("b"); close(blocked) }()
	select {
	case <-blocked:
		t.Error("Send to a full channel did not block")
	case <-time.After(20 * time.Millisecond):
	}
	if c.Recv() != "a" {
		t.Error("not FIFO")
	}
	<-blocked
	c.Close()
	if v, ok := c.RecvOK(); v != "b" || !ok {
		t.Error("buffered value lost at close")
	}
	if v, ok := c.RecvOK(); v != "" || ok {
		t.Error("closed channel did not give the zero value")
	}
	for name, f := range map[string]func(){
		"send on closed channel":  func() { c.Send("x") },
		"close of closed channel": func() { c.Close() },
		"close of nil channel":    func() { var n *chans.Chan[int]; n.Close() },
	} {
		var native any
		func() {
			defer func() { native = recover() }()
			switch name {
			case "send on closed channel":
				x := make(chan int)
				close(x)
				x <- 1
			case "close of closed channel":
				x := make(chan int)
				close(x)
				close(x)
			default:
				var x chan int
				close(x)
			}
		}()
		var ours any
		func() {
			defer func() { ours = recover() }()
			f()
		}()
		if fmt.Sprint(ours) != fmt.Sprint(native) {
			t.Errorf("%s: %v, Go says %v", name, ours, native)
		}
	}
}

func ExampleChan() {
	trace.Start()
	ch := chans.Make[int]("squares", 0)
	go func() {
		for i := 1; i <= 3; i++ {
			ch.Send(i * i)
		}
		ch.Close()
	}()
	for v := range ch.All() {
		fmt.Println(v)
	}
	t := trace.Stop()
	pairs := 0
	for _, e := range t.Events {
		if e.Kind == trace.EvRecv && e.Arg != 0 {
			pairs++
		}
	}
	fmt.Println("paired:", pairs, "object:", t.ObjectName(t.Events[len(t.Events)-1].Obj))
	// Output:
	// 1
	// 4
	// 9
	// paired: 3 object: squares
}

var _ = strconv.Itoa
