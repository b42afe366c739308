package timeline

import (
	"time"

	"github.com/goconc/goconc/lib/trace"
)

// builder makes traces by hand, so that renderings are deterministic.
type builder struct {
	t *trace.Trace
}

const ms = time.Millisecond

func newBuilder(d time.Duration) *builder {
	return &builder{t: &trace.Trace{Duration: d, MaxEvents: trace.DefaultMaxEvents}}
}

func (b *builder) g(id int64, name, pos string, start, end time.Duration) *builder {
	b.t.Goroutines = append(b.t.Goroutines, trace.Goroutine{ID: id, Name: name, Pos: pos, Start: start, End: end})
	return b
}

func (b *builder) obj(id trace.ObjectID, kind trace.ObjectKind, name string) *builder {
	b.t.Objects = append(b.t.Objects, trace.Object{ID: id, Kind: kind, Name: name})
	return b
}

func (b *builder) ev(at time.Duration, g int64, k trace.Kind, r trace.Reason, obj trace.ObjectID, arg int64, text string) *builder {
	b.t.Events = append(b.t.Events, trace.Event{At: at, G: g, Kind: k, Reason: r, Obj: obj, Arg: arg, Text: text})
	return b
}

func (b *builder) block(from, to time.Duration, g int64, r trace.Reason, obj trace.ObjectID) *builder {
	b.ev(from, g, trace.EvBlock, r, obj, 0, "")
	if to >= 0 {
		b.ev(to, g, trace.EvUnblock, 0, obj, 0, "")
	}
	return b
}

func (b *builder) blockedAtEnd(g int64, r trace.Reason, obj trace.ObjectID, at string) *builder {
	for i := range b.t.Goroutines {
		if b.t.Goroutines[i].ID == g {
			b.t.Goroutines[i].Blocked, b.t.Goroutines[i].BlockedOn, b.t.Goroutines[i].BlockedAt = r, obj, at
		}
	}
	return b
}

func (b *builder) sorted() *trace.Trace {
	ev := b.t.Events
	for i := 1; i < len(ev); i++ {
		for j := i; j > 0 && ev[j].At < ev[j-1].At; j-- {
			ev[j], ev[j-1] = ev[j-1], ev[j]
		}
	}
	return b.t
}

