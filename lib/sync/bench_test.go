package sync_test

import (
	stdsync "sync"
	"testing"

	"github.com/goconc/goconc/lib/sync"
	"github.com/goconc/goconc/lib/trace"
)

// The instrumented primitives against the standard ones, with no trace
// running and with one: the difference is the cost of recording. Each
// Lock/Unlock pair records two events; each Add/Done pair two.

func BenchmarkMutexStd(b *testing.B) {
	var mu stdsync.Mutex
	for i := 0; i < b.N; i++ {
		mu.Lock()
		mu.Unlock()
	}
}

func BenchmarkMutexLib(b *testing.B) {
	var mu sync.Mutex
	for i := 0; i < b.N; i++ {
		mu.Lock()
		mu.Unlock()
	}
}

func BenchmarkMutexLibTraced(b *testing.B) {
	trace.Start(trace.WithMaxEvents(1 << 30))
	defer stopUntimed(b)
	var mu sync.Mutex
	for i := 0; i < b.N; i++ {
		mu.Lock()
		mu.Unlock()
	}
}

func BenchmarkWaitGroupStd(b *testing.B) {
	var wg stdsync.WaitGroup
	for i := 0; i < b.N; i++ {
		wg.Add(1)
		wg.Done()
	}
}

func BenchmarkWaitGroupLib(b *testing.B) {
	var wg sync.WaitGroup
	for i := 0; i < b.N; i++ {
		wg.Add(1)
		wg.Done()
	}
}

func BenchmarkWaitGroupLibTraced(b *testing.B) {
	trace.Start(trace.WithMaxEvents(1 << 30))
	defer stopUntimed(b)
	var wg sync.WaitGroup
	for i := 0; i < b.N; i++ {
		wg.Add(1)
		wg.Done()
	}
}

// Contended: two goroutines take turns.
func BenchmarkMutexContendedStd(b *testing.B) { contended(b, new(stdsync.Mutex)) }
func BenchmarkMutexContendedLib(b *testing.B) { contended(b, new(sync.Mutex)) }

// BenchmarkMutexContendedLibTraced is a lock-heavy cell: four goroutines
// take turns while the trace records them, up to its usual allowance of
// events and past it (a full trace counts what it drops).
func BenchmarkMutexContendedLibTraced(b *testing.B) {
	trace.Start()
	defer stopUntimed(b)
	contended(b, new(sync.Mutex))
}

func contended(b *testing.B, mu stdsync.Locker) {
	b.SetParallelism(4)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			mu.Lock()
			mu.Unlock()
		}
	})
}

// stopUntimed ends the trace outside the measured time: building the
// result is not part of recording.
func stopUntimed(b *testing.B) {
	b.StopTimer()
	trace.Stop()
}
