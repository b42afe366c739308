package evaluator

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/traefik/yaegi/interp"

	"github.com/goconc/goconc/kernel/fieldnames"
	"github.com/goconc/goconc/kernel/interleaving"
	"github.com/goconc/goconc/kernel/program"
	"github.com/goconc/goconc/lib/explore"
	"github.com/goconc/goconc/lib/trace"
)

// Exploring a cell (%%explore) runs its statements under many schedules of
// package explore's scheduler and keeps what each did: its output, its
// value, and how it ended (returned, panicked, deadlocked, cut). Schedules
// that did the same are one outcome; the exploration shows each outcome
// once, with how many schedules gave it, a token that replays it, and the
// timeline of its first run.
//
// Each schedule is a cell of its own for the evaluator ("c5~17"): its
// goroutines' output goes to the router's capture, its stop channel halts
// them when the schedule ends, and its trace is recorded with a clock that
// counts events, so that a replay draws the same timeline every time.
//
// The cell's declarations run once; its statements run once per schedule,
// in the same interpreter, so each schedule starts from the notebook as the
// last one left it: the cell's own variables are set again by its
// statements, but a variable of an earlier cell that the cell changes
// carries the change from one schedule to the next.

// ExploreOptions say how to explore a cell.
type ExploreOptions struct {
	Schedules int           // at most this many schedules
	Seed      uint64        // the exploration's seed: the same seed makes the same schedules
	Budget    time.Duration // stop early after this long, with what was found
	MaxSteps  int           // scheduling points a schedule may pass before it is cut
	// Replay, a token of an exploration, runs the cell once under that
	// schedule, as an ordinary cell with its output and timeline.
	Replay string
	// Restore runs after the cell: it gives the notebook's functions back
	// their versions without scheduling points.
	Restore []program.Chunk
	// Expect, if not 0, is how many outcomes the cell must have: an
	// exploration that finds another number fails (ExpectError).
	Expect int
}

// ExpectError is returned by Run when an exploration found another number
// of outcomes than the cell expects.
type ExpectError struct {
	Want int
	x    *exploration
}

func (e *ExpectError) Error() string {
	var b strings.Builder
	noun := "outcomes"
	if e.Want == 1 {
		noun = "outcome"
	}
	fmt.Fprintf(&b, "✗ expected %d %s, found %d in %d schedules", e.Want, noun, len(e.x.outcomes), e.x.schedules)
	for i, o := range e.x.outcomes {
		if i == 4 {
			fmt.Fprintf(&b, "\n  … and %d more", len(e.x.outcomes)-4)
			break
		}
		out, ending := describeOutcome(o.first)
		if o.first.ending != "" {
			out += "; " + ending
		}
		fmt.Fprintf(&b, "\n  outcome %d (%d schedules, replay=%s): %s", i+1, o.count, o.first.plan.Token(), strings.ReplaceAll(clip(out, 3), "\n", " / "))
	}
	return b.String()
}

// linger is how long a schedule's goroutines have to unwind once it ended.
const linger = 2 * time.Second

// scheduleCell names the cell schedule i of cell runs as.
func scheduleCell(cell string, i int) string { return fmt.Sprintf("%s~%d", cell, i) }

// access is the Access hook: a scheduling point before a statement of an
// explored cell that reads or writes shared memory, recorded for the
// timeline. Outside an exploration it does nothing.
func access(where, what string, kind byte) {
	x := explore.Current()
	if x == nil {
		return
	}
	if !x.Point() {
		halt()
	}
	if trace.Enabled() {
		trace.Emit(trace.EvAccess, 0, int64(kind), what, where)
	}
}

// seen is the Seen hook: the value the last access read or wrote.
func seen(v any) {
	if trace.Enabled() && explore.Current() != nil {
		if rv := fieldnames.Unboxed(reflect.ValueOf(v)); rv.IsValid() && rv.CanInterface() {
			v = rv.Interface()
		}
		trace.Annotate(trace.Short(v, 12))
	}
}