// scenarios are the traces of small programs, as goconc would record them.
var scenarios = map[string]func() *trace.Trace{
	// ping, pong := make(chan string), make(chan string); two goroutines
	// passing a ball back and forth three times.
	"pingpong": func() *trace.Trace {
		b := newBuilder(6*ms).g(1, "main", "", -1, -1).g(2, "player(ping)", "[2]:9", 0, 6*ms).g(3, "player(pong)", "[2]:10", 0, 6*ms).
			obj(1, trace.Chan, "table")
		b.ev(0, 1, trace.EvGoStart, 0, 0, 0, "").ev(0, 2, trace.EvGoStart, 0, 0, 1, "player(ping)").ev(0, 3, trace.EvGoStart, 0, 0, 1, "player(pong)")
		b.block(0, 6*ms, 1, trace.Sleeping, 0)
		for i := int64(0); i < 3; i++ {
			at := time.Duration(i) * 2 * ms
			b.block(at, at+ms/2, 3, trace.ChanRecv, 1)
			b.ev(at+ms/2, 2, trace.EvSend, 0, 1, 2*i+1, "ball")
			b.ev(at+ms/2, 3, trace.EvRecv, 0, 1, 2*i+1, "ball")
			b.block(at+ms/2, at+3*ms/2, 2, trace.ChanRecv, 1)
			b.ev(at+3*ms/2, 3, trace.EvSend, 0, 1, 2*i+2, "ball")
			b.ev(at+3*ms/2, 2, trace.EvRecv, 0, 1, 2*i+2, "ball")
		}
		return b.sorted()
	},
	// A producer fills a buffered channel of 2 and closes it; a slower
	// consumer ranges over it.
	"buffered": func() *trace.Trace {
		b := newBuilder(8*ms).g(1, "main", "", -1, 8*ms).g(2, "producer", "[3]:4", 0, 3*ms).obj(1, trace.Chan, "queue")
		b.ev(0, 2, trace.EvGoStart, 0, 0, 1, "producer")
		for i := int64(1); i <= 4; i++ {
			at := time.Duration(i-1) * ms / 2
			if i == 3 {
				b.block(at, 2*ms, 2, trace.ChanSend, 1)
				at = 2 * ms
			}
			if i == 4 {
				at = 3*ms - ms/4
				b.block(2*ms, at, 2, trace.ChanSend, 1)
			}
			b.ev(at, 2, trace.EvSend, 0, 1, i, fmtInt(i))
			b.ev(time.Duration(i)*2*ms-ms, 1, trace.EvRecv, 0, 1, i, fmtInt(i))
		}
		b.ev(3*ms, 2, trace.EvClose, 0, 1, 0, "")
		b.ev(7*ms+ms/2, 1, trace.EvRecv, 0, 1, 0, "")
		return b.sorted()
	},
	// Three workers take jobs and the main goroutine waits on a WaitGroup.
	"workerpool": func() *trace.Trace {
		b := newBuilder(10*ms).g(1, "main", "", -1, 10*ms).obj(1, trace.Chan, "jobs").obj(2, trace.WaitGroup, "wg")
		for w := int64(0); w < 3; w++ {
			b.g(2+w, "worker("+fmtInt(w+1)+")", "[4]:12", 0, time.Duration(7+w)*ms)
			b.ev(0, 1, trace.EvWaitGroupAdd, 0, 2, 1, fmtInt(w+1))
			b.ev(0, 2+w, trace.EvGoStart, 0, 0, 1, "")
		}
		seq := int64(0)
		for j := int64(0); j < 6; j++ {
			seq++
			w := j % 3
			at := time.Duration(j) * ms
			b.ev(at, 1, trace.EvSend, 0, 1, seq, fmtInt(j))
			b.ev(at+ms/4, 2+w, trace.EvRecv, 0, 1, seq, fmtInt(j))
			b.block(at+ms/4, at+ms, 2+w, trace.Sleeping, 0)
		}
		b.ev(6*ms, 1, trace.EvClose, 0, 1, 0, "")
		b.block(6*ms, 9*ms, 1, trace.WaitGroupWait, 2)
		for w := int64(0); w < 3; w++ {
			b.ev(time.Duration(7+w)*ms, 2+w, trace.EvWaitGroupAdd, 0, 2, -1, fmtInt(2-w))
		}
		return b.sorted()
	},
	// Two goroutines contend for a mutex: the second waits, then gets it
	// handed over.
	"mutex": func() *trace.Trace {
		b := newBuilder(5*ms).g(1, "main", "", -1, -1).g(2, "deposit(10)", "[5]:8", 0, 3*ms).g(3, "deposit(20)", "[5]:8", ms/2, 5*ms).
			obj(1, trace.Mutex, "account.mu")
		b.ev(0, 2, trace.EvLock, 0, 1, 0, "")
		b.block(ms/2, 2*ms, 3, trace.MutexLock, 1)
		b.ev(2*ms, 2, trace.EvUnlock, 0, 1, 0, "")
		b.ev(2*ms, 3, trace.EvLock, 0, 1, 0, "")
		b.ev(4*ms, 3, trace.EvUnlock, 0, 1, 0, "")
		b.block(0, 5*ms, 1, trace.Sleeping, 0)
		return b.sorted()
	},
	// select { case v := <-results: ... case <-time.After(2ms): } times out.
	"select-timeout": func() *trace.Trace {
		b := newBuilder(4*ms).g(1, "main", "", -1, -1).g(2, "slowQuery", "[6]:3", 0, -1).obj(1, trace.Chan, "results").obj(2, trace.Chan, "time.After(2ms)")
		b.block(0, 2*ms, 1, trace.SelectWait, 0)
		b.ev(2*ms, 1, trace.EvRecv, 0, 2, 1, "2026-11-29 10:00")
		b.block(0, -1, 2, trace.Sleeping, 0)
		b.blockedAtEnd(2, trace.Sleeping, 0, "[6]:4")
		return b.sorted()
	},
	// cancel() stops three workers that watch ctx.Done().
	"cancel-fanout": func() *trace.Trace {
		b := newBuilder(4*ms).g(1, "main", "", -1, -1).obj(1, trace.Context, "ctx")
		for w := int64(0); w < 3; w++ {
			b.g(2+w, "watch("+fmtInt(w)+")", "[7]:6", 0, 2*ms+time.Duration(w)*ms/4)
			b.block(0, 2*ms+time.Duration(w)*ms/8, 2+w, trace.ChanRecv, 1)
			b.ev(2*ms+time.Duration(w)*ms/8, 2+w, trace.EvCancelSeen, 0, 1, 0, "context canceled")
		}
		b.ev(2*ms, 1, trace.EvCancel, 0, 1, 0, "context canceled")
		return b.sorted()
	},
	// Five requests for one key make one call; four share its result.
	"singleflight": func() *trace.Trace {
		b := newBuilder(5*ms).g(1, "main", "", -1, -1).obj(1, trace.Flight, "g")
		for r := int64(0); r < 5; r++ {
			b.g(2+r, "request("+fmtInt(r)+")", "[8]:10", 0, 4*ms)
			if r == 0 {
				b.ev(3*ms, 2, trace.EvFlightCall, 0, 1, 0, "user:42")
			} else {
				b.block(time.Duration(r)*ms/4, 3*ms, 2+r, trace.FlightWait, 1)
				b.ev(3*ms, 2+r, trace.EvFlightCall, 0, 1, 1, "user:42")
			}
		}
		return b.sorted()
	},
	// An errgroup task fails; the others see the cancellation.
	"errgroup": func() *trace.Trace {
		b := newBuilder(3*ms).g(1, "main", "", -1, -1).g(2, "errgroup.Go", "[9]:5", 0, ms).g(3, "errgroup.Go", "[9]:5", 0, 2*ms).
			obj(1, trace.Context, "ctx").obj(2, trace.WaitGroup, "wg")
		b.block(0, 2*ms, 1, trace.WaitGroupWait, 2)
		b.ev(ms, 2, trace.EvMark, 0, 0, 0, "return errors.New(\"fetch failed\")")
		b.ev(ms, 2, trace.EvCancel, 0, 1, 0, "fetch failed")
		b.block(0, ms+ms/4, 3, trace.ChanRecv, 1)
		b.ev(ms+ms/4, 3, trace.EvCancelSeen, 0, 1, 0, "context canceled")
		return b.sorted()
	},
	// Both goroutines wait for the other: a deadlock.
	"deadlock": func() *trace.Trace {
		b := newBuilder(2*ms).g(1, "main", "", -1, -1).g(2, "relay", "[10]:3", 0, -1).obj(1, trace.Chan, "in").obj(2, trace.Chan, "out")
		b.block(ms/2, -1, 1, trace.ChanRecv, 2)
		b.block(ms/4, -1, 2, trace.ChanRecv, 1)
		b.blockedAtEnd(1, trace.ChanRecv, 2, "[10]:8")
		b.blockedAtEnd(2, trace.ChanRecv, 1, "[10]:4")
		// The kernel's detector marks every goroutine it found stuck.
		b.ev(2*ms, 1, trace.EvDeadlock, 0, 2, 0, "<-out")
		b.ev(2*ms, 2, trace.EvDeadlock, 0, 1, 0, "<-in")
		return b.sorted()
	},
	// Two goroutines take two mutexes in opposite orders: each holds the
	// lock the other waits for.
	"lock-order": func() *trace.Trace {
		b := newBuilder(3*ms).g(1, "main", "", -1, -1).g(2, "transfer(a, b)", "[13]:9", 0, -1).g(3, "transfer(b, a)", "[13]:10", 0, -1).
			obj(1, trace.Mutex, "a.mu").obj(2, trace.Mutex, "b.mu").obj(3, trace.WaitGroup, "wg")
		b.block(ms/4, -1, 1, trace.WaitGroupWait, 3)
		b.ev(ms/2, 2, trace.EvLock, 0, 1, 0, "")
		b.ev(ms/2, 3, trace.EvLock, 0, 2, 0, "")
		b.block(ms, -1, 2, trace.MutexLock, 2)
		b.block(ms, -1, 3, trace.MutexLock, 1)
		b.blockedAtEnd(1, trace.WaitGroupWait, 3, "[13]:12")
		b.blockedAtEnd(2, trace.MutexLock, 2, "[13]:4")
		b.blockedAtEnd(3, trace.MutexLock, 1, "[13]:4")
		for g, what := range map[int64]string{1: "WaitGroup.Wait on wg", 2: "Mutex.Lock on b.mu", 3: "Mutex.Lock on a.mu"} {
			b.ev(3*ms, g, trace.EvDeadlock, 0, 0, 0, what)
		}
		return b.sorted()
	},
	// A goroutine is left waiting on a channel nobody sends on: a leak.
	"leak": func() *trace.Trace {
		b := newBuilder(3*ms).g(1, "main", "", -1, 3*ms).g(2, "fetch(\"a\")", "[11]:6", 0, ms).g(3, "fetch(\"b\")", "[11]:6", 0, -1).
			obj(1, trace.Chan, "results")
		b.ev(ms, 2, trace.EvSend, 0, 1, 1, "\"a\"")
		b.ev(ms, 1, trace.EvRecv, 0, 1, 1, "\"a\"")
		b.block(ms/2, -1, 3, trace.ChanSend, 1)
		b.blockedAtEnd(3, trace.ChanSend, 1, "[11]:7")
		return b.sorted()
	},
	// A goroutine panics; names and values that look like markup stay text.
	"panic-escaping": func() *trace.Trace {
		b := newBuilder(2*ms).g(1, "main", "", -1, -1).g(2, "<script>alert(1)</script>", "[12]:1", 0, ms).obj(1, trace.Chan, `<b>&"'`)
		b.ev(ms/2, 2, trace.EvSend, 0, 1, 1, "<img src=x onerror=alert(2)>")
		b.ev(ms/2, 1, trace.EvRecv, 0, 1, 1, "<img src=x onerror=alert(2)>")
		b.ev(ms, 2, trace.EvPanic, 0, 0, 0, "index out of range & <oops>")
		return b.sorted()
	},
}

func fmtInt(i int64) string {
	if i < 0 {
		return "-" + fmtInt(-i)
	}
	if i < 10 {
		return string(rune('0' + i))
	}
	return fmtInt(i/10) + fmtInt(i%10)
}
