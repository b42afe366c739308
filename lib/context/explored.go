package context

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/goconc/goconc/lib/explore"
)

// In an explored run (package explore) time is virtual, and so are
// deadlines: the run's scheduler cancels the context when its virtual
// time reaches the deadline, in the goroutine whose turn it is then, so
// that every schedule sees the cancellation at the same point.

// now is the time deadlines are measured from: the run's, in an explored
// run.
func now() time.Time {
	if x := explore.Current(); x != nil {
		return x.Now()
	}
	return time.Now()
}

// deadlined is a context whose deadline is of virtual time: a context
// cancelled with a cause, which says DeadlineExceeded once the deadline
// passed.
type deadlined struct {
	context.Context
	deadline time.Time
	expired  atomic.Bool
}

func (d *deadlined) Deadline() (time.Time, bool) { return d.deadline, true }

func (d *deadlined) Err() error {
	err := d.Context.Err()
	if err != nil && d.expired.Load() {
		return context.DeadlineExceeded
	}
	return err
}

// exploredDeadline is WithDeadlineCause for goroutine x of an explored run.
func exploredDeadline(x *explore.G, parent Context, d time.Time, cause error) (Context, CancelFunc) {
	if pd, ok := parent.Deadline(); ok && !pd.After(d) {
		// The parent's deadline comes first: as the standard package
		// does, this is only a cancellable copy.
		return WithCancel(parent)
	}
	ctx, cancel := context.WithCancelCause(parent)
	v := &deadlined{Context: ctx, deadline: d}
	t := wrap(v, "ctx")
	t.parent = parent
	if cause == nil {
		cause = context.DeadlineExceeded
	}
	expire := func() {
		if v.Context.Err() == nil {
			v.expired.Store(true)
		}
		t.cancelled(cause, false)
		cancel(cause)
	}
	stop := func() bool { return false }
	if wait := d.Sub(x.Now()); wait <= 0 {
		expire()
	} else {
		stop = x.Timer(wait, expire)
	}
	return t, func() {
		stop()
		t.byCaller.Store(true)
		t.cancelled(context.Canceled, true)
		cancel(context.Canceled)
	}
}
