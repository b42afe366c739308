package session

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
)

// exploreResult is what %%explore showed, read back from the outcomes its
// table's display carries as JSON.
type exploreResult struct {
	verdict  string
	perMS    float64 // milliseconds per schedule
	outcomes []exploreOutcome
	reply    Reply
	timeline int // timelines drawn
	text     string
}

type exploreOutcome struct {
	output string // what it printed, its value and its ending
	count  int
	first  int // the first schedule that gave it
	token  string
	why    string
}

// explore runs a cell with the %%explore line magic and reads its table.
func (s *tsession) explore(magicLine, code string) exploreResult {
	s.t.Helper()
	r, c := s.exec(magicLine + "\n" + code)
	res := exploreResult{reply: r}
	found := false
	for _, d := range c.all {
		if _, svg := d["image/svg+xml"]; svg {
			res.timeline++
			continue
		}
		j, ok := d["application/vnd.goconc.explore+json"].(map[string]any)
		if !ok {
			continue
		}
		found = true
		res.text, _ = d["text/plain"].(string)
		res.verdict, _ = j["verdict"].(string)
		if n, _ := j["schedules"].(float64); n > 0 {
			ms, _ := j["elapsed_ms"].(float64)
			res.perMS = ms / n
		}
		outcomes, _ := j["outcomes"].([]any)
		for _, o := range outcomes {
			m := o.(map[string]any)
			str := func(k string) string { v, _ := m[k].(string); return v }
			out := str("output")
			if v := str("value"); v != "" {
				out += "value: " + v + "\n"
			}
			if e := str("ending"); e != "" {
				out += e + "\n"
			}
			n, _ := m["count"].(float64)
			first, _ := m["first"].(float64)
			res.outcomes = append(res.outcomes, exploreOutcome{output: out, count: int(n), first: int(first), token: str("replay"), why: str("why")})
		}
	}
	if !found {
		s.t.Fatalf("%%explore showed no table: %+v\nstdout: %s\nstderr: %s", r, c.stream("stdout"), c.stream("stderr"))
	}
	return res
}

func (r exploreResult) outputs() []string {
	var out []string
	for _, o := range r.outcomes {
		out = append(out, strings.TrimSpace(o.output))
	}
	return out
}

func (r exploreResult) has(output string) bool {
	for _, o := range r.outputs() {
		if o == output {
			return true
		}
	}
	return false
}

const racyCounter = `counter := 0
var wg sync.WaitGroup
for i := 0; i < 2; i++ {
	wg.Add(1)
	go func() { defer wg.Done(); for j := 0; j < 3; j++ { counter++ } }()
}
wg.Wait()
fmt.Println(counter)
`

func TestExploreRacyCounterReplaysEachOutcome(t *testing.T) {
	s := newTestSession(t)
	res := s.explore("%%explore 200 seed=1", racyCounter)
	if len(res.outcomes) < 2 {
		t.Fatalf("the racy counter has one outcome in 200 schedules: %s", res.verdict)
	}
	if !res.has("6") {
		t.Errorf("no schedule printed 6: %v", res.outputs())
	}
	if res.timeline != len(res.outcomes) {
		t.Errorf("%d timelines for %d outcomes", res.timeline, len(res.outcomes))
	}
	for _, o := range res.outcomes[1:] {
		if !strings.Contains(o.why, "counter") {
			t.Errorf("outcome %q is not explained by the counter's accesses: %q", o.output, o.why)
		}
	}
	if !strings.Contains(res.text, "replay with %%explore replay="+res.outcomes[0].token) {
		t.Errorf("the text table does not say how to replay:\n%s", res.text)
	}
	for _, o := range res.outcomes {
		for i := 0; i < 10; i++ {
			r, c := s.exec("%%explore replay=" + o.token + "\n" + racyCounter)
			if r.Status != "ok" || c.stream("stdout") != o.output {
				t.Fatalf("replay %d of %s: %+v printed %q, want %q", i, o.token, r, c.stream("stdout"), o.output)
			}
		}
	}
}

