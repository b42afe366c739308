package evaluator

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/goconc/goconc/lib/explore"
	"github.com/goconc/goconc/lib/trace"
)

// A cell that allocates without end (a slice grown in a loop, a goroutine
// bomb) must end in a clear error, not in the machine swapping or the
// kernel's process being killed by the system. The evaluator has a memory
// limit: GOCONC_MEMORY_LIMIT ("2GiB", "512MiB", bytes, or "off"), by
// default half of the memory the machine or its container (cgroup) has, at
// most 4 GiB. A
// watcher looks at the memory in use every memoryPoll. Over the limit, the
// running cell is stopped; the memory it held is freed with its goroutines
// and variables local to it. If what remains is still over the limit (the
// cell kept its data in a notebook variable), or memory grows faster than
// the cell can be stopped, the evaluator exits and the supervisor starts a
// new one, restoring the notebook without the cell.

const memoryPoll = 10 * time.Millisecond

// MemoryError is returned by Run when the cell was stopped for using more
// memory than the evaluator's limit.
type MemoryError struct {
	Used, Limit uint64
	Goroutines  int
}

func (m *MemoryError) Error() string {
	return fmt.Sprintf("the cell used %s of memory, more than goconc's limit of %s", bytesText(m.Used), bytesText(m.Limit))
}

// memoryLimit returns the evaluator's memory limit.
func memoryLimit() (uint64, error) {
	if s := os.Getenv("GOCONC_MEMORY_LIMIT"); s == "off" {
		return 0, nil // no limit, no watcher
	} else if s != "" {
		n, err := parseBytes(s)
		if err != nil {
			return 0, fmt.Errorf("GOCONC_MEMORY_LIMIT=%q: %v (write it like 2GiB, 512MiB or a number of bytes)", s, err)
		}
		return n, nil
	}
	return min(machineMemory()/2, 4<<30), nil
}

// machineMemory returns the memory of the machine, or of the container the
// evaluator runs in if that is less.
func machineMemory() uint64 {
	total := uint64(8 << 30)
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if f := strings.Fields(l); len(f) >= 2 && f[0] == "MemTotal:" {
				if kb, err := strconv.ParseUint(f[1], 10, 64); err == nil {
					total = kb << 10
				}
			}
		}
	}
	for _, path := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		if b, err := os.ReadFile(path); err == nil {
			if n, err := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64); err == nil && n < total {
				total = n
			}
		}
	}
	return total
}

func parseBytes(s string) (uint64, error) {
	s = strings.TrimSpace(s)
	units := []struct {
		suffix string
		mult   uint64
	}{{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}, {"B", 1}}
	mult := uint64(1)
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.mult
			break
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f <= 0 {
		return 0, fmt.Errorf("not a size")
	}
	return uint64(f * float64(mult)), nil
}

func bytesText(n uint64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KiB", n>>10)
}

// memoryInUse returns the memory the Go runtime holds from the system and
// has not given back.
func memoryInUse() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64() - s[1].Value.Uint64()
}

// heldMemory estimates the memory the notebook holds: the live heap of
// the last collection (its variables) and the goroutines' stacks. Memory
// the runtime keeps after a burst (stacks of goroutines that just ended,
// freed spans not yet returned) is not held: deciding on memoryInUse, a
// goroutine bomb that was stopped could still end the evaluator.
func heldMemory() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64() + uint64(runtime.NumGoroutine())*8<<10
}

// giveBackAfter is how much free memory the runtime may keep after a cell
// before the evaluator gives it back to the system.
const giveBackAfter = 32 << 20

// giveBackIdle is how much free memory and garbage the runtime may keep
// once the notebook has been idle for idleTime: with few collections (see
// SetGCPercent in Serve), the garbage of a run of cells would otherwise
// stay in the evaluator's memory for as long as the notebook is open.
const giveBackIdle = 4 << 20

// giveBackEnded is how many goroutines may end between two looks before
// the evaluator gives their memory back: ended goroutines' stacks are not
// free heap until a collection, which an idle evaluator may not run for
// minutes.
const giveBackEnded = 1000

// idleTime is how long after the last cell the evaluator looks again. The
// cell's goroutines may still have been unwinding when it returned (a
// WaitGroup's Done runs before its goroutine ends).
const idleTime = time.Second

