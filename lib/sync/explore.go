package sync

import (
	"github.com/goconc/goconc/lib/explore"
	"github.com/goconc/goconc/lib/trace"
)

// In an explored run (package explore) the primitives let the run's
// scheduler decide: every operation begins with a scheduling point, and an
// operation that must wait is attempted for the waiting goroutine by the
// scheduler, instead of the goroutine blocking in the runtime.

// exploredWait waits, as goroutine x of an explored run, until try
// succeeds, recorded as blocked for reason on obj meanwhile.
func exploredWait(x *explore.G, reason trace.Reason, obj trace.ObjectID, try func() bool) {
	trace.ExploredWait(func() (bool, bool) {
		return x.Wait(try, func() { trace.BlockOn(reason, obj, trace.Position(5)) })
	})
}

// point is a scheduling point of an explored run, if the caller takes part
// in one.
func point() { trace.ExploredPoint() }