func TestExploreReplayDrawsTheSameTimeline(t *testing.T) {
	s := newTestSession(t)
	res := s.explore("%%explore 50 seed=2", racyCounter)
	tok := res.outcomes[len(res.outcomes)-1].token
	var first string
	for i := 0; i < 3; i++ {
		r, c := s.exec("%%explore replay=" + tok + "\n" + racyCounter)
		if r.Status != "ok" || len(c.shown) != 1 {
			t.Fatalf("replay: %+v with %d timelines", r, len(c.shown))
		}
		svg := c.shown[0]["image/svg+xml"].(string)
		// Each replay is a cell of its own: its label is in the drawing.
		svg = regexp.MustCompile(`\[\d+\]`).ReplaceAllString(svg, "[n]")
		if i == 0 {
			first = svg
		} else if svg != first {
			t.Fatalf("replay %d drew another timeline", i)
		}
	}
}

// lockedCounter is racyCounter with each increment locked.
const lockedCounter = `counter := 0
var mu sync.Mutex
var wg sync.WaitGroup
for i := 0; i < 2; i++ {
	wg.Add(1)
	go func() {
		defer wg.Done()
		for j := 0; j < 3; j++ {
			mu.Lock()
			counter++
			mu.Unlock()
		}
	}()
}
wg.Wait()
fmt.Println(counter)
`

func TestExploreLockedCounterHasOneOutcome(t *testing.T) {
	s := newTestSession(t)
	res := s.explore("%%explore 200 seed=3", lockedCounter)
	if len(res.outcomes) != 1 || !res.has("6") || res.outcomes[0].count != 200 {
		t.Fatalf("%s: %v", res.verdict, res.outputs())
	}
	if !strings.HasPrefix(res.verdict, "1 outcome in 200 schedules") {
		t.Errorf("verdict: %s", res.verdict)
	}
}

// checkThenAct locks each map operation, but the check and the act are
// not one.
const checkThenAct = `cache := map[string]int{}
loads := 0
var mu sync.Mutex
var wg sync.WaitGroup
for i := 0; i < 2; i++ {
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
		_, ok := cache["k"]
		mu.Unlock()
		if !ok {
			mu.Lock()
			loads++
			cache["k"] = 42
			mu.Unlock()
		}
	}()
}
wg.Wait()
fmt.Println("loads:", loads)
`

func TestExploreCheckThenAct(t *testing.T) {
	s := newTestSession(t)
	res := s.explore("%%explore 200 seed=4", checkThenAct)
	if !res.has("loads: 1") || !res.has("loads: 2") {
		t.Fatalf("%s: %v", res.verdict, res.outputs())
	}
}

const lockOrder = `var a, b sync.Mutex
var wg sync.WaitGroup
wg.Add(2)
go func() { defer wg.Done(); a.Lock(); b.Lock(); b.Unlock(); a.Unlock() }()
go func() { defer wg.Done(); b.Lock(); a.Lock(); a.Unlock(); b.Unlock() }()
wg.Wait()
fmt.Println("done")
`

func TestExploreFindsLockOrderDeadlock(t *testing.T) {
	s := newTestSession(t)
	found := 0
	for seed := 1; seed <= 20; seed++ {
		res := s.explore(fmt.Sprintf("%%%%explore 200 seed=%d", seed), lockOrder)
		if !res.has("done") {
			t.Errorf("seed %d: no schedule finished: %v", seed, res.outputs())
		}
		for _, o := range res.outcomes {
			if strings.Contains(o.output, "all goroutines are asleep - deadlock!") {
				found++
				if !strings.Contains(o.output, "Mutex.Lock on a") || !strings.Contains(o.output, "Mutex.Lock on b") {
					t.Errorf("the deadlock does not say who waits for what:\n%s", o.output)
				}
			}
		}
	}
	if found < 19 {
		t.Fatalf("the lock-order deadlock was found with %d seeds of 20", found)
	}
}

