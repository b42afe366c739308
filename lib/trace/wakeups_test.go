package trace

import (
	"context"
	"testing"
	"time"
)

func TestTimerChan(t *testing.T) {
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	ticker := time.NewTicker(time.Hour)
	defer ticker.Stop()
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	ClosesBy(ctx.Done(), time.Now().Add(time.Hour))
	past, cancelPast := context.WithCancel(context.Background())
	defer cancelPast()
	ClosesBy(past.Done(), time.Now().Add(-time.Second))

	for _, c := range []struct {
		name string
		ch   any
		want bool
	}{
		{"time.After", time.After(time.Hour), true},
		{"Timer.C", timer.C, true},
		{"Ticker.C", ticker.C, true},
		{"time.Tick", time.Tick(time.Hour), true},
		{"deadline ctx.Done()", ctx.Done(), true},
		{"ctx.Done() past its deadline", past.Done(), false},
		{"unbuffered chan", make(chan int), false},
		{"buffered chan", make(chan time.Time, 1), false},
		{"nil chan", (chan int)(nil), false},
		{"not a chan", 42, false},
		{"nil", nil, false},
	} {
		if got := TimerChan(c.ch); got != c.want {
			t.Errorf("TimerChan(%s) = %v, want %v", c.name, got, c.want)
		}
	}
	if !timerFieldWorks {
		t.Error("the runtime's channel layout changed: timer channels are not recognized (update hchanHead)")
	}
}

func TestAfterFuncIsAPendingWakeup(t *testing.T) {
	before := TimersPending()
	name := make(chan string)
	AfterFunc(20*time.Millisecond, func() {
		for _, s := range States() {
			if s.G == Current() {
				name <- s.Name
			}
		}
	})
	if got := TimersPending(); got != before+1 {
		t.Fatalf("TimersPending = %d after AfterFunc, want %d", got, before+1)
	}
	if n := <-name; n != "time.AfterFunc" {
		t.Errorf("the function's goroutine is named %q, want time.AfterFunc", n)
	}
	if got := TimersPending(); got != before {
		t.Errorf("TimersPending = %d once the function started, want %d", got, before)
	}

	// A stopped timer's function never starts: it counts until its due
	// time and the grace after it.
	defer func(g time.Duration) { timerGrace = g }(timerGrace)
	timerGrace = 30 * time.Millisecond
	AfterFunc(10*time.Millisecond, func() { t.Error("a stopped timer's function ran") }).Stop()
	if got := TimersPending(); got != before+1 {
		t.Errorf("TimersPending = %d right after Stop, want %d", got, before+1)
	}
	time.Sleep(60 * time.Millisecond)
	if got := TimersPending(); got != before {
		t.Errorf("TimersPending = %d past the stopped timer's grace, want %d", got, before)
	}
}

func TestStartingCountsForkedGoroutines(t *testing.T) {
	base := Starting()
	tk := Fork()
	if got := Starting(); got != base+1 {
		t.Fatalf("Starting = %d after Fork, want %d", got, base+1)
	}
	done := make(chan bool)
	go func() {
		Enter("child", "here", tk)
		Exit(nil, false)
		close(done)
	}()
	<-done
	if got := Starting(); got != base {
		t.Errorf("Starting = %d after Enter, want %d", got, base)
	}
}

func TestTimedBlocks(t *testing.T) {
	done, finished := make(chan bool), make(chan bool)
	blocked := make(chan int64)
	go func() {
		defer close(finished)
		BlockTimed(SelectWait, 0, "p:1", true)
		blocked <- Current()
		<-done
		Unblock()
	}()
	g := <-blocked
	defer func() { close(done); <-finished }()
	for _, s := range States() {
		if s.G == g {
			if !s.Timed || s.Reason != SelectWait || s.Where != "p:1" {
				t.Errorf("state = %+v, want a timed select at p:1", s)
			}
			return
		}
	}
	t.Fatal("the blocked goroutine is not in States")
}