// closeChan is the Close hook: close(ch) in an explored cell, which the
// scheduler must know of.
func closeChan(c any) {
	ch := reflect.ValueOf(c)
	x := explore.Current()
	if x == nil {
		ch.Close()
		return
	}
	if !x.Close(ch) {
		halt()
	}
	if trace.Enabled() {
		trace.Emit(trace.EvClose, chanObject(ch, ""), 0, "", "")
	}
}

// exploreSelect is Select for a goroutine of an explored run.
func (e *Evaluator) exploreSelect(x *explore.G, where string, hasDefault bool, cases []Case) (int, bool) {
	xc := make([]explore.Case, len(cases))
	for i, c := range cases {
		xc[i] = explore.Case{Dir: c.dir, Chan: c.ch, Value: c.ptr.Elem()}
	}
	waited := false
	i, recvOK, closedSend, ok := x.Select(xc, hasDefault, func() { waited = true; e.block(where, cases) })
	if !ok {
		halt()
	}
	if i < 0 {
		return -1, false
	}
	c := cases[i]
	if closedSend {
		c.ch.Send(c.ptr.Elem()) // Go's own panic: send on closed channel
	}
	if !trace.Enabled() {
		if waited {
			trace.Unblock()
		}
		return i, recvOK
	}
	if c.dir == reflect.SelectSend {
		trace.ChanSentAt(c.ch.Pointer(), c.ch.Cap(), c.name, valueText(c.ptr.Elem()), c.where)
	} else {
		trace.ChanReceivedAt(c.ch.Pointer(), c.ch.Cap(), c.name, "", recvOK, c.where)
	}
	return i, recvOK
}

// exploredSleep is time.Sleep in an explored run: virtual time.
func exploredSleep(x *explore.G, d time.Duration) {
	trace.ExploredWait(func() (bool, bool) {
		return x.Sleep(d, func() { trace.BlockOn(trace.Sleeping, 0, "") }), d > 0
	})
}

// exploredTime returns the functions of package time that read the clock
// or wait for it, for cells: in an explored run they use its virtual time.
func exploredTime() map[string]reflect.Value {
	return map[string]reflect.Value{
		"After": reflect.ValueOf(func(d time.Duration) <-chan time.Time {
			if x := explore.Current(); x != nil {
				return x.After(d)
			}
			return time.After(d)
		}),
		"Tick": reflect.ValueOf(func(d time.Duration) <-chan time.Time {
			if x := explore.Current(); x != nil {
				if d <= 0 {
					return nil
				}
				return x.Tick(d).C
			}
			return time.Tick(d)
		}),
		"NewTimer": reflect.ValueOf(func(d time.Duration) *time.Timer {
			if x := explore.Current(); x != nil {
				v := x.NewTimer(d)
				t := time.NewTimer(forever)
				t.C = v.C
				virtualTimers.Store(t, v)
				return t
			}
			return time.NewTimer(d)
		}),
		"NewTicker": reflect.ValueOf(func(d time.Duration) *time.Ticker {
			if x := explore.Current(); x != nil {
				v := x.Tick(d)
				t := time.NewTicker(forever)
				t.C = v.C
				virtualTimers.Store(t, v)
				return t
			}
			return time.NewTicker(d)
		}),
		"Now": reflect.ValueOf(now),
		"Since": reflect.ValueOf(func(t time.Time) time.Duration {
			return now().Sub(t)
		}),
		"Until": reflect.ValueOf(func(t time.Time) time.Duration {
			return t.Sub(now())
		}),
	}
}

// A *time.Timer or *time.Ticker made in an explored run is a real one that
// never fires, whose channel is a virtual timer's; the cell pipeline turns
// their Stop and Reset calls into the hooks below, which find the virtual
// timer here. virtualTimers is emptied after each schedule.
var virtualTimers sync.Map // *time.Timer -> *explore.Timer, *time.Ticker -> *explore.Ticker

// forever is the period of the real timer behind a virtual one.
const forever = time.Duration(1 << 62)

func timerStop(t *time.Timer) bool {
	if v, ok := virtualTimers.Load(t); ok {
		return v.(*explore.Timer).Stop()
	}
	return t.Stop()
}

func timerReset(t *time.Timer, d time.Duration) bool {
	if v, ok := virtualTimers.Load(t); ok {
		return v.(*explore.Timer).Reset(d)
	}
	return t.Reset(d)
}