// selectTwoReady selects over two channels that are both ready.
const selectTwoReady = `a, b := make(chan string, 1), make(chan string, 1)
a <- "a"
b <- "b"
select {
case v := <-a:
	fmt.Println(v)
case v := <-b:
	fmt.Println(v)
}
`

func TestExploreSelectTakesEitherReadyCase(t *testing.T) {
	s := newTestSession(t)
	res := s.explore("%%explore 50 seed=5", selectTwoReady)
	if len(res.outcomes) != 2 || !res.has("a") || !res.has("b") {
		t.Fatalf("%s: %v", res.verdict, res.outputs())
	}
}

func producerConsumer(capacity int) string {
	return fmt.Sprintf(`ch := make(chan int, %d)
done := make(chan bool)
go func() {
	for i := 1; i <= 3; i++ {
		ch <- i
		fmt.Println("sent", i)
	}
	close(ch)
}()
go func() {
	for v := range ch {
		fmt.Println("got", v)
	}
	done <- true
}()
<-done
fmt.Println("end")
`, capacity)
}

func TestExploreBufferedAndUnbufferedDiffer(t *testing.T) {
	s := newTestSession(t)
	unbuf := s.explore("%%explore 300 seed=6", producerConsumer(0))
	buf := s.explore("%%explore 300 seed=6", producerConsumer(3))
	ahead := "sent 1\nsent 2\nsent 3\ngot 1\ngot 2\ngot 3\nend"
	if !buf.has(ahead) {
		t.Errorf("buffered: the producer never ran ahead of the consumer: %q", buf.outputs())
	}
	if unbuf.has(ahead) {
		t.Errorf("unbuffered: the producer ran ahead of the consumer")
	}
	// With an unbuffered channel, a value is sent only once it is taken:
	// "sent 2" never comes before "got 1".
	for _, o := range unbuf.outputs() {
		if strings.Index(o, "sent 2") < strings.Index(o, "got 1") {
			t.Errorf("unbuffered: sent 2 before got 1:\n%s", o)
		}
	}
}

func TestExploreCellWithoutGoroutinesRunsOnce(t *testing.T) {
	s := newTestSession(t)
	res := s.explore("%%explore 200", `x := 0
for i := 0; i < 10; i++ { x += i }
fmt.Println(x)
`)
	if len(res.outcomes) != 1 || res.outcomes[0].count != 1 || !res.has("45") {
		t.Fatalf("%s: %+v", res.verdict, res.outcomes)
	}
	if !strings.Contains(res.verdict, "one schedule was enough") {
		t.Errorf("verdict: %s", res.verdict)
	}
}

func TestExploreSleepsTakeVirtualTime(t *testing.T) {
	s := newTestSession(t)
	res := s.explore("%%explore 20 seed=7", `start := time.Now()
done := make(chan string)
go func() { time.Sleep(time.Hour); done <- "slow" }()
go func() { time.Sleep(time.Second); done <- "fast" }()
fmt.Println(<-done, <-done, time.Since(start))
select {
case <-time.After(time.Minute):
	fmt.Println("timeout")
}
`)
	if len(res.outcomes) != 1 || !res.has("fast slow 1h0m0s\ntimeout") {
		t.Fatalf("%s: %q", res.verdict, res.outputs())
	}
}

func TestExplorePanicIsAnOutcome(t *testing.T) {
	s := newTestSession(t)
	res := s.explore("%%explore 100 seed=8", `var m = map[string]int{}
var mu sync.Mutex
var wg sync.WaitGroup
wg.Add(2)
go func() { defer wg.Done(); mu.Lock(); m["x"] = 1; mu.Unlock() }()
go func() {
	defer wg.Done()
	mu.Lock()
	_, ok := m["x"]
	mu.Unlock()
	if !ok {
		panic("no value yet")
	}
}()
wg.Wait()
fmt.Println("ok")
`)
	var panicked bool
	for _, o := range res.outputs() {
		if strings.Contains(o, "panic: no value yet") {
			panicked = true
		}
	}
	if !panicked || !res.has("ok") {
		t.Fatalf("%s: %q", res.verdict, res.outputs())
	}
	if res.reply.Status != "ok" {
		t.Errorf("a panic found by an exploration is an outcome, not the cell's error: %+v", res.reply)
	}
}

