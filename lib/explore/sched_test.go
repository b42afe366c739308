package explore

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// These tests drive the scheduler directly: goroutines are forked and
// entered by hand, and the operations are the scheduler's own. The lib's
// primitives and the kernel's hooks call the same functions.

// spawn starts f in a goroutine of g's run.
func spawn(g *G, f func(c *G)) {
	c := g.Fork()
	go func() {
		defer c.Exit()
		if c.Enter() {
			f(c)
		}
	}()
}

// runOnce runs body as the main goroutine of a run under s and returns
// what it wrote and how the run ended.
func runOnce(t *testing.T, s Schedule, body func(g *G, out *strings.Builder)) (string, Result) {
	t.Helper()
	var out strings.Builder
	r := Begin(s, Options{MaxSteps: 10_000})
	go func() {
		r.Adopt()
		defer r.Done()
		body(Current(), &out)
	}()
	res := r.Wait(10 * time.Second)
	if res.Stragglers > 0 {
		t.Fatalf("%d goroutines did not end", res.Stragglers)
	}
	return out.String(), res
}

// mutex is a lock built on Wait, as lib/sync's is.
type mutex struct{ mu sync.Mutex }

func (m *mutex) lock(g *G) bool {
	ok, _ := g.Wait(m.mu.TryLock, nil)
	return ok
}

func (m *mutex) unlock(g *G) bool {
	if !g.Point() {
		return false
	}
	m.mu.Unlock()
	return true
}

// waitFor waits until n goroutines have said done.
func waitFor(g *G, n *int, want int) bool {
	ok, _ := g.Wait(func() bool { return *n == want }, nil)
	return ok
}

func racyCounter(locked bool) func(g *G, out *strings.Builder) {
	return func(g *G, out *strings.Builder) {
		counter, finished := 0, 0
		var m mutex
		for i := 0; i < 2; i++ {
			spawn(g, func(c *G) {
				for j := 0; j < 3; j++ {
					if locked && !m.lock(c) {
						return
					}
					if !c.Point() { // read
						return
					}
					v := counter
					if !c.Point() { // write
						return
					}
					counter = v + 1
					if locked && !m.unlock(c) {
						return
					}
				}
				if c.Point() {
					finished++
				}
			})
		}
		if waitFor(g, &finished, 2) {
			fmt.Fprint(out, counter)
		}
	}
}

// outcomes runs body under n schedules of an exploration seeded with seed
// and counts what it wrote (with how each run ended).
func outcomes(t *testing.T, n int, seed uint64, body func(g *G, out *strings.Builder)) (map[string]int, map[string]Schedule) {
	t.Helper()
	counts, first := map[string]int{}, map[string]Schedule{}
	steps := 0
	for i := 0; i < n; i++ {
		s := Plan(seed, i, steps)
		out, res := runOnce(t, s, body)
		steps = max(steps, res.Steps)
		key := out
		if res.Ending != Finished {
			key += "<" + res.Ending.String() + ">"
		}
		if counts[key] == 0 {
			first[key] = s
		}
		counts[key]++
	}
	return counts, first
}

func keys(m map[string]int) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func TestRacyCounterHasManyOutcomesAndEachReplays(t *testing.T) {
	counts, first := outcomes(t, 200, 1, racyCounter(false))
	if len(counts) < 2 {
		t.Fatalf("200 schedules of the racy counter gave one outcome: %v", counts)
	}
	if counts["6"] == 0 {
		t.Errorf("no schedule gave 6 (the outcome without interleaving): %v", counts)
	}
	for key, s := range first {
		for i := 0; i < 10; i++ {
			out, res := runOnce(t, s, racyCounter(false))
			if got := out + map[bool]string{true: "", false: "<" + res.Ending.String() + ">"}[res.Ending == Finished]; got != key {
				t.Fatalf("replay %d of %s gave %q, want %q", i, s.Token(), got, key)
			}
		}
	}
	t.Logf("outcomes: %v", counts)
}

func TestLockedCounterHasOneOutcome(t *testing.T) {
	counts, _ := outcomes(t, 200, 2, racyCounter(true))
	if len(counts) != 1 || counts["6"] != 200 {
		t.Fatalf("the locked counter: %v, want only 6", counts)
	}
}