// memoryReturn gives memory back to the system after a cell that freed much
// of what it used, and when the notebook is idle: 10,000 goroutines that
// ended leave their stacks and heap to the runtime, which otherwise keeps
// them for minutes, and a notebook at rest would hold what its heaviest
// cell once needed. Cheap when there is nothing to give back (one read of
// the runtime's metrics).
type memoryReturn struct {
	free func() // debug.FreeOSMemory

	mu         sync.Mutex
	goroutines int         // at the last look
	idle       *time.Timer // the look once no cell ran for idleTime
}

// afterCell looks now, and again if no other cell runs for idleTime.
func (m *memoryReturn) afterCell() {
	m.look(giveBackAfter, false)
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.idle == nil {
		m.idle = time.AfterFunc(idleTime, func() { m.look(giveBackIdle, true) })
	} else {
		m.idle.Reset(idleTime)
	}
}

// garbageMost is how much garbage a cell may leave, and at least as much
// as the heap holds live, before it is collected right after the cell
// rather than at rest. With few collections (GC percent 300), a traced
// cell that left 10,000 goroutines blocked held its garbage on top of
// their stacks: 300-336 MiB in two runs of three, against 165-193 MiB.
const garbageMost = 64 << 20

// look gives memory back if more than spare bytes of the heap are free
// (or, with garbage, free or garbage), or if many goroutines ended since the
// last look. Garbage counts at rest, and after a cell only past
// garbageMost and the live heap: collecting it after every cell would cost
// a busy notebook with a large heap a full collection a cell, where this
// costs at most one for each time the heap doubles, as the collector's
// own pace does.
func (m *memoryReturn) look(spare uint64, garbage bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := runtime.NumGoroutine()
	ended := m.goroutines - n
	m.goroutines = n
	s := []metrics.Sample{
		{Name: "/memory/classes/heap/free:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"}, // live, and dead not yet swept
		{Name: "/gc/heap/live:bytes"},                // live at the last collection
	}
	metrics.Read(s)
	free := s[0].Value.Uint64()
	if objects, live := s[1].Value.Uint64(), s[2].Value.Uint64(); objects > live {
		if dead := objects - live; garbage || dead > max(garbageMost, live) {
			free += dead
		}
	}
	if free > spare || ended > giveBackEnded {
		m.free()
	}
}

// residentMemory returns the memory of the process the system holds in RAM.
func residentMemory() uint64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.ParseUint(f[1], 10, 64)
	return pages * uint64(os.Getpagesize())
}

// watchMemory enforces limit for as long as the evaluator lives; limit 0
// is no limit.
func (e *Evaluator) watchMemory(limit uint64) {
	if limit == 0 {
		return
	}
	e.mu.Lock()
	e.memLimit = limit
	e.mu.Unlock()
	debug.SetMemoryLimit(int64(limit))
	// A stack of half the limit is a function calling itself without end:
	// let the runtime say "stack overflow" before the limit is reached.
	debug.SetMaxStack(int(min(limit/2, 1<<30)))
	t := time.NewTicker(memoryPoll)
	defer t.Stop()
	var overSince time.Time // over the limit with no cell running
	for range t.C {
		used := memoryInUse()
		if used <= limit {
			overSince = time.Time{}
			continue
		}
		if used > 2*limit {
			// Allocations nobody touched yet count in used, not in
			// the machine's memory: only real use is an emergency (the
			// race detector's shadow memory aside).
			if rss := residentMemory(); rss > 2*limit*raceMemoryFactor {
				e.outOfMemory(rss, limit, "memory grew faster than the cell could be stopped")
			}
		}
		if e.stopForMemory(used, limit) {
			continue
		}
		// No cell runs: the memory is held by notebook variables, or by
		// goroutines still unwinding, or garbage.
		debug.FreeOSMemory()
		used = memoryInUse()
		switch {
		case used <= limit || heldMemory() <= limit:
			overSince = time.Time{}
		case overSince.IsZero():
			overSince = time.Now()
		case time.Since(overSince) > 2*time.Second:
			e.outOfMemory(used, limit, "the notebook's variables and goroutines hold it")
		}
	}
}

