package evaluator

import (
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/goconc/goconc/lib/trace"
)

// Above an uncaught panic, Go prints the panics that were recovered on
// its way but whose recovering call had not returned when the new one
// began:
//
//	defer func() {
//		r := recover()
//		panic(fmt.Sprint("wrapped: ", r))
//	}()
//	panic("boom")
//
// prints
//
//	panic: boom [recovered]
//		panic: wrapped: boom
//
// and re-panicking with the value recovered, panic(r), prints
// "panic: boom [recovered, repanicked]"; a panic that a deferred call's
// panic aborted, which nothing recovered, is printed plainly:
//
//	defer func() { panic("second") }()
//	panic("first")
//
// prints "panic: first" and "\tpanic: second". The evaluator keeps, per
// goroutine, the values recover() returned (recovering), and the calls
// of the functions that call recover() still running: each tells it where
// it began (RecoveryMark), where it returns normally (RecoveryDone, which
// ends the recoveries it made and those of calls that panicked again
// since), and that it ended (RecoveryExit, deferred: without a
// RecoveryDone before it, it panicked again).
type panicChains struct {
	mu  sync.Mutex
	byG map[int64]*chain
}

// chain is what one goroutine keeps.
type chain struct {
	recovered []any // the values recover() returned, oldest first, with the panics each had aborted (abortedPanic) before it
	calls     []recoverer
	aborted   []abortion
}

// abortion is a panic v that a deferred call's panic, by, aborted.
type abortion struct{ v, by any }

// abortedPanic is a panic in a chain that another aborted: Go prints it
// without "[recovered]".
type abortedPanic struct{ v any }

// recoverer is a running call of a function that calls recover().
type recoverer struct {
	mark    int  // len(recovered) when it began
	aborted bool // it panicked again
}

var chains = panicChains{byG: map[int64]*chain{}}

// recoveryMark is the RecoveryMark hook, called where a function that
// calls recover() begins. Its result is the call's token.
func recoveryMark() int {
	chains.mu.Lock()
	defer chains.mu.Unlock()
	c := chains.current()
	c.calls = append(c.calls, recoverer{mark: len(c.recovered)})
	return len(c.calls)
}

// recoveryDone is the RecoveryDone hook, called where a function that
// calls recover() returns normally: the recoveries it made are over, and
// so are those of calls that panicked again, inside it, before it
// recovered.
func recoveryDone(token int) {
	g := trace.Current()
	chains.mu.Lock()
	defer chains.mu.Unlock()
	c := chains.byG[g]
	if c == nil || token < 1 || token > len(c.calls) {
		return
	}
	c.recovered = c.recovered[:c.calls[token-1].mark]
	c.calls = c.calls[:token-1]
	for k := len(c.calls); k > 0 && c.calls[k-1].aborted; k-- {
		c.recovered = c.recovered[:c.calls[k-1].mark]
		c.calls = c.calls[:k-1]
	}
	if len(c.calls) == 0 && len(c.recovered) == 0 && len(c.aborted) == 0 {
		delete(chains.byG, g)
	}
}

// recoveryExit is the RecoveryExit hook, deferred by a function that
// calls recover(): if the call has not returned normally, it panicked
// again, and its recoveries stay part of the new panic's chain.
func recoveryExit(token int) {
	g := trace.Current()
	chains.mu.Lock()
	defer chains.mu.Unlock()
	if c := chains.byG[g]; c != nil && token >= 1 && token <= len(c.calls) {
		c.calls[token-1].aborted = true
	}
}

// recovering keeps v, a value recover() returned, after the panics it
// had aborted.
func (c *panicChains) recovering(v any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := c.current()
	ch.recovered = append(append(ch.recovered, ch.abortedBy(v)...), v)
}

// aborting keeps that by, the panic of a deferred call, aborted v.
func (c *panicChains) aborting(v, by any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := c.current()
	ch.aborted = append(ch.aborted, abortion{v, by})
}

// abortedBy returns, oldest first, and forgets, the panics v aborted, and
// those they had aborted.
func (ch *chain) abortedBy(v any) []any {
	var out []any
	for n := len(ch.aborted); n > 0 && samePanic(ch.aborted[n-1].by, v); n-- {
		v = ch.aborted[n-1].v
		out = append(out, abortedPanic{v})
		ch.aborted = ch.aborted[:n-1]
	}
	slices.Reverse(out)
	return out
}

// current returns the running goroutine's chain, made if need be; c.mu is
// held.
func (c *panicChains) current() *chain {
	g := trace.Current()
	ch := c.byG[g]
	if ch == nil {
		ch = &chain{}
		c.byG[g] = ch
	}
	return ch
}

// forget forgets what goroutine g keeps.
func (c *panicChains) forget(g int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.byG, g)
}

// take returns the recoveries goroutine g keeps, and the panics v, a panic
// of g's, aborted, and forgets all g keeps.
func (c *panicChains) take(g int64, v any) []any {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := c.byG[g]
	delete(c.byG, g)
	if ch == nil {
		return nil
	}
	return append(ch.recovered, ch.abortedBy(v)...)
}

// chainText prefixes text, the printed value of a panic of goroutine g
// that nothing recovered (v), with the recoveries g kept, as Go's
// printpanics does: oldest first, one a line, a value re-panicked as it
// was recovered once.
func chainText(g int64, v any, text string) string {
	kept := chains.take(g, v)
	if len(kept) == 0 {
		return text
	}
	all := append(kept, v)
	var lines []string
	for i := 0; i < len(all); i++ {
		if a, ok := all[i].(abortedPanic); ok {
			lines = append(lines, panicValue(a.v))
			continue
		}
		line := text
		if i < len(kept) {
			line = panicValue(all[i])
		}
		switch {
		case i+1 < len(all) && samePanic(all[i], all[i+1]):
			line += " [recovered, repanicked]"
			i++
		case i+1 < len(all):
			line += " [recovered]"
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n\tpanic: ")
}

// samePanic reports whether a panic's value b is the value a that
// recover() returned (panic(r) after r := recover()).
func samePanic(a, b any) (same bool) {
	if rv, ok := b.(reflect.Value); ok && rv.IsValid() && rv.CanInterface() {
		b = rv.Interface()
	}
	if rv, ok := a.(reflect.Value); ok && rv.IsValid() && rv.CanInterface() {
		a = rv.Interface()
	}
	defer func() {
		if recover() != nil {
			same = false // not comparable
		}
	}()
	return a == b
}
