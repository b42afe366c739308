package supervisor

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/goconc/goconc/kernel/wire"
)

// These tests drive the real kernel process over ZeroMQ with cells that
// misbehave: each must end in one clear error in the cell that caused it,
// with the kernel alive and, wherever possible, the notebook's state kept.

// errorText returns the error outputs of a cell: ename, evalue, traceback.
func errorText(outs []*wire.Message) (n int, text string) {
	for _, m := range outs {
		if m.Header.MsgType != "error" {
			continue
		}
		n++
		c := content(m)
		text += fmt.Sprint(c["ename"]) + ": " + fmt.Sprint(c["evalue"]) + "\n"
		if tb, ok := c["traceback"].([]any); ok {
			for _, l := range tb {
				text += fmt.Sprint(l) + "\n"
			}
		}
	}
	return n, text
}

// token makes a notebook variable that a restarted evaluator would not
// have: replaying the cell draws another number.
func token(c *client) string {
	r, outs := c.execute("token := rand.Int63()\nfmt.Println(token)", nil)
	if r["status"] != "ok" {
		c.t.Fatalf("token cell: %v", r)
	}
	return streamText(outs)
}

// sameEvaluator checks that the kernel kept its evaluator: the token is
// the one drawn before.
func sameEvaluator(t *testing.T, c *client, tok string) {
	t.Helper()
	r, outs := c.execute("fmt.Println(token)", nil)
	if r["status"] != "ok" || streamText(outs) != tok {
		t.Errorf("the evaluator was restarted (token %q, was %q): %v", streamText(outs), tok, r)
	}
}

func TestGoroutinePanicsKeepTheEvaluator(t *testing.T) {
	c := startKernel(t)
	c.waitReady()
	tok := token(c)
	tests := []struct{ name, code, value string }{
		{"panic", "go func() { panic(\"boom\") }()\ntime.Sleep(time.Hour)", "boom"},
		{"negative WaitGroup", "var wg sync.WaitGroup\ngo func() { wg.Add(-1) }()\ntime.Sleep(time.Hour)", "negative WaitGroup counter"},
		{"close of closed channel", "ch := make(chan int)\nclose(ch)\ngo func() { close(ch) }()\ntime.Sleep(time.Hour)", "close of closed channel"},
		{"send on closed channel", "ch := make(chan int)\nclose(ch)\ngo func() { ch <- 1 }()\ntime.Sleep(time.Hour)", "send on closed channel"},
		{"nil map write", "go func() {\n\tvar m map[string]int\n\tm[\"x\"] = 1\n}()\ntime.Sleep(time.Hour)", "assignment to entry in nil map"},
	}
	for _, tt := range tests {
		// Each cell would sleep for an hour: its reply comes only because
		// the panic stopped it, as it would stop a program.
		r, outs := c.execute(tt.code, nil)
		n, text := errorText(outs)
		label := fmt.Sprintf("[%v]:", r["execution_count"])
		if r["status"] != "error" || n != 1 {
			t.Errorf("%s: status %v with %d error outputs", tt.name, r["status"], n)
		}
		for _, want := range []string{tt.value, "goroutine func()", "started at " + label} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the error lacks %q:\n%s", tt.name, want, text)
			}
		}
	}
	sameEvaluator(t, c, tok)
}

func TestFatalErrorsRestartTheEvaluator(t *testing.T) {
	c := startKernel(t, "GOCONC_MEMORY_LIMIT=500MiB")
	c.waitReady()
	c.execute("kept := 42", nil)
	tests := []struct{ name, code, ename, want string }{
		{"concurrent map writes", "m := map[int]int{}\nvar wg sync.WaitGroup\nfor i := 0; i < 4; i++ {\n\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n\t\tfor j := 0; j < 1000000; j++ {\n\t\t\tm[j] = j\n\t\t}\n\t}()\n}\nwg.Wait()",
			"fatal error", "It happened in goroutine func(), started at [2]:5."},
		{"os.Exit", "os.Exit(3)", "exit", "exit status 3"},
		{"log.Fatal", "log.Fatal(\"giving up\")", "exit", "exit status 1"},
		{"infinite recursion", "func down(n int) int { return down(n+1) + 1 }\ndown(0)", "fatal error", "calls itself without end"},
		{"far more than the memory limit", "b := make([]byte, 1<<40)\nfmt.Println(len(b))", "fatal error", "out of memory"},
	}
	for _, tt := range tests {
		start := time.Now()
		r, outs := c.execute(tt.code, nil)
		n, text := errorText(outs)
		t.Logf("%s: %v", tt.name, time.Since(start))
		if r["status"] != "error" || n != 1 || !strings.HasPrefix(text, tt.ename+":") || !strings.Contains(text, tt.want) {
			t.Errorf("%s: status %v, %d errors:\n%s", tt.name, r["status"], n, text)
		}
		if s := streamText(outs); !strings.Contains(s, "restored the session") {
			t.Errorf("%s: no word of the restart in %q", tt.name, s)
		}
		if r, outs := c.execute("fmt.Println(kept)", nil); r["status"] != "ok" || streamText(outs) != "42\n" {
			t.Errorf("%s: after the restart, kept: %v %q", tt.name, r, streamText(outs))
		}
	}
	// %replay off: after the next restart, declarations are back but no
	// cell is re-run, so kept is zero.
	c.execute("%replay off", nil)
	c.execute("os.Exit(1)", nil)
	if r, outs := c.execute("fmt.Println(kept)", nil); r["status"] != "ok" || streamText(outs) != "0\n" {
		t.Errorf("with %%replay off, after a restart kept: %v %q", r, streamText(outs))
	}
}