func tickerStop(t *time.Ticker) {
	if v, ok := virtualTimers.Load(t); ok {
		v.(*explore.Ticker).Stop()
		return
	}
	t.Stop()
}

func tickerReset(t *time.Ticker, d time.Duration) {
	if v, ok := virtualTimers.Load(t); ok {
		v.(*explore.Ticker).Reset(d)
		return
	}
	t.Reset(d)
}

// now is time.Now for cells.
func now() time.Time {
	if x := explore.Current(); x != nil {
		return x.Now()
	}
	return time.Now()
}

// stepClock is a trace clock that moves one microsecond per event: the
// timeline of a schedule shows the order of events, the same on every
// replay, not how long the interpreter took between them.
func stepClock() trace.Option {
	var n atomic.Int64
	return trace.WithClock(func() time.Duration { return time.Duration(n.Add(1)) * time.Microsecond })
}

// schedule is what one run of an explored cell did.
type schedule struct {
	index  int
	plan   explore.Schedule
	res    explore.Result
	output string // stdout, and stderr lines marked
	result string // the cell's value
	ending string // "" if the cell ran to its end; else how it ended
	trace  *trace.Trace
	paths  map[int64]string // goroutine id -> its place in the run (explore.G.Path)
	counts bool             // an outcome; false for a schedule stopped by an interrupt or the budget
}

func (s *schedule) key() string { return s.output + "\x00" + s.result + "\x00" + s.ending }

func (s *schedule) run() interleaving.Run { return interleaving.Run{Trace: s.trace, Paths: s.paths} }

// exploreCell explores the statements of chunks (after running its
// declarations once) and shows what it found.
func (e *Evaluator) exploreCell(ctx context.Context, cell string, chunks []program.Chunk, opts RunOptions) (int, error) {
	e.evalMu.Lock()
	defer e.evalMu.Unlock()
	xo := *opts.Explore
	e.mu.Lock()
	e.label = opts.Label
	e.current, e.last = cell, cell
	e.mu.Unlock()
	defer func() {
		e.stdio.sync()
		e.mu.Lock()
		e.current = ""
		e.mu.Unlock()
	}()
	stopWhenDone := context.AfterFunc(ctx, func() { e.Interrupt(cell) })
	defer stopWhenDone()

	// The last chunk runs the cell's statements (program.Unit.Explore);
	// the others declare and set up, once.
	defer forgetCode(e.interp)
	defer e.restore(xo.Restore)
	done := 0
	body := chunks[len(chunks)-1:]
	for _, c := range chunks[:len(chunks)-1] {
		importFlags(c)
		if _, err := e.interp.EvalWithContext(context.Background(), c.Src); err != nil {
			return done, e.convert(cell, err)
		}
		done++
	}
	x := &exploration{opts: xo, label: opts.Label, started: time.Now()}
	steps := 0
	for i := 0; i < xo.Schedules; i++ {
		if time.Since(x.started) > xo.Budget {
			x.outOfTime = true
			break
		}
		if e.stops.stopping(cell) {
			x.interrupted = true
			break
		}
		s, err := e.runSchedule(cell, i, body, explore.Plan(xo.Seed, i, steps), xo, x.started.Add(xo.Budget))
		if err != nil {
			return done, err
		}
		steps = max(steps, s.res.Steps)
		if !s.counts {
			x.interrupted = x.interrupted || e.stops.stopping(cell)
			x.outOfTime = x.outOfTime || !x.interrupted
			break
		}
		x.add(s)
		if i == 0 && s.res.Choices == 0 && s.res.Ending != explore.Cut {
			// No point of the run had two ways to go on: every
			// schedule would make this same run.
			x.onlyOne = true
			break
		}
	}
	x.sort()
	x.explain()
	e.showExploration(cell, x)
	if x.interrupted {
		return done, ErrInterrupted
	}
	if xo.Expect > 0 && len(x.outcomes) != xo.Expect {
		return done + len(body), &ExpectError{Want: xo.Expect, x: x}
	}
	return done + len(body), nil
}

