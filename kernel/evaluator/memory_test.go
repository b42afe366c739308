package evaluator

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"
)

// waitGoroutines waits until at most n goroutines are left.
func waitGoroutines(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for runtime.NumGoroutine() > n {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines still alive a minute after they were told to end (want at most %d)", runtime.NumGoroutine(), n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestMemoryIsGivenBackWhenGoroutinesEnd(t *testing.T) {
	var frees atomic.Int32
	m := &memoryReturn{free: func() { frees.Add(1); debug.FreeOSMemory() }}
	debug.FreeOSMemory()
	m.look(giveBackAfter, false)
	base := runtime.NumGoroutine()
	frees.Store(0)

	release := make(chan struct{})
	for range 5000 {
		go func() { <-release }()
	}
	m.look(giveBackAfter, false)
	if n := frees.Load(); n != 0 {
		t.Errorf("memory was given back %d times while 5000 goroutines were starting; want none", n)
	}
	stacksHeld := stackMemory()

	close(release)
	waitGoroutines(t, base)
	m.look(giveBackAfter, false)
	if n := frees.Load(); n != 1 {
		t.Fatalf("memory was given back %d times after 5000 goroutines ended; want once", n)
	}
	if after := stackMemory(); after > stacksHeld/2 {
		t.Errorf("stacks hold %d KiB after 5000 goroutines ended and memory was given back, %d KiB while they ran; want less than half", after>>10, stacksHeld>>10)
	}
	m.look(giveBackAfter, false)
	if n := frees.Load(); n != 1 {
		t.Errorf("memory was given back again with nothing more to give (%d times in all)", n)
	}
}

// stackMemory is the memory the runtime holds for goroutines' stacks.
func stackMemory() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/stacks:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

var garbageSink []byte

// collectedByLooks returns a memoryReturn that counts its frees, with the
// heap emptied and the collector off for the rest of the test: no
// collection but the looks', so garbage stays garbage until one.
func collectedByLooks(t *testing.T) (*memoryReturn, *atomic.Int32) {
	frees := new(atomic.Int32)
	m := &memoryReturn{free: func() { frees.Add(1); debug.FreeOSMemory() }}
	old := debug.SetGCPercent(-1)
	t.Cleanup(func() { debug.SetGCPercent(old) })
	debug.FreeOSMemory()
	m.look(giveBackIdle, true)
	frees.Store(0)
	return m, frees
}

// makeGarbage allocates n bytes in pieces, all garbage but the last.
func makeGarbage(n int) {
	for range n / (256 << 10) {
		garbageSink = make([]byte, 256<<10)
	}
}

func TestGarbageIsGivenBackAtRest(t *testing.T) {
	m, frees := collectedByLooks(t)
	makeGarbage(16 << 20)
	m.look(giveBackAfter, false)
	if n := frees.Load(); n != 0 {
		t.Errorf("16 MiB of garbage was collected right after a cell (%d times); want it left to the collector until the notebook rests", n)
	}
	m.look(giveBackIdle, true)
	if n := frees.Load(); n != 1 {
		t.Fatalf("memory was given back %d times at rest with 16 MiB of garbage; want once", n)
	}
	m.look(giveBackIdle, true)
	if n := frees.Load(); n != 1 {
		t.Errorf("memory was given back again at rest with nothing more to give (%d times in all)", n)
	}
}

func TestMuchGarbageIsGivenBackAfterACell(t *testing.T) {
	m, frees := collectedByLooks(t)
	makeGarbage(4 * garbageMost)
	m.look(giveBackAfter, false)
	if n := frees.Load(); n != 1 {
		t.Fatalf("%d MiB of garbage over a small live heap was given back %d times right after the cell; want once", 4*garbageMost>>20, n)
	}
	m.look(giveBackAfter, false)
	if n := frees.Load(); n != 1 {
		t.Errorf("memory was given back again after a cell that left nothing (%d times in all)", n)
	}
}

func TestIdleLookFollowsTheLastCell(t *testing.T) {
	var frees atomic.Int32
	m := &memoryReturn{free: func() { frees.Add(1) }}
	for range 100 {
		m.afterCell()
	}
	m.mu.Lock()
	idle := m.idle
	m.mu.Unlock()
	if idle == nil {
		t.Fatal("no look is planned for when the notebook rests")
	}
	// One timer, reset by every cell: a hundred cells leave one look to come.
	if !idle.Stop() {
		t.Error("the look at rest already ran, or was never planned, right after the last cell")
	}
}