func TestExploreBadArguments(t *testing.T) {
	s := newTestSession(t)
	for _, magicLine := range []string{"%%explore lots", "%%explore 0", "%%explore seed=x", "%%explore time=soon", "%%explore replay=nonsense", "%%explore depth=3"} {
		r, _ := s.exec(magicLine + "\nfmt.Println(1)")
		if r.Status != "error" || r.Ename != "magic error" {
			t.Errorf("%s: %+v", magicLine, r)
		}
	}
	// The notebook is intact.
	if r, c := s.exec("fmt.Println(2)"); r.Status != "ok" || c.stream("stdout") != "2\n" {
		t.Errorf("after bad magics: %+v %q", r, c.stream("stdout"))
	}
}

func TestExploreStopsAtItsTimeBudget(t *testing.T) {
	s := newTestSession(t)
	// Each schedule runs ten million iterations: far longer than 3 ms.
	res := s.explore("%%explore 100 time=300ms", `busy := func() int { s := 0; for i := 0; i < 10_000_000; i++ { s += i }; return s }
var wg sync.WaitGroup
wg.Add(1)
go func() { defer wg.Done(); busy() }()
wg.Wait()
fmt.Println("done")
`)
	if !strings.Contains(res.verdict, "time budget ran out") {
		t.Fatalf("verdict: %s", res.verdict)
	}
	if res.reply.Status != "ok" {
		t.Errorf("reply: %+v", res.reply)
	}
}

func TestExploreInterleavesFunctionsOfEarlierCells(t *testing.T) {
	s := newTestSession(t)
	if r, _ := s.exec(`type Bank struct{ balance int }

// Withdraw checks, then acts: with nothing to make the two one step.
func (b *Bank) Withdraw(n int) bool {
	if b.balance < n {
		return false
	}
	b.balance -= n
	return true
}

func spend(b *Bank, ok chan<- bool) { ok <- b.Withdraw(7) }
`); r.Status != "ok" {
		t.Fatal(r)
	}
	cell := `b := &Bank{balance: 10}
ok := make(chan bool)
go spend(b, ok)
go spend(b, ok)
<-ok
<-ok
fmt.Println(b.balance)
`
	res := s.explore("%%explore 200 seed=9", cell)
	if !res.has("3") || !res.has("-4") {
		t.Fatalf("%s: %v", res.verdict, res.outputs())
	}
	// After the exploration the functions are as they were.
	if r, c := s.exec("b2 := &Bank{balance: 10}\nfmt.Println(b2.Withdraw(7), b2.balance)"); r.Status != "ok" || c.stream("stdout") != "true 3\n" {
		t.Fatalf("after the exploration: %+v %q", r, c.stream("stdout"))
	}
}

