package trace

import (
	"testing"
	"time"
)

// stopHost is a Host whose goroutines all stop when stop closes.
type stopHost struct{ stop chan struct{} }

type halted struct{}

func (h stopHost) Stop() <-chan struct{} { return h.stop }
func (h stopHost) Halt()                 { panic(halted{}) }
func (h stopHost) Panicked(any)          {}

// TestUnblockWaitsWhileAnotherUnwinds: a goroutine resuming from a wait
// while another unwinds a panic waits until that one recovers, waits
// itself, or until the host stops it; the one unwinding is not held.
func TestUnblockWaitsWhileAnotherUnwinds(t *testing.T) {
	h := stopHost{stop: make(chan struct{})}
	SetHost(h)
	defer SetHost(nil)
	defer EndUnwindings()

	unwinding := make(chan bool)
	proceed := make(chan bool)
	recovered := make(chan bool)
	Go("unwinder", func() {
		Unwinding()
		Unblock() // its own resume is not held
		unwinding <- true
		<-proceed
		Unwound()
		recovered <- true
		<-proceed
		Unwinding()
		unwinding <- true
		<-proceed
	})
	<-unwinding
	if !Unwinds() {
		t.Fatal("Unwinds is false while a goroutine unwinds")
	}
	resumed := make(chan any, 1)
	resume := func() {
		Go("waiter", func() {
			defer func() { resumed <- recover() }()
			BlockOn(ChanRecv, 0, "")
			Unblock()
		})
	}
	resume()
	select {
	case <-resumed:
		t.Fatal("a goroutine resumed while another unwinds a panic")
	case <-time.After(20 * time.Millisecond):
	}
	proceed <- true
	<-recovered
	if r := <-resumed; r != nil {
		t.Fatalf("the waiter ended with %v after the recovery", r)
	}

	proceed <- true
	<-unwinding
	resume()
	close(h.stop)
	if r := <-resumed; r != (halted{}) {
		t.Fatalf("the waiter stopped by its host ended with %v, want it halted", r)
	}
	proceed <- true
}