// runSchedule runs the body chunks once under plan, as schedule i of cell.
func (e *Evaluator) runSchedule(cell string, i int, body []program.Chunk, plan explore.Schedule, xo ExploreOptions, deadline time.Time) (*schedule, error) {
	sc := scheduleCell(cell, i)
	s := &schedule{index: i, plan: plan, counts: true}
	var deadlock []trace.State
	run := explore.Begin(plan, explore.Options{
		MaxSteps:   xo.MaxSteps,
		Deadlocked: func() { deadlock = e.scheduleWaits(sc) },
	})
	c := e.router.capture(sc, run)
	defer func() {
		e.router.release(sc)
		if s.res.Stragglers == 0 {
			// Nothing of the schedule runs any more.
			e.router.forget(sc)
			e.stops.forget(sc)
		}
	}()
	e.mu.Lock()
	e.current = sc
	e.mu.Unlock()
	trace.Start(stepClock(), trace.WithMaxEvents(200_000))
	// An interrupt of the cell, or the end of the budget, ends the
	// schedule where it is.
	var cutBy atomic.Value
	stop := func(why string) {
		cutBy.CompareAndSwap(nil, why)
		run.Abort(why)
		e.stops.stop(sc, 0)
	}
	onInterrupt := context.AfterFunc(e.stops.of(cell).ctx, func() { stop("interrupted") })
	timer := time.AfterFunc(max(time.Until(deadline), 0), func() { stop("budget") })
	var evalErr error
	for _, ch := range body {
		if _, err := e.interp.EvalWithContext(context.Background(), ch.Src); err != nil {
			evalErr = err
			break
		}
	}
	if evalErr == nil {
		e.stdio.sync() // what the cell wrote to os.Stdout itself is part of it
	}
	run.Done()
	timer.Stop()
	onInterrupt()
	e.stops.stop(sc, 0) // goroutines waiting outside the run's control unwind too
	s.res = run.Wait(linger)
	s.paths = run.Paths()
	virtualTimers.Clear()
	s.trace = trace.Stop()
	trace.Reset()
	e.mu.Lock()
	mainG := e.mainG
	e.current = cell
	e.mu.Unlock()
	trace.Forget(mainG)

	c.mu.Lock()
	s.output, s.result = c.out.String(), c.result
	panicked := c.panic
	c.mu.Unlock()
	if why, _ := cutBy.Load().(string); why != "" && s.res.Ending == explore.Aborted {
		s.counts = false
		return s, nil
	}
	var p interp.Panic
	switch {
	case evalErr != nil && !errors.As(evalErr, &p):
		return nil, e.convert(cell, evalErr) // the interpreter could not run it
	case panicked != nil:
		s.ending = "panic: " + panicked.Value + " [in goroutine " + panicked.Goroutine + "]"
	case s.res.Ending == explore.Deadlocked:
		s.ending = deadlockText(deadlock, s.paths)
	case s.res.Ending == explore.Cut:
		s.ending = fmt.Sprintf("cut: the schedule passed %d scheduling points without ending (a livelock, or a loop that waits for ever?)", xo.MaxSteps)
	case evalErr != nil:
		if _, stopped := p.Value.(halted); !stopped {
			s.ending = "panic: " + panicValue(p.Value)
		}
	}
	return s, nil
}

// restore runs the chunks that give the notebook's functions back their
// versions without scheduling points, after an explored cell.
func (e *Evaluator) restore(chunks []program.Chunk) {
	for _, c := range chunks {
		if _, err := e.interp.EvalWithContext(context.Background(), c.Src); err != nil {
			fmt.Fprintln(processStderr, "goconc: restoring the notebook's functions after an exploration:", err)
		}
	}
}

// CutError is returned by Run when a replayed schedule passed its
// scheduling points without ending.
type CutError struct{ Steps int }

func (c *CutError) Error() string {
	return fmt.Sprintf("the schedule was cut after %d scheduling points without ending (a livelock, or a loop that waits for ever?)", c.Steps)
}