// interrupt runs code, interrupts it with do once it runs, and returns
// the reply, the outputs and how long the interrupt took. The cell prints
// a line first, so that the interrupt comes when its code runs, however
// long a busy machine takes to get there.
func interrupt(c *client, code string, do func()) (map[string]any, []*wire.Message, time.Duration) {
	const running = "cell running\n"
	id := c.send(c.shell, "execute_request", map[string]any{"code": "fmt.Print(" + strconv.Quote(running) + ")\n" + code, "silent": false,
		"store_history": true, "user_expressions": map[string]any{}, "allow_stdin": false, "stop_on_error": true})
	var outs []*wire.Message
	for seen := ""; !strings.HasPrefix(seen, running); {
		m := c.nextFor(id)
		if m.Header.MsgType == "stream" {
			seen += fmt.Sprint(content(m)["text"])
		}
		if t := m.Header.MsgType; t != "status" && t != "execute_input" {
			outs = append(outs, m)
		}
	}
	start := time.Now()
	do()
	reply := content(c.recv(c.shell))
	took := time.Since(start)
	for _, m := range c.iopubFor(id) {
		if t := m.Header.MsgType; t != "status" && t != "execute_input" {
			outs = append(outs, m)
		}
	}
	return reply, outs, took
}

func TestInterrupts(t *testing.T) {
	c := startKernel(t)
	c.waitReady()
	tok := token(c)
	// A goroutine that sleeps on and on: the cells below wait, but none is
	// deadlocked.
	c.execute("go func() {\n\tfor {\n\t\ttime.Sleep(50 * time.Millisecond)\n\t}\n}()\nvar held sync.Mutex\nheld.Lock()", nil)
	request := func() {
		c.send(c.control, "interrupt_request", map[string]any{})
		if r := c.recv(c.control); r.Header.MsgType != "interrupt_reply" {
			t.Fatalf("got %s", r.Header.MsgType)
		}
	}
	sigint := func() { c.cmd.Process.Signal(os.Interrupt) }
	tests := []struct {
		name, code string
		do         func()
	}{
		{"busy loop", "for {\n}", request},
		{"empty select", "select {}", request},
		{"long sleep", "time.Sleep(time.Hour)", request},
		{"WaitGroup that never returns", "var wg sync.WaitGroup\nwg.Add(1)\nwg.Wait()", request},
		{"receive with no sender", "ch := make(chan int)\n<-ch", request},
		{"mutex held elsewhere", "held.Lock()", request},
		{"SIGINT", "for {\n}", sigint},
	}
	for _, tt := range tests {
		// An interrupt that did not reach the cell would end in the kill
		// after 5 seconds, with another ename and a restarted evaluator
		// (sameEvaluator below); how fast it is, is for the benchmarks.
		reply, outs, took := interrupt(c, tt.code, tt.do)
		t.Logf("%s: interrupted in %v", tt.name, took)
		if reply["status"] != "error" || reply["ename"] != "Interrupted" {
			t.Errorf("%s: reply %v", tt.name, reply)
		}
		if n, _ := errorText(outs); n != 1 {
			t.Errorf("%s: %d error outputs", tt.name, n)
		}
	}
	// Goroutines of an interrupted cell are told to stop: its
	// context.Background is cancelled before they are halted.
	_, outs, _ := interrupt(c, "ctx := context.Background()\ngo func() {\n\t<-ctx.Done()\n\tfmt.Println(\"worker stops:\", context.Cause(ctx))\n}()\nfor {\n}", request)
	if s := streamText(outs); !strings.Contains(s, "worker stops: goconc: the cell was interrupted") {
		t.Errorf("the worker did not see its context cancelled: %q", s)
	}
	sameEvaluator(t, c, tok)

	// A cell stuck where goconc cannot reach (a compiled call) is killed
	// after 5 seconds, and the notebook restored.
	c.execute("kept := 42", nil)
	reply, outs, took := interrupt(c, "l, err := net.Listen(\"tcp\", \"127.0.0.1:0\")\nif err != nil {\n\tpanic(err)\n}\nl.Accept()", request)
	if reply["status"] != "error" || took < 4*time.Second {
		t.Errorf("stuck cell: reply %v after %v", reply, took)
	}
	if s := streamText(outs); !strings.Contains(s, "restored the session") {
		t.Errorf("no word of the restart in %q", s)
	}
	if r, outs := c.execute("fmt.Println(kept)", nil); r["status"] != "ok" || streamText(outs) != "42\n" {
		t.Errorf("after the kill, kept: %v %q", r, streamText(outs))
	}
}