func TestLockOrderDeadlockIsFound(t *testing.T) {
	body := func(g *G, out *strings.Builder) {
		var a, b mutex
		finished := 0
		spawn(g, func(c *G) {
			if a.lock(c) && b.lock(c) && b.unlock(c) && a.unlock(c) && c.Point() {
				finished++
			}
		})
		spawn(g, func(c *G) {
			if b.lock(c) && a.lock(c) && a.unlock(c) && b.unlock(c) && c.Point() {
				finished++
			}
		})
		if waitFor(g, &finished, 2) {
			out.WriteString("done")
		}
	}
	found := 0
	for seed := uint64(0); seed < 20; seed++ {
		counts, _ := outcomes(t, 200, seed, body)
		if counts["<deadlocked>"] > 0 {
			found++
		}
		if counts["done"] == 0 {
			t.Errorf("seed %d never finished: %v", seed, counts)
		}
	}
	if found < 19 {
		t.Errorf("the deadlock was found with %d seeds of 20", found)
	}
}

// recv receives from ch in g.
func recv(g *G, ch any) (any, bool) {
	v := reflect.New(reflect.TypeOf(ch).Elem()).Elem()
	_, _, _, ok := g.Select([]Case{{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(ch), Value: v}}, false, nil)
	return v.Interface(), ok
}

// send sends v on ch in g.
func send(g *G, ch, v any) bool {
	_, _, closed, ok := g.Select([]Case{{Dir: reflect.SelectSend, Chan: reflect.ValueOf(ch), Value: reflect.ValueOf(v)}}, false, nil)
	if closed {
		panic("send on closed channel")
	}
	return ok
}

func TestSelectOverTwoReadyChannelsTakesBoth(t *testing.T) {
	body := func(g *G, out *strings.Builder) {
		a, b := make(chan int, 1), make(chan int, 1)
		a <- 1
		b <- 2
		va, vb := reflect.New(reflect.TypeOf(0)).Elem(), reflect.New(reflect.TypeOf(0)).Elem()
		i, _, _, ok := g.Select([]Case{
			{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(a), Value: va},
			{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(b), Value: vb},
		}, false, nil)
		if ok {
			fmt.Fprint(out, []string{"a", "b"}[i])
		}
	}
	counts, _ := outcomes(t, 50, 3, body)
	if counts["a"] == 0 || counts["b"] == 0 {
		t.Fatalf("select over two ready channels: %v", counts)
	}
}

// producer sends 1, 2, 3 on a channel of capacity n while main receives
// and logs each step; an unbuffered channel keeps them in step.
func producer(n int) func(g *G, out *strings.Builder) {
	return func(g *G, out *strings.Builder) {
		ch := make(chan int, n)
		var log []string
		spawn(g, func(c *G) {
			for i := 1; i <= 3; i++ {
				if !send(c, ch, i) || !c.Point() {
					return
				}
				log = append(log, fmt.Sprint("s", i))
			}
		})
		for i := 0; i < 3; i++ {
			v, ok := recv(g, ch)
			if !ok || !g.Point() {
				return
			}
			log = append(log, fmt.Sprint("r", v))
		}
		out.WriteString(strings.Join(log, " "))
	}
}

func TestBufferedAndUnbufferedProducersDiffer(t *testing.T) {
	unbuf, _ := outcomes(t, 200, 4, producer(0))
	buf, _ := outcomes(t, 200, 4, producer(3))
	// With a buffer of 3 the producer can finish before any receive.
	if buf["s1 s2 s3 r1 r2 r3"] == 0 {
		t.Errorf("buffered: the producer never ran ahead: %v", keys(buf))
	}
	if unbuf["s1 s2 s3 r1 r2 r3"] != 0 {
		t.Errorf("unbuffered: the producer ran ahead of the receives: %v", keys(unbuf))
	}
	if len(buf) <= len(unbuf) {
		t.Errorf("buffered gave %d outcomes, unbuffered %d: %v / %v", len(buf), len(unbuf), keys(buf), keys(unbuf))
	}
}

