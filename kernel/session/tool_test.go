package session

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestRaceAndVetCells(t *testing.T) {
	s := newTestSession(t)
	s.ok("kept := 7\ntype counter struct {\n\tmu sync.Mutex\n\tn  int\n}")
	s.n = 1

	r, c := s.exec("%%race\nn := 0\nvar wg sync.WaitGroup\nfor i := 0; i < 100; i++ {\n\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n\t\tn++\n\t}()\n}\nwg.Wait()")
	tb := strings.Join(r.Traceback, "\n")
	if r.Status != "error" || r.Ename != "DataRace" || !strings.Contains(tb, "at [2]:8") {
		t.Errorf("racy counter: %s %s\n%s\nstderr: %s", r.Ename, r.Evalue, tb, c.stream("stderr"))
	}
	if !strings.Contains(c.stream("stderr"), "WARNING: DATA RACE") || !strings.Contains(c.stream("stderr"), "[2]:8") {
		t.Errorf("the race report did not stream with cell positions: %q", c.stream("stderr"))
	}

	r, c = s.exec("%%race\nc := &counter{}\nvar wg sync.WaitGroup\nfor i := 0; i < 100; i++ {\n\twg.Add(1)\n\tgo func() {\n\t\tdefer wg.Done()\n\t\tc.mu.Lock()\n\t\tc.n++\n\t\tc.mu.Unlock()\n\t}()\n}\nwg.Wait()\nc.n")
	if r.Status != "ok" || !strings.Contains(c.stream("stdout"), "100\n") || !strings.Contains(c.stream("stdout"), "no data race found") {
		t.Errorf("counter with a mutex: %+v\nstdout: %q\nstderr: %q", r, c.stream("stdout"), c.stream("stderr"))
	}

	r, _ = s.exec("%%vet\nfunc show(c counter) int { return c.n }\nshow(counter{})")
	if r.Status != "error" || r.Ename != "vet" || !strings.Contains(strings.Join(r.Traceback, "\n"), "[4]:2:") || !strings.Contains(strings.Join(r.Traceback, "\n"), "lock") {
		t.Errorf("vet of a copied mutex: %+v", r)
	}

	// A WaitGroup declared without a value is not a copied lock (the
	// classroom image's warm-up cell).
	r, _ = s.exec("%%vet\nvar wg sync.WaitGroup\nwg.Go(func() {})\nwg.Wait()")
	if r.Status != "ok" {
		t.Errorf("vet of a declared WaitGroup: %+v", r)
	}

	// golang.org/x/sync comes from the module cache or the proxy.
	r, c = s.exec("%%race\nvar g errgroup.Group\ntotal := 0\nfor i := 1; i <= 3; i++ {\n\tg.Go(func() error { total += i; return nil })\n}\ng.Wait()")
	if r.Status != "error" || r.Ename != "DataRace" {
		t.Errorf("errgroup race: %+v\nstderr: %q", r, c.stream("stderr"))
	}

	r, _ = s.exec("%%race\nx := undefinedThing")
	if r.Status != "error" || r.Ename != "compile error" {
		t.Errorf("compile error: %+v", r)
	}

	// Interrupting kills the program; the interpreter's state is kept.
	done := s.start("%%race\nfmt.Println(\"built and running\")\nselect {}", "built and running")
	s.Interrupt()
	select {
	case r := <-done:
		if r.Ename != "Interrupted" {
			t.Errorf("interrupt: %+v", r)
		}
	case <-time.After(patience):
		t.Fatalf("the interrupt did not stop the %%%%race cell within %v", patience)
	}
	if c := s.ok("kept"); len(c.results) != 1 || c.results[0] != "7" {
		t.Errorf("the notebook's state after %%race cells: %q", c.results)
	}
	_ = context.Background
}
