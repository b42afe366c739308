// Package chans provides a channel that pairs exactly each send with the
// receive that got its value, for goconc's timelines. Plain Go channels
// cannot carry that information; Chan can, because it sends each value
// with a sequence number.
//
//	ch := chans.Make[int]("jobs", 10)
//	go func() { ch.Send(1); ch.Close() }()
//	for v := range ch.All() {
//		fmt.Println(v)
//	}
//
// Sends and receives block, panic and close exactly like those of a Go
// channel of the same capacity.
package chans

import (
	"iter"
	"reflect"
	"sync/atomic"

	"github.com/goconc/goconc/lib/explore"

	"github.com/goconc/goconc/lib/trace"
)

type item[T any] struct {
	seq int64
	v   T
}

// Chan is a traced channel of T. Make one with Make; the zero Chan, like a
// nil channel, blocks for ever.
type Chan[T any] struct {
	c   chan item[T]
	seq atomic.Int64
	id  trace.ObjectID
}

// Make returns a channel named name with the given capacity (0 for an
// unbuffered one).
func Make[T any](name string, capacity int) *Chan[T] {
	c := &Chan[T]{c: make(chan item[T], capacity)}
	c.id = trace.NewObject(0, trace.Chan, capacity)
	if name != "" {
		trace.NameID(c.id, name)
	}
	return c
}

func (c *Chan[T]) raw() chan item[T] {
	if c == nil {
		return nil
	}
	return c.c
}

// Send sends v, blocking until a receiver or buffer space takes it.
func (c *Chan[T]) Send(v T) {
	ch := c.raw()
	var seq int64
	if c != nil {
		seq = c.seq.Add(1)
	}
	it := item[T]{seq, v}
	if x := explore.Current(); x != nil {
		explored(x, c, reflect.SelectSend, reflect.ValueOf(it), trace.ChanSend)
	} else {
		send(c, ch, it)
	}
	if trace.Enabled() {
		trace.Emit(trace.EvSend, c.object(), seq, trace.Short(v, 16), "")
	}
}

// send sends it on ch, blocking as a channel send does.
func send[T any](c *Chan[T], ch chan item[T], it item[T]) {
	select {
	case ch <- it:
	default:
		trace.BlockOn(trace.ChanSend, c.object(), trace.Position(3))
		select {
		case ch <- it:
			trace.Unblock()
		case <-trace.Stopped():
			trace.Halt()
		}
	}
}

// explored runs a send or receive of goroutine x of an explored run
// (package explore) and reports, for a receive, whether a value came.
func explored[T any](x *explore.G, c *Chan[T], dir reflect.SelectDir, v reflect.Value, reason trace.Reason) bool {
	waited := false
	ch := reflect.ValueOf(c.raw())
	_, ok, closedSend, alive := x.Select([]explore.Case{{Dir: dir, Chan: ch, Value: v}}, false, func() {
		waited = true
		trace.BlockOn(reason, c.object(), trace.Position(4))
	})
	if !alive {
		trace.Halt()
	}
	if waited {
		trace.Unblock()
	}
	if closedSend {
		ch.Send(v) // the runtime's own panic: send on closed channel
	}
	return ok
}

// Recv receives a value, blocking until one is sent. After Close, it
// returns the zero value.
func (c *Chan[T]) Recv() T {
	v, _ := c.RecvOK()
	return v
}

// RecvOK receives a value and reports whether it was sent (true) or is the
// zero value of a closed channel (false).
func (c *Chan[T]) RecvOK() (T, bool) {
	ch := c.raw()
	var it item[T]
	var ok bool
	if x := explore.Current(); x != nil {
		v := reflect.New(reflect.TypeFor[item[T]]()).Elem()
		ok = explored(x, c, reflect.SelectRecv, v, trace.ChanRecv)
		it = v.Interface().(item[T])
	} else {
		it, ok = recv(c, ch)
	}
	if trace.Enabled() {
		text := ""
		if ok {
			text = trace.Short(it.v, 16)
		}
		trace.Emit(trace.EvRecv, c.object(), it.seq, text, "")
	}
	return it.v, ok
}

// recv receives from ch, blocking as a channel receive does.
func recv[T any](c *Chan[T], ch chan item[T]) (it item[T], ok bool) {
	select {
	case it, ok = <-ch:
	default:
		trace.BlockOn(trace.ChanRecv, c.object(), trace.Position(2))
		select {
		case it, ok = <-ch:
			trace.Unblock()
		case <-trace.Stopped():
			trace.Halt()
		}
	}
	return it, ok
}

// TrySend sends v if it can do so without blocking, and reports whether it
// did.
func (c *Chan[T]) TrySend(v T) bool {
	if c == nil {
		return false
	}
	trace.ExploredPoint()
	seq := c.seq.Add(1)
	select {
	case c.raw() <- item[T]{seq, v}:
		if trace.Enabled() {
			trace.Emit(trace.EvSend, c.object(), seq, trace.Short(v, 16), "")
		}
		return true
	default:
		return false
	}
}

// Close closes the channel. Closing it twice, or sending after, panics.
func (c *Chan[T]) Close() {
	if x := explore.Current(); x != nil {
		if !x.Close(reflect.ValueOf(c.raw())) {
			trace.Halt()
		}
	} else {
		close(c.raw())
	}
	if trace.Enabled() {
		trace.Emit(trace.EvClose, c.object(), 0, "", "")
	}
}

// Len returns the number of values in the buffer.
func (c *Chan[T]) Len() int { return len(c.raw()) }

// Cap returns the capacity.
func (c *Chan[T]) Cap() int { return cap(c.raw()) }

// All returns the values received until the channel is closed, for range.
func (c *Chan[T]) All() iter.Seq[T] {
	return func(yield func(T) bool) {
		for {
			v, ok := c.RecvOK()
			if !ok || !yield(v) {
				return
			}
		}
	}
}

func (c *Chan[T]) object() trace.ObjectID {
	if c == nil {
		return 0
	}
	return c.id
}