func TestExploreTimeAndTheLibrary(t *testing.T) {
	cases := []struct {
		name, cell string
		want       []string // every outcome, in any order
	}{
		{"context deadline", `ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
defer cancel()
start := time.Now()
select {
case <-ctx.Done():
	fmt.Println(ctx.Err(), context.Cause(ctx), time.Since(start))
case <-time.After(time.Second):
	fmt.Println("late")
}
child, stop := context.WithCancel(ctx)
defer stop()
<-child.Done()
fmt.Println(child.Err())
`, []string{"context deadline exceeded context deadline exceeded 50ms\ncontext deadline exceeded"}},
		{"ticker stopped", `tk := time.NewTicker(10 * time.Millisecond)
n := 0
for range tk.C {
	n++
	if n == 3 {
		tk.Stop()
		break
	}
}
tm := time.NewTimer(time.Hour)
fmt.Println(n, tm.Stop(), tm.Reset(time.Second))
<-tm.C
fmt.Println("fired")
`, []string{"3 true false\nfired"}},
		{"errgroup limit", `var g errgroup.Group
g.SetLimit(1)
var mu sync.Mutex
order := ""
for _, s := range []string{"a", "b"} {
	g.Go(func() error { mu.Lock(); order += s; mu.Unlock(); return nil })
}
g.Wait()
fmt.Println(order)
`, []string{"ab"}},
		{"semaphore", `sem := semaphore.NewWeighted(1)
ctx := context.Background()
var wg sync.WaitGroup
inside, most := 0, 0
for i := 0; i < 3; i++ {
	wg.Go(func() {
		sem.Acquire(ctx, 1)
		inside++
		most = max(most, inside)
		inside--
		sem.Release(1)
	})
}
wg.Wait()
fmt.Println("at most", most)
`, []string{"at most 1"}},
		{"singleflight", `var g singleflight.Group
calls := 0
var wg sync.WaitGroup
for i := 0; i < 2; i++ {
	wg.Go(func() {
		g.Do("k", func() (any, error) { calls++; runtime.Gosched(); return 1, nil })
	})
}
wg.Wait()
fmt.Println("calls:", calls)
`, []string{"calls: 1", "calls: 2"}},
		{"atomic", `var n atomic.Int64
var wg sync.WaitGroup
for i := 0; i < 3; i++ {
	wg.Go(func() { n.Add(1) })
}
wg.Wait()
fmt.Println(n.Load())
`, []string{"3"}},
	}
	s := newTestSession(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := s.explore("%%explore 100 seed=10", c.cell)
			got := res.outputs()
			if len(got) != len(c.want) {
				t.Fatalf("%s:\n%q, want %q", res.verdict, got, c.want)
			}
			for _, w := range c.want {
				if !res.has(w) {
					t.Fatalf("%s:\n%q, want %q", res.verdict, got, c.want)
				}
			}
		})
	}
}

func TestExploreExpect(t *testing.T) {
	s := newTestSession(t)
	res := s.explore("%%explore 200 seed=1 expect=1", racyCounter)
	if res.reply.Status != "error" || res.reply.Ename != "ExploreCheck" || !strings.Contains(res.reply.Evalue, "✗ expected 1 outcome, found") {
		t.Fatalf("a racy counter with expect=1: %+v", res.reply)
	}
	if len(res.outcomes) < 2 {
		t.Errorf("the table still shows what was found: %v", res.outputs())
	}
	res = s.explore("%%explore 50 seed=1 expect=2", `a, b := make(chan int, 1), make(chan int, 1)
a <- 1
b <- 2
select {
case v := <-a:
	fmt.Println(v)
case v := <-b:
	fmt.Println(v)
}
`)
	if res.reply.Status != "ok" {
		t.Fatalf("two outcomes, expect=2: %+v", res.reply)
	}
}

func TestExploreInterrupted(t *testing.T) {
	s := newTestSession(t)
	done := make(chan exploreResult, 1)
	go func() {
		// Every schedule spins until it is stopped.
		done <- s.explore("%%explore 100 time=10m", `stop := false
go func() { stop = true }()
for !stop || stop {
}
`)
	}()
	// Wait until the exploration is in the evaluator, then interrupt.
	for deadline := time.Now().Add(patience); ; time.Sleep(10 * time.Millisecond) {
		s.mu.Lock()
		running := s.current != nil
		s.mu.Unlock()
		if running {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the exploration never started")
		}
	}
	s.Interrupt()
	var res exploreResult
	select {
	case res = <-done:
	case <-time.After(patience):
		t.Fatal("the interrupt did not stop the exploration")
	}
	if res.reply.Ename != "Interrupted" || !strings.Contains(res.verdict, "interrupted") {
		t.Fatalf("%+v: %s", res.reply, res.verdict)
	}
	if r, c := s.exec("fmt.Println(\"still here\")"); r.Status != "ok" || c.stream("stdout") != "still here\n" {
		t.Fatalf("after the interrupt: %+v %q", r, c.stream("stdout"))
	}
}