func TestUnbufferedRendezvousMovesTheValue(t *testing.T) {
	body := func(g *G, out *strings.Builder) {
		ch := make(chan string)
		spawn(g, func(c *G) { send(c, ch, "hello") })
		if v, ok := recv(g, ch); ok {
			fmt.Fprint(out, v)
		}
	}
	counts, _ := outcomes(t, 50, 5, body)
	if len(counts) != 1 || counts["hello"] != 50 {
		t.Fatalf("%v", counts)
	}
}

func TestClosedChannelReceivesZero(t *testing.T) {
	body := func(g *G, out *strings.Builder) {
		ch := make(chan int, 1)
		spawn(g, func(c *G) {
			send(c, ch, 7)
			c.Close(reflect.ValueOf(ch))
		})
		for {
			v, ok := recv(g, ch)
			if !ok {
				return
			}
			fmt.Fprint(out, v, " ")
			if v == 0 {
				return
			}
		}
	}
	counts, _ := outcomes(t, 50, 6, body)
	if len(counts) != 1 || counts["7 0 "] != 50 {
		t.Fatalf("%v", counts)
	}
}

func TestSleepsTakeVirtualTime(t *testing.T) {
	start := time.Now()
	body := func(g *G, out *strings.Builder) {
		t0 := g.Now()
		spawn(g, func(c *G) {
			c.Sleep(time.Hour, nil)
			out.WriteString("late ")
		})
		g.Sleep(time.Minute, nil)
		out.WriteString("early ")
		g.Sleep(2*time.Hour, nil)
		fmt.Fprint(out, g.Now().Sub(t0))
	}
	counts, _ := outcomes(t, 20, 7, body)
	if len(counts) != 1 || counts["early late 2h1m0s"] != 20 {
		t.Fatalf("%v", counts)
	}
	if d := time.Since(start); d > time.Minute {
		t.Fatalf("20 runs sleeping hours took %v", d)
	}
}

func TestAfterFiresInVirtualTime(t *testing.T) {
	body := func(g *G, out *strings.Builder) {
		ch := make(chan int)
		spawn(g, func(c *G) {
			c.Sleep(2*time.Second, nil)
			send(c, ch, 1)
		})
		v := reflect.New(reflect.TypeOf(0)).Elem()
		tv := reflect.New(reflect.TypeOf(time.Time{})).Elem()
		i, _, _, ok := g.Select([]Case{
			{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(ch), Value: v},
			{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(g.After(time.Second)), Value: tv},
		}, false, nil)
		if ok {
			fmt.Fprint(out, []string{"value", "timeout"}[i])
		}
	}
	counts, _ := outcomes(t, 20, 8, body)
	if len(counts) != 1 || counts["timeout"] != 20 {
		t.Fatalf("%v", counts)
	}
}

func TestEndlessRunIsCut(t *testing.T) {
	_, res := runOnce(t, Plan(9, 0, 0), func(g *G, out *strings.Builder) {
		for g.Point() {
		}
	})
	if res.Ending != Cut {
		t.Fatalf("ending %v, want cut", res.Ending)
	}
}

func TestMainReturningHaltsTheOthers(t *testing.T) {
	_, res := runOnce(t, Plan(10, 0, 0), func(g *G, out *strings.Builder) {
		ch := make(chan int)
		for i := 0; i < 3; i++ {
			spawn(g, func(c *G) { send(c, ch, i) })
		}
		recv(g, ch)
	})
	if res.Ending != Finished {
		t.Fatalf("ending %v", res.Ending)
	}
}

func TestNoGoroutinesOneOutcome(t *testing.T) {
	counts, _ := outcomes(t, 20, 11, func(g *G, out *strings.Builder) { out.WriteString("hi") })
	if len(counts) != 1 || counts["hi"] != 20 {
		t.Fatalf("%v", counts)
	}
}

func TestTokensRoundTrip(t *testing.T) {
	for i := 0; i < 10; i++ {
		s := Plan(12345, i, 77)
		back, err := ParseToken(s.Token())
		if err != nil || back != s {
			t.Fatalf("%v -> %q -> %v, %v", s, s.Token(), back, err)
		}
	}
	for _, bad := range []string{"", "w", "w-xyz", "q-0123456789", "p0.5-0123456789", "p2-0123456789", "w-01234"} {
		if _, err := ParseToken(bad); err == nil {
			t.Errorf("ParseToken(%q) accepted it", bad)
		}
	}
}
