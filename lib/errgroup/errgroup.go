// Package errgroup is golang.org/x/sync/errgroup, instrumented for
// goconc's timelines: the goroutines a Group starts are named and their
// start recorded, and Wait is shown blocked. It behaves as x/sync's: the
// first error cancels the context of WithContext and is returned by Wait; a
// panic in a goroutine crashes the program.
package errgroup

import (
	"fmt"

	"github.com/goconc/goconc/lib/context"
	"github.com/goconc/goconc/lib/explore"
	"github.com/goconc/goconc/lib/sync"
	"github.com/goconc/goconc/lib/trace"
)

type token struct{}

// A Group is a collection of goroutines working on subtasks of a common
// task. The zero Group is valid, has no limit on the number of active
// goroutines, and does not cancel on error.
type Group struct {
	cancel func(error)

	wg  sync.WaitGroup
	sem chan token

	errOnce sync.Once
	err     error
}

func (g *Group) done() {
	if g.sem != nil {
		<-g.sem
	}
	g.wg.Done()
}

// WithContext returns a new Group and an associated Context derived from
// ctx, cancelled the first time a function passed to Go returns an error
// or the first time Wait returns.
func WithContext(ctx context.Context) (*Group, context.Context) {
	ctx, cancel := context.WithCancelCause(ctx)
	return &Group{cancel: cancel}, ctx
}

// Wait blocks until all function calls from Go have returned, then
// returns the first non-nil error (if any) from them.
func (g *Group) Wait() error {
	g.wg.Wait()
	if g.cancel != nil {
		g.cancel(g.err)
	}
	return g.err
}

// Go calls f in a new goroutine. The first call to return a non-nil error
// cancels the group's context, if any; its error will be returned by Wait.
// With a limit set, Go blocks until the new goroutine can be added.
func (g *Group) Go(f func() error) {
	if x := explore.Current(); x != nil && g.sem != nil {
		// In an explored run, the scheduler waits for room.
		trace.ExploredWait(func() (bool, bool) {
			return x.Wait(func() bool {
				select {
				case g.sem <- token{}:
					return true
				default:
					return false
				}
			}, func() { trace.BlockOn(trace.GroupWait, 0, trace.Position(5)) })
		})
	} else if g.sem != nil {
		select {
		case g.sem <- token{}:
		default:
			trace.BlockOn(trace.GroupWait, 0, trace.Position(2))
			select {
			case g.sem <- token{}:
				trace.Unblock()
			case <-trace.Stopped():
				trace.Halt()
			}
		}
	}
	g.start(f)
}

func (g *Group) start(f func() error) {
	g.wg.Add(1)
	trace.Spawn("errgroup.Go", trace.Position(3), func() {
		defer g.done()
		if err := f(); err != nil {
			g.errOnce.Do(func() {
				g.err = err
				if g.cancel != nil {
					g.cancel(g.err)
				}
			})
		}
	})
}

// TryGo calls f in a new goroutine only if the number of active goroutines
// is below the limit, and reports whether it did.
func (g *Group) TryGo(f func() error) bool {
	trace.ExploredPoint()
	if g.sem != nil {
		select {
		case g.sem <- token{}:
		default:
			return false
		}
	}
	g.start(f)
	return true
}

// SetLimit limits the number of active goroutines to at most n; a negative
// n means no limit. It panics if goroutines of the group are active.
func (g *Group) SetLimit(n int) {
	if n < 0 {
		g.sem = nil
		return
	}
	if active := len(g.sem); active != 0 {
		panic(fmt.Errorf("errgroup: modify limit while %v goroutines in the group are still active", active))
	}
	g.sem = make(chan token, n)
}
