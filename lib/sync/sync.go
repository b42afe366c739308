// Package sync provides the synchronization primitives of the standard
// sync package, instrumented for goconc's timelines. Replace
//
//	import "sync"
//
// with
//
//	import "github.com/goconc/goconc/lib/sync"
//
// and a program behaves as before, while package trace records which
// goroutine locked, waited and signalled what, and for how long. Each type
// has the same methods, zero value and rules as the standard one: do not
// copy a Mutex after first use, Unlock of an unlocked Mutex is a fatal
// error, a negative WaitGroup counter panics.
//
// When no trace runs, the fast paths add one atomic load. A goroutine that
// blocks records where and on what, so that leaks and deadlocks can be
// explained, and can be stopped by a trace.Host (goconc's kernel uses this
// to interrupt cells).
package sync

import (
	"sync"
	"unsafe"

	"github.com/goconc/goconc/lib/trace"
)

// Locker is the standard sync.Locker.
type Locker = sync.Locker

// Pool is the standard sync.Pool: it involves no waiting.
type Pool = sync.Pool

// objectID returns the trace object of the value at p, registering it
// the first time with kind.
func objectID(id *uint32atomic, p unsafe.Pointer, kind trace.ObjectKind) trace.ObjectID {
	if v := id.Load(); v != 0 {
		return trace.ObjectID(v)
	}
	n := trace.NewObject(uintptr(p), kind, 0)
	if id.CompareAndSwap(0, uint32(n)) {
		return n
	}
	return trace.ObjectID(id.Load())
}

// OnceFunc returns a function that calls f only once; see sync.OnceFunc.
func OnceFunc(f func()) func() {
	var once Once
	var valid bool
	var p any
	g := func() {
		defer func() {
			p = recover()
			if !valid {
				panic(p)
			}
		}()
		f()
		f = nil
		valid = true
	}
	return func() {
		once.Do(g)
		if !valid {
			panic(p)
		}
	}
}
