package supervisor

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestSoak runs 500 cells in a row through the real kernel: good cells,
// cells with goroutines, goroutine panics, interrupts and deadlocks. The
// kernel must stay up with one evaluator all along, and the notebook's
// state must be right at the end. The memory of both processes before and
// after is logged (go test -v -run TestSoak).
func TestSoak(t *testing.T) {
	c := startKernel(t)
	c.waitReady()
	tok := token(c)
	c.execute("n := 0\nseen := map[int]bool{}", nil)
	kernelBefore, evalBefore := rss(c.cmd.Process.Pid), rss(childOf(c.cmd.Process.Pid))
	start := time.Now()
	good, counts := 0, map[string]int{}
	for i := 0; i < 500; i++ {
		var kind string
		switch {
		case i%25 == 7:
			kind = "panic"
			r, outs := c.execute("go func() { panic(\"soak\") }()\ntime.Sleep(time.Hour)", nil)
			if n, text := errorText(outs); r["status"] != "error" || n != 1 || !strings.Contains(text, "soak") {
				t.Fatalf("cell %d (panic): %v\n%s", i, r, text)
			}
		case i%25 == 13:
			kind = "interrupt"
			reply, _, took := interrupt(c, "for {\n}", func() {
				c.send(c.control, "interrupt_request", map[string]any{})
				c.recv(c.control)
			})
			if reply["ename"] != "Interrupted" {
				t.Fatalf("cell %d (interrupt): %v after %v", i, reply, took)
			}
		case i%25 == 19:
			kind = "deadlock"
			r, outs := c.execute("ch := make(chan int)\nch <- 1", nil)
			if _, text := errorText(outs); r["status"] != "error" || !strings.Contains(text, "deadlock") {
				t.Fatalf("cell %d (deadlock): %v\n%s", i, r, text)
			}
		case i%5 == 0:
			kind = "goroutines"
			r, _ := c.execute(fmt.Sprintf("var wg sync.WaitGroup\nvar mu sync.Mutex\nfor g := 0; g < 20; g++ {\n\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n\t\tmu.Lock()\n\t\tseen[%d*100+g] = true\n\t\tmu.Unlock()\n\t}()\n}\nwg.Wait()\nn++", i), nil)
			if r["status"] != "ok" {
				t.Fatalf("cell %d (goroutines): %v", i, r)
			}
			good++
		default:
			kind = "good"
			r, _ := c.execute(fmt.Sprintf("func f%d(x int) int { return x + %d }\nn = f%d(n) - %d + 1", i%7, i%7, i%7, i%7), nil)
			if r["status"] != "ok" {
				t.Fatalf("cell %d (good): %v", i, r)
			}
			good++
		}
		counts[kind]++
	}
	took := time.Since(start)
	r, outs := c.execute("fmt.Println(n, len(seen))", nil)
	want := fmt.Sprintf("%d %d\n", good, counts["goroutines"]*20)
	if r["status"] != "ok" || streamText(outs) != want {
		t.Errorf("state after the soak: %q, want %q (%v)", streamText(outs), want, r)
	}
	sameEvaluator(t, c, tok)
	kernelAfter, evalAfter := rss(c.cmd.Process.Pid), rss(childOf(c.cmd.Process.Pid))
	t.Logf("500 cells %v in %v", counts, took.Round(time.Millisecond))
	t.Logf("kernel memory (RSS): %d MiB before, %d MiB after", kernelBefore>>20, kernelAfter>>20)
	t.Logf("evaluator memory (RSS): %d MiB before, %d MiB after", evalBefore>>20, evalAfter>>20)
}

// rss returns the resident memory of process pid, in bytes.
func rss(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}

// childOf returns a child process of pid (the kernel's evaluator).
func childOf(pid int) int {
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		child, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", child))
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...: comm may hold spaces, so split after ')'.
		s := string(b)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(f) > 1 && f[1] == strconv.Itoa(pid) {
			return child
		}
	}
	return 0
}
