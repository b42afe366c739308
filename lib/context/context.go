// Package context is the standard context package, instrumented for
// goconc's timelines: cancelling a context is recorded with its cause, and
// a goroutine that sees the cancellation (a receive from Done that gets it,
// or Err returning an error) is recorded as observing it. Replace
//
//	import "context"
//
// with
//
//	import "github.com/goconc/goconc/lib/context"
//
// and everything else stays the same: the contexts returned are standard
// contexts and mix with any code that takes a context.Context.
package context

import (
	"context"
	"fmt"
	"reflect"
	"sync"
	"sync/atomic"
	"time"

	"github.com/goconc/goconc/lib/explore"
	"github.com/goconc/goconc/lib/trace"
)

// The standard types and values.
type (
	Context         = context.Context
	CancelFunc      = context.CancelFunc
	CancelCauseFunc = context.CancelCauseFunc
)

var (
	Canceled         = context.Canceled
	DeadlineExceeded = context.DeadlineExceeded
)

// Background returns the standard empty context; a Host may give one of
// its own (see SetBackground).
func Background() Context {
	if f := background.Load(); f != nil {
		return (*f)()
	}
	return context.Background()
}

// TODO returns the standard TODO context.
func TODO() Context { return context.TODO() }

var background atomicFunc

type atomicFunc struct {
	mu sync.Mutex
	f  *func() Context
}

func (a *atomicFunc) Load() *func() Context {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.f
}

// SetBackground makes Background return f(): goconc's kernel gives each
// cell a context that is cancelled when the cell is interrupted, so that
// goroutines stop where they can.
func SetBackground(f func() Context) {
	background.mu.Lock()
	defer background.mu.Unlock()
	if f == nil {
		background.f = nil
		return
	}
	background.f = &f
}

// traced is a context whose cancellation is recorded.
type traced struct {
	Context
	id       trace.ObjectID
	once     sync.Once
	seen     sync.Map // goroutines that observed the cancellation
	parent   Context
	byCaller atomic.Bool // its own cancel function cancelled it
}

// Err records that the calling goroutine observed a cancellation.
func (c *traced) Err() error {
	err := c.Context.Err()
	if err == context.Canceled && !c.byCaller.Load() && c.parent != nil {
		// Cancelled with its parent: Go reports the parent's error,
		// which a deadline of virtual time (see explored.go) words as
		// DeadlineExceeded where the standard parent says Canceled.
		if pe := c.parent.Err(); pe == context.DeadlineExceeded {
			err = pe
		}
	}
	if err != nil && trace.Enabled() {
		g := trace.Current()
		if _, dup := c.seen.LoadOrStore(g, true); !dup {
			trace.Emit(trace.EvCancelSeen, c.id, 0, err.Error(), "")
		}
	}
	return err
}

func (c *traced) String() string { return fmt.Sprint(c.Context) }

// wrap registers a new context object named after how it was made, and
// its Done channel as the same object, so that a receive from Done is
// drawn on the context.
func wrap(ctx Context, kind string) *traced {
	t := &traced{Context: ctx}
	done := reflect.ValueOf(ctx.Done())
	addr := uintptr(0)
	if done.IsValid() && !done.IsNil() {
		addr = done.Pointer()
	}
	t.id = trace.ObjectAt(addr, trace.Context, 0, kind)
	if _, virtual := ctx.(*deadlined); !virtual {
		if d, ok := ctx.Deadline(); ok {
			// Waits on Done end by then: no deadlock.
			trace.ClosesBy(ctx.Done(), d)
		}
	}
	return t
}

// cancelled records the cancellation of t, once: by the goroutine that
// called cancel, or, for a deadline or a parent's cancellation, on the
// context alone.
func (t *traced) cancelled(cause error, byCaller bool) {
	t.once.Do(func() {
		if !trace.Enabled() {
			return
		}
		text := "canceled"
		if cause != nil {
			text = cause.Error()
		}
		if byCaller {
			trace.Emit(trace.EvCancel, t.id, 0, text, "")
		} else {
			trace.EmitOn(trace.EvCancel, t.id, 0, text)
		}
	})
}

// watch records a cancellation that comes from elsewhere (the parent, or a
// deadline).
func (t *traced) watch() {
	if explore.Current() != nil {
		// It would be recorded by a goroutine of the standard package,
		// at a moment no schedule decides: an explored run's timeline
		// shows only the cancellations that its goroutines make.
		return
	}
	context.AfterFunc(t.Context, func() { t.cancelled(context.Cause(t.Context), false) })
}

// WithCancel returns a copy of parent that is cancelled by cancel or when
// parent is.
func WithCancel(parent Context) (Context, CancelFunc) {
	ctx, cancel := context.WithCancel(parent)
	t := wrap(ctx, "ctx")
	t.parent = parent
	t.watch()
	return t, func() { t.byCaller.Store(true); t.cancelled(context.Canceled, true); cancel() }
}

// WithCancelCause is WithCancel whose cancel records a cause.
func WithCancelCause(parent Context) (Context, CancelCauseFunc) {
	ctx, cancel := context.WithCancelCause(parent)
	t := wrap(ctx, "ctx")
	t.parent = parent
	t.watch()
	return t, func(cause error) {
		if cause == nil {
			cause = context.Canceled
		}
		t.byCaller.Store(true)
		t.cancelled(cause, true)
		cancel(cause)
	}
}

// WithDeadline returns a copy of parent cancelled at d.
func WithDeadline(parent Context, d time.Time) (Context, CancelFunc) {
	if x := explore.Current(); x != nil {
		return exploredDeadline(x, parent, d, nil)
	}
	ctx, cancel := context.WithDeadline(parent, d)
	t := wrap(ctx, "ctx")
	t.watch()
	return t, func() { t.cancelled(context.Canceled, true); cancel() }
}

// WithDeadlineCause is WithDeadline with a cause for the deadline.
func WithDeadlineCause(parent Context, d time.Time, cause error) (Context, CancelFunc) {
	if x := explore.Current(); x != nil {
		return exploredDeadline(x, parent, d, cause)
	}
	ctx, cancel := context.WithDeadlineCause(parent, d, cause)
	t := wrap(ctx, "ctx")
	t.watch()
	return t, func() { t.cancelled(context.Canceled, true); cancel() }
}

// WithTimeout is WithDeadline(parent, time.Now().Add(timeout)).
func WithTimeout(parent Context, timeout time.Duration) (Context, CancelFunc) {
	return WithDeadline(parent, now().Add(timeout))
}

// WithTimeoutCause is WithDeadlineCause(parent, time.Now().Add(timeout), cause).
func WithTimeoutCause(parent Context, timeout time.Duration, cause error) (Context, CancelFunc) {
	return WithDeadlineCause(parent, now().Add(timeout), cause)
}

// WithValue returns a copy of parent carrying key and val. Values pass
// through unrecorded.
func WithValue(parent Context, key, val any) Context { return context.WithValue(parent, key, val) }

// WithoutCancel returns a copy of parent that is not cancelled with it.
func WithoutCancel(parent Context) Context { return context.WithoutCancel(parent) }

// Cause returns why c was cancelled; see context.Cause.
func Cause(c Context) error { return context.Cause(c) }

// AfterFunc arranges to call f in its own goroutine after ctx is done.
func AfterFunc(ctx Context, f func()) (stop func() bool) {
	return context.AfterFunc(ctx, func() {
		trace.SetName("AfterFunc")
		f()
	})
}
