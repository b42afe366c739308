package session

import (
	"strings"
	"testing"
	"time"
)

// waitReply waits for a cell started with start to end.
func (s *tsession) waitReply(done <-chan Reply, code string) Reply {
	s.t.Helper()
	select {
	case r := <-done:
		return r
	case <-time.After(patience):
		s.t.Fatalf("the cell did not end within %v:\n%s", patience, code)
		return Reply{}
	}
}

// A program that waits for os.Interrupt gets the interrupt button as Go
// gets Ctrl-C: Go by Example's "Signals", word for word, prints the signal
// and ends on its own. While it waits, it is not deadlocked: a signal can
// come.
func TestInterruptGoesToAProgramWaitingForIt(t *testing.T) {
	s := newTestSession(t)
	s.ok("import (\n\t\"os/signal\"\n\t\"syscall\"\n)")
	const code = `sigs := make(chan os.Signal, 1)
done := make(chan bool, 1)
signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
go func() {
	sig := <-sigs
	fmt.Println()
	fmt.Println(sig)
	done <- true
}()
fmt.Println("awaiting signal")
<-done
fmt.Println("exiting")`
	done, c := s.startCapture(code, "awaiting signal")
	// Longer than the deadlock watchdog's two looks.
	time.Sleep(time.Second)
	select {
	case r := <-done:
		t.Fatalf("the cell ended before the interrupt: %+v", r)
	default:
	}
	s.Interrupt()
	r := s.waitReply(done, code)
	if r.Status != "ok" {
		t.Fatalf("reply %+v", r)
	}
	if got, want := c.stream("stdout"), "awaiting signal\n\ninterrupt\nexiting\n"; got != want {
		t.Errorf("stdout %q, want %q", got, want)
	}
	if got := c.stream("stderr"); !strings.Contains(got, "went to the program as os.Interrupt") {
		t.Errorf("stderr %q does not say where the interrupt went", got)
	}

	// signal.NotifyContext, as a server shuts down; a second interrupt
	// stops a program that does not end on the first.
	const server = `ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
defer stop()
fmt.Println("serving")
<-ctx.Done()
fmt.Println("shutting down:", ctx.Err())
select {}`
	done, c = s.startCapture(server, "serving")
	s.Interrupt()
	for ; !strings.Contains(c.stream("stdout"), "shutting down: context canceled"); time.Sleep(5 * time.Millisecond) {
		select {
		case r := <-done:
			t.Fatalf("the cell ended at the first interrupt: %+v", r)
		default:
		}
	}
	s.Interrupt()
	if r := s.waitReply(done, server); r.Ename != "Interrupted" {
		t.Errorf("second interrupt: reply %+v", r)
	}

	// A cell stopped while it waited takes its registration with it:
	// nobody is left to receive, and a later deadlock is one again.
	const stopped = `waits := make(chan os.Signal, 1)
signal.Notify(waits, os.Interrupt)
fmt.Println("waiting")
select {}`
	done = s.start(stopped, "waiting")
	s.Interrupt()
	s.Interrupt()
	if r := s.waitReply(done, stopped); r.Ename != "Interrupted" {
		t.Errorf("two interrupts: reply %+v", r)
	}

	// Once the program stops waiting, an interrupt stops the cell, and a
	// deadlock is one again.
	s.ok("signal.Stop(sigs)")
	if r, _ := s.exec("<-make(chan int)"); r.Ename != "fatal error" {
		t.Errorf("deadlock after signal.Stop: reply %+v", r)
	}
	done = s.start("fmt.Println(\"running\")\nfor {\n}", "running")
	s.Interrupt()
	if r := s.waitReply(done, "for {}"); r.Ename != "Interrupted" {
		t.Errorf("interrupt after signal.Stop: reply %+v", r)
	}
}
