package trace

import (
	"sync"
	"testing"
	"time"
)

// clock returns an injected clock that advances 1µs per reading.
func clock() func() time.Duration {
	var mu sync.Mutex
	var t time.Duration
	return func() time.Duration {
		mu.Lock()
		defer mu.Unlock()
		t += time.Microsecond
		return t
	}
}

func TestStartStopScopes(t *testing.T) {
	Start(WithClock(clock()))
	Mark("one")
	first := Stop()
	if len(first.Events) != 1 || first.Events[0].Text != "one" || first.Events[0].Kind != EvMark {
		t.Fatalf("events = %+v", first.Events)
	}
	Mark("outside any trace")
	Start(WithClock(clock()))
	Mark("two")
	Reset()
	Mark("three")
	second := Stop()
	if len(second.Events) != 1 || second.Events[0].Text != "three" {
		t.Fatalf("after Reset: %+v", second.Events)
	}
	if Enabled() {
		t.Error("still enabled after Stop")
	}
}

func TestBoundedMemory(t *testing.T) {
	Start(WithMaxEvents(100))
	for i := 0; i < 250; i++ {
		Mark("m")
	}
	tr := Stop()
	if len(tr.Events) != 100 || tr.Dropped != 150 || tr.MaxEvents != 100 {
		t.Fatalf("kept %d, dropped %d (max %d)", len(tr.Events), tr.Dropped, tr.MaxEvents)
	}
}

// Goroutines that find the trace full count what they drop themselves;
// the trace's count is their sum.
func TestBoundedMemoryManyGoroutines(t *testing.T) {
	Start(WithMaxEvents(100))
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				Mark("m")
			}
		}()
	}
	wg.Wait()
	tr := Stop()
	if len(tr.Events) != 100 || tr.Dropped != 300 {
		t.Fatalf("kept %d, dropped %d of 400 (max 100)", len(tr.Events), tr.Dropped)
	}
}

func TestGoroutinesAndPanics(t *testing.T) {
	Start(WithClock(clock()))
	done := make(chan bool)
	Go("worker", func() { defer close(done); panic("boom") })
	<-done
	time.Sleep(10 * time.Millisecond)
	tr := Stop()
	if len(tr.Goroutines) != 2 || tr.Goroutines[0].Name != "main" {
		t.Fatalf("goroutines = %+v", tr.Goroutines)
	}
	w := tr.Goroutines[1]
	if w.Name != "worker" || w.Panic != "boom" || w.End < 0 || w.Pos == "" {
		t.Errorf("worker = %+v", w)
	}
}

func TestBlockStateAndNames(t *testing.T) {
	Start()
	defer Stop()
	var x int
	Name(&x, "the thing")
	id := NewObject(uintptrOf(&x), Mutex, 0)
	release := make(chan bool)
	started := make(chan int64)
	go func() {
		started <- Current()
		BlockOn(MutexLock, id, "here.go:3")
		<-release
		Unblock()
	}()
	g := <-started
	time.Sleep(20 * time.Millisecond)
	var st State
	for _, s := range States() {
		if s.G == g {
			st = s
		}
	}
	if st.Reason != MutexLock || st.Object != "the thing" || st.Where != "here.go:3" {
		t.Errorf("state = %+v", st)
	}
	close(release)
}

// TestConcurrentRecording runs many recording goroutines; with -race it
// checks the recorder's locking.
func TestConcurrentRecording(t *testing.T) {
	Start()
	var wg sync.WaitGroup
	obj := NewObject(0, Chan, 0)
	for i := 0; i < 16; i++ {
		wg.Add(1)
		Go("g", func() {
			defer wg.Done()
			for j := 0; j < 500; j++ {
				ChanSent(obj, "v", "")
				ChanReceived(obj, "v", true, "")
				BlockOn(ChanRecv, obj, "")
				Unblock()
				_ = Snapshot
			}
		})
	}
	wg.Wait()
	tr := Stop()
	seqs := map[int64]int{}
	for _, e := range tr.Events {
		if e.Kind == EvSend || e.Kind == EvRecv {
			seqs[e.Arg]++
		}
	}
	for seq, n := range seqs {
		if n != 2 {
			t.Fatalf("sequence %d counted %d times", seq, n)
		}
	}
	if len(seqs) != 16*500 {
		t.Fatalf("%d sequences", len(seqs))
	}
}

func TestShort(t *testing.T) {
	for v, want := range map[any]string{"hi": `"hi"`, 42: "42", struct{}{}: "{}", "a very long string value": `"a very long …`} {
		if got := Short(v, 14); got != want {
			t.Errorf("Short(%v) = %q, want %q", v, got, want)
		}
	}
}
