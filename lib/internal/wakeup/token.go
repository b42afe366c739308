package wakeup

import (
	"sync/atomic"

	"github.com/goconc/goconc/lib/trace"
)

// Token wakes one waiting goroutine at a time: a lock's Unlock gives one
// token, and one goroutine waiting for the lock takes it and tries again.
// A Signal would wake every waiter on every Unlock, and all but one would
// go back to sleep: with a hundred goroutines contending for a Mutex, the
// cell took a fifth longer.
//
// At most one token waits to be taken, so a token given with nobody
// waiting costs the next waiter one spurious try. The zero value is ready.
type Token struct {
	p atomic.Pointer[tokenChan]
}

// tokenChan is a Token's channel and the Token it was made for: a copy of
// a Token (a Mutex copied by value) makes a channel of its own, so that
// the copies' waiters do not take each other's tokens.
type tokenChan struct {
	owner *Token
	c     chan struct{}
}

func (t *Token) ch() chan struct{} {
	for {
		p := t.p.Load()
		if p != nil && p.owner == t {
			return p.c
		}
		n := &tokenChan{owner: t, c: make(chan struct{}, 1)}
		if t.p.CompareAndSwap(p, n) {
			return n.c
		}
	}
}

// Give wakes one goroutine waiting in Take, or lets the next one to wait
// go through at once.
func (t *Token) Give() {
	select {
	case t.ch() <- struct{}{}:
	default: // a token is already there
	}
}

// Take waits for a token. If the trace host stops the goroutine first, it
// halts it.
func (t *Token) Take() {
	select {
	case <-t.ch():
	case <-trace.Stopped():
		trace.Halt()
	}
}
