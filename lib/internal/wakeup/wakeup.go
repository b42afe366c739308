// Package wakeup wakes goroutines that wait for a state to change: they
// take the signal's channel, check the state, and wait for the channel to
// close; whoever changes the state broadcasts, which closes it.
package wakeup

import (
	"sync/atomic"

	"github.com/goconc/goconc/lib/trace"
)

// Signal is a broadcast signal. The zero value is ready.
type Signal struct {
	ch atomic.Pointer[chan struct{}]
}

// Chan returns the channel the next Broadcast closes. Take it before
// checking the state, so that a change between the check and the wait is
// not missed.
func (s *Signal) Chan() <-chan struct{} {
	for {
		if p := s.ch.Load(); p != nil {
			return *p
		}
		c := make(chan struct{})
		if s.ch.CompareAndSwap(nil, &c) {
			return c
		}
	}
}

// Broadcast wakes every goroutine waiting on the current channel.
func (s *Signal) Broadcast() {
	if p := s.ch.Swap(nil); p != nil {
		close(*p)
	}
}

// Wait waits for c to close. If the trace host stops the goroutine first,
// it halts it.
func Wait(c <-chan struct{}) {
	select {
	case <-c:
	case <-trace.Stopped():
		trace.Halt()
	}
}