func TestDeadlockAndLeak(t *testing.T) {
	c := startKernel(t)
	c.waitReady()
	tok := token(c)
	// Without deadlock detection the cell would wait for ever.
	r, outs := c.execute("in, out := make(chan int), make(chan int)\ngo func() {\n\tv := <-in\n\tout <- v\n}()\n<-out", nil)
	n, text := errorText(outs)
	if r["status"] != "error" || n != 1 {
		t.Errorf("deadlock: reply %v with %d errors", r, n)
	}
	for _, want := range []string{"all goroutines are asleep - deadlock!", "blocked in chan receive on out at [2]:6", "blocked in chan receive on in at [2]:3"} {
		if !strings.Contains(text, want) {
			t.Errorf("the deadlock report lacks %q:\n%s", want, text)
		}
	}
	r, outs = c.execute("results := make(chan int)\nfor i := 0; i < 3; i++ {\n\tgo func() { results <- i }()\n}\n<-results", nil)
	if r["status"] != "ok" || !strings.Contains(streamText(outs), "warning: 2 goroutines started by this cell are still blocked") {
		t.Errorf("leak: reply %v, output %q", r, streamText(outs))
	}
	sameEvaluator(t, c, tok)
}

func TestRunawayCells(t *testing.T) {
	c := startKernel(t, "GOCONC_MEMORY_LIMIT=400MiB")
	c.waitReady()
	tok := token(c)
	// Much output: sent at most once per 50 ms interval and cut after 4 MiB
	// with a notice. Six million bytes, so that even a slow machine reaches
	// the cut.
	start := time.Now()
	r, outs := c.execute("line := strings.Repeat(\"x\", 1000)\nfor i := 0; i < 6000; i++ {\n\tfmt.Println(i, line)\n}", nil)
	took := time.Since(start)
	t.Logf("6 MB of output: done after %v", took)
	streams, size := 0, 0
	for _, m := range outs {
		if m.Header.MsgType == "stream" {
			streams++
			size += len(fmt.Sprint(content(m)["text"]))
		}
	}
	if r["status"] != "ok" || size > 5<<20 || streams > int(took/(50*time.Millisecond))+10 {
		t.Errorf("6 MB of output: reply %v; it reached the frontend as %d messages, %d bytes, in %v", r, streams, size, took)
	}
	if s := streamText(outs); !strings.Contains(s, "goconc: output cut: the cell printed") {
		t.Errorf("no notice of the cut output")
	}
	// Endless output is stopped by %timeout.
	start = time.Now()
	r, _ = c.execute("%timeout 2s\nline := strings.Repeat(\"x\", 1000)\nfor i := 0; ; i++ {\n\tfmt.Println(i, line)\n}", nil)
	took = time.Since(start)
	t.Logf("endless output: stopped after %v", took)
	if r["status"] != "error" || r["ename"] != "Timeout" || took < 2*time.Second {
		t.Errorf("endless output: reply %v after %v", r, took)
	}
	c.execute("%timeout off", nil)

	for _, bomb := range []struct{ name, code string }{
		{"goroutine bomb", "for {\n\tgo func() { select {} }()\n}"},
		{"memory bomb", "func grow() int {\n\tvar s [][]byte\n\tfor {\n\t\ts = append(s, make([]byte, 1<<20))\n\t}\n}\ngrow()"},
	} {
		start := time.Now()
		r, outs := c.execute(bomb.code, nil)
		t.Logf("%s: stopped after %v", bomb.name, time.Since(start))
		n, text := errorText(outs)
		if r["status"] != "error" || r["ename"] != "MemoryLimit" || n != 1 || !strings.Contains(text, "more than goconc's limit of 400 MiB") {
			t.Errorf("%s: reply %v:\n%s", bomb.name, r, text)
		}
	}
	sameEvaluator(t, c, tok)
}