// outOfMemory ends the evaluator with a message the supervisor shows.
func (e *Evaluator) outOfMemory(used, limit uint64, why string) {
	e.out.flush()
	e.errw.flush()
	fmt.Fprintf(processStderr, "fatal error: goconc: out of memory: the evaluator used %s, more than its limit of %s (%s; %d goroutines). "+
		"Set GOCONC_MEMORY_LIMIT to change the limit.\n", bytesText(used), bytesText(limit), why, runtime.NumGoroutine())
	os.Exit(2)
}

// stopForMemory stops the running cell, if any, for using used bytes of
// memory, over limit, and reports whether a cell was running.
func (e *Evaluator) stopForMemory(used, limit uint64) bool {
	e.mu.Lock()
	cell := e.current
	if cell != "" && e.memory == nil {
		e.memory = &MemoryError{Used: used, Limit: limit, Goroutines: runtime.NumGoroutine()}
	}
	e.mu.Unlock()
	if cell != "" {
		e.stops.stop(cell, 0)
	}
	return cell != ""
}

// startsPerLook is how many goroutines a cell starts between two looks at
// the memory by the goroutine that starts them (goStarting).
const startsPerLook = 256

// goStarting is called as a go statement starts a goroutine: every
// startsPerLook starts, the starting goroutine looks at the memory itself.
// A cell starting goroutines in a loop fills the run queue, and on a loaded
// machine the watcher waited its turn while memory grew past twice the
// limit, which ends the evaluator.
func (e *Evaluator) goStarting() {
	if e.starts.Add(1)%startsPerLook != 0 {
		return
	}
	e.mu.Lock()
	limit := e.memLimit
	e.mu.Unlock()
	if used := memoryInUse(); limit > 0 && used > limit {
		e.stopForMemory(used, limit)
	}
}

// maxStarting is how many goroutines may have been started by go
// statements and not yet run (trace.Starting) before the next go
// statement waits for them (goSelf).
const maxStarting = 1000

// goSelf is the GoSelf hook, which a go statement of a function literal
// calls before it starts the goroutine: it looks at the memory as
// goStarting does, and lets the goroutines already started run first if
// maxStarting of them have not yet. A goroutine costs little memory when
// it is started and more once the interpreter runs it: a cell starting
// goroutines in a loop started 40,000 within the limit's 300 MiB, then, as
// they ran, the evaluator passed twice its limit before they could be
// stopped, which ends it. Go gives no order to goroutines that are ready
// to run, so letting them run first changes nothing a program may rely on.
func (e *Evaluator) goSelf() trace.Ticket {
	e.goStarting()
	if explore.Current() == nil { // (where goroutines run when the scheduler says)
		for trace.Starting() >= maxStarting {
			runtime.Gosched()
		}
	}
	return trace.Fork()
}

// takeMemoryError returns and forgets the memory error of the running cell.
func (e *Evaluator) takeMemoryError() *MemoryError {
	e.mu.Lock()
	defer e.mu.Unlock()
	m := e.memory
	e.memory = nil
	return m
}

// afterMemoryStop runs when a cell was stopped for its memory: once its
// goroutines are gone, what is still over the limit is held by notebook
// variables, and only a new evaluator, restored without the cell, frees it.
func (e *Evaluator) afterMemoryStop(cell string) {
	e.mu.Lock()
	limit := e.memLimit
	e.mu.Unlock()
	// Thousands of goroutines take a while to unwind (seconds on a loaded
	// machine, far more under the race detector): wait while they do, for
	// as long as their number keeps changing. Some are not yet known to
	// the trace (started, not yet running), so the process's goroutine
	// count must also have settled. Goroutines that stop ending for
	// stuckAfter are stuck where an interrupt cannot reach them.
	const stuckAfter = 10 * time.Second
	last, settled := runtime.NumGoroutine(), time.Now()
	for {
		debug.FreeOSMemory()
		used := memoryInUse()
		if used <= limit || heldMemory() <= limit {
			return
		}
		if n := runtime.NumGoroutine(); n != last {
			last, settled = n, time.Now()
		}
		gone := e.cellGoroutines(cell) == 0 && time.Since(settled) > 500*time.Millisecond
		if gone || time.Since(settled) > stuckAfter {
			e.outOfMemory(used, limit, "the notebook's variables and goroutines hold it")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// cellGoroutines counts the goroutines of cell still alive.
func (e *Evaluator) cellGoroutines(cell string) int {
	n := 0
	for _, s := range trace.States() {
		if s.Label == cell && s.Pos != "" {
			n++
		}
	}
	return n
}
