// Package selfcheck checks the answers to the exercises of the goconc
// course, including properties of concurrent code: the same result on every
// run, no goroutine left behind, at most N goroutines at once, done in time.
//
// A check that holds prints one line starting with ✓. A check that fails
// panics with a *Failure saying what was expected and what happened, so the
// notebook cell ends with an error nobody can miss:
//
//	selfcheck.Equal("Sum(1, 2)", Sum(1, 2), 3)
//	// ✓ Sum(1, 2) = 3
//
// It works in notebooks and in ordinary Go programs alike.
package selfcheck

import (
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"sync/atomic"
	"time"

	"github.com/goconc/goconc/lib/stacks"
)

// Output is where passing checks print their line; nil means os.Stdout.
var Output io.Writer

// Failure is the panic value of a failed check.
type Failure struct {
	Check  string // what was checked
	Detail string // what went wrong
}

func (f *Failure) Error() string { return "✗ " + f.Check + ": " + f.Detail }

func fail(what, format string, args ...any) {
	panic(&Failure{Check: what, Detail: fmt.Sprintf(format, args...)})
}

func pass(format string, args ...any) {
	w := Output
	if w == nil {
		w = os.Stdout
	}
	fmt.Fprintf(w, "✓ "+format+"\n", args...)
}

// Equal checks that got equals want (reflect.DeepEqual).
func Equal(what string, got, want any) {
	if !reflect.DeepEqual(got, want) {
		fail(what, "got %v, want %v", got, want)
	}
	pass("%s = %v", what, want)
}

// True checks a condition; why says what it means when it does not hold.
func True(what string, ok bool, why string) {
	if !ok {
		fail(what, "%s", why)
	}
	pass("%s", what)
}

// Same runs f runs times and checks that every run returns the same value
// (reflect.DeepEqual): the test for code whose result must not depend on
// how goroutines happen to be scheduled.
func Same(what string, runs int, f func() any) {
	first := f()
	for i := 2; i <= runs; i++ {
		if got := f(); !reflect.DeepEqual(got, first) {
			fail(what, "run 1 gave %v but run %d gave %v: the result depends on scheduling", first, i, got)
		}
	}
	pass("%s: the same on %d runs (%v)", what, runs, first)
}

// settle is how long NoLeak waits for goroutines to end after f returns.
const settle = time.Second

// IgnoreGoroutine, when set, leaves goroutines out of NoLeak by their stack
// (as runtime.Stack prints it): a host such as a notebook kernel sets it to
// skip goroutines of its own that start while a check runs.
var IgnoreGoroutine func(stack string) bool

// NoLeak runs f and checks that every goroutine started while f ran has
// ended within a second of f returning. Goroutines that existed before, or
// that end meanwhile, do not count.
func NoLeak(what string, f func()) {
	before := goroutines()
	f()
	deadline := time.Now().Add(settle)
	for {
		var leaked []string
		for id, stack := range goroutines() {
			if _, old := before[id]; !old {
				leaked = append(leaked, stack)
			}
		}
		if len(leaked) == 0 {
			pass("%s: no goroutine left running", what)
			return
		}
		if time.Now().After(deadline) {
			fail(what, "%d goroutine(s) still running %v after it returned: a goroutine leaked (blocked on a channel nobody will use, or never told to stop)", len(leaked), settle)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// goroutines returns the stacks of all goroutines but the caller's, by ID.
func goroutines() map[string]string {
	buf := stacks.All()
	out := map[string]string{}
	for i, stack := range strings.Split(string(buf), "\n\n") {
		if i == 0 { // the caller's own goroutine comes first
			continue
		}
		header, _, _ := strings.Cut(stack, "\n")
		id, ok := strings.CutPrefix(header, "goroutine ")
		if !ok {
			continue
		}
		id, _, _ = strings.Cut(id, " ")
		if IgnoreGoroutine != nil && IgnoreGoroutine(stack) {
			continue
		}
		out[id] = stack
	}
	return out
}

// Within checks that f returns within d. If it does not, the check fails at
// once (f goes on running in its goroutine). A check that fails inside f
// fails Within's caller.
func Within(what string, d time.Duration, f func()) {
	done := make(chan struct{})
	start := time.Now()
	// A check that fails inside f panics in f's goroutine; it is carried
	// back and raised here, so that it fails the cell. Left to itself it
	// would end the program, and only after done was closed: the cell
	// could pass first.
	var failed any
	go func() {
		defer close(done)
		defer func() { failed = recover() }()
		f()
	}()
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-done:
		if failed != nil {
			panic(failed)
		}
		pass("%s: done in %v (limit %v)", what, time.Since(start).Round(time.Millisecond), d)
	case <-t.C:
		fail(what, "still running after %v", d)
	}
}

// AtMost checks that got is no more than max.
func AtMost(what string, got, max int) {
	if got > max {
		fail(what, "%d, more than %d", got, max)
	}
	pass("%s: %d (at most %d)", what, got, max)
}

// A Gauge counts how many goroutines are between Enter and Leave, and
// remembers the most there ever were: put one around the work of a worker
// to check a bound on parallelism. The zero Gauge is ready to use.
type Gauge struct {
	now, max atomic.Int64
}

// Enter counts one more goroutine in.
func (g *Gauge) Enter() {
	n := g.now.Add(1)
	for {
		m := g.max.Load()
		if n <= m || g.max.CompareAndSwap(m, n) {
			return
		}
	}
}

// Leave counts one goroutine out.
func (g *Gauge) Leave() { g.now.Add(-1) }

// Max is the most goroutines that were in at once.
func (g *Gauge) Max() int { return int(g.max.Load()) }