// beginReplay starts the run of a replayed schedule (%%explore
// replay=TOKEN) around the cell's statements: they run as an ordinary
// cell's, with one schedule chosen.
func (e *Evaluator) beginReplay(cell string, rec *recording, s explore.Schedule, maxSteps int) *explore.Run {
	return explore.Begin(s, explore.Options{
		MaxSteps: maxSteps,
		Deadlocked: func() {
			gs := e.scheduleWaits(cell)
			e.mu.Lock()
			main := e.mainG
			e.mu.Unlock()
			sort.SliceStable(gs, func(i, j int) bool { return gs[i].G == main && gs[j].G != main })
			d := &DeadlockError{}
			now := time.Now()
			for _, st := range gs {
				d.Goroutines = append(d.Goroutines, protoState(st, now))
			}
			rec.freeze()
			e.mu.Lock()
			e.deadlock = d
			e.mu.Unlock()
		},
	})
}

// endReplay ends the run of a replayed schedule once the cell's statements
// returned (or panicked: err): as when main returns, its other goroutines
// end.
func (e *Evaluator) endReplay(run *explore.Run, err error) explore.Result {
	run.Done()
	res := run.Wait(linger)
	virtualTimers.Clear()
	if err == nil {
		e.stdio.sync()
	}
	return res
}

// scheduleWaits returns what the goroutines of schedule cell sc wait on
// when it deadlocked, and marks them on its timeline.
func (e *Evaluator) scheduleWaits(sc string) []trace.State {
	var out []trace.State
	for _, s := range trace.States() {
		if s.Label != sc || s.Reason == trace.NotBlocked {
			continue
		}
		out = append(out, s)
		trace.EmitFor(s.G, trace.EvDeadlock, s.Obj, 0, waitText(s), s.Where)
	}
	return out
}

// deadlockText says who waits for what in a deadlocked schedule, in words
// that do not depend on goroutine ids (paths: their places in the run).
func deadlockText(gs []trace.State, paths map[int64]string) string {
	titles := map[int64]string{}
	for _, s := range gs {
		titles[s.G] = s.Name
	}
	names := interleaving.Names(titles, paths)
	lines := make([]string, 0, len(gs))
	for _, s := range gs {
		line := "  " + names[s.G] + ": " + waitText(s)
		if s.Where != "" {
			line += " at " + s.Where
		}
		lines = append(lines, line)
	}
	sort.Strings(lines)
	return "fatal error: all goroutines are asleep - deadlock!\n" + strings.Join(lines, "\n")
}

// exploration is what the schedules of one exploration found.
type exploration struct {
	opts        ExploreOptions
	label       string
	started     time.Time
	schedules   int
	outcomes    []*outcome
	byKey       map[string]*outcome
	interrupted bool
	outOfTime   bool
	onlyOne     bool // the first schedule had no choice to make
	elapsed     time.Duration
}

// sort puts the most frequent outcome first (it is the one the others are
// explained against), then by the schedule that found each.
func (x *exploration) sort() {
	sort.SliceStable(x.outcomes, func(i, j int) bool {
		a, b := x.outcomes[i], x.outcomes[j]
		if a.count != b.count {
			return a.count > b.count
		}
		return a.first.index < b.first.index
	})
}

// explain says what made each outcome differ from the first, the most
// frequent one.
func (x *exploration) explain() {
	if len(x.outcomes) == 0 {
		return
	}
	ref := x.outcomes[0].first.run()
	for _, o := range x.outcomes[1:] {
		run := o.first.run()
		if d, ok := interleaving.Explain(ref, run); ok {
			o.why = d.Text(run, 1)
			if o.first.trace != nil {
				o.marked = d.Mark(o.first.trace, o.why)
			}
		}
	}
}

// outcome is one way the cell ended, and the schedules that gave it.
type outcome struct {
	first *schedule // kept with its trace
	count int
	// What made it differ from the first outcome, in words and marked on
	// its trace (see explain); none for the first outcome.
	why    string
	marked *trace.Trace
}

func (x *exploration) add(s *schedule) {
	x.schedules++
	x.elapsed = time.Since(x.started)
	if x.byKey == nil {
		x.byKey = map[string]*outcome{}
	}
	if o := x.byKey[s.key()]; o != nil {
		o.count++
		return
	}
	o := &outcome{first: s, count: 1}
	x.byKey[s.key()] = o
	x.outcomes = append(x.outcomes, o)
}
