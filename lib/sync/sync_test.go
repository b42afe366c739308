package sync_test

import (
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"strings"
	stdsync "sync"
	"testing"
	"time"

	"github.com/goconc/goconc/lib/sync"
	"github.com/goconc/goconc/lib/trace"
)

// Each behaviour is checked on the standard implementation and on ours:
// they must agree.

type mutex interface {
	Lock()
	Unlock()
	TryLock() bool
}

type waitGroup interface {
	Add(int)
	Done()
	Wait()
	Go(func())
}

type rwmutex interface {
	mutex
	RLock()
	RUnlock()
	TryRLock() bool
}

type once interface{ Do(func()) }

type impl struct {
	name   string
	mutex  func() mutex
	wg     func() waitGroup
	rw     func() rwmutex
	once   func() once
	cond   func(l stdsync.Locker) (wait func(), signal, broadcast func())
	copyMu func() (orig, copied mutex)
}

var impls = []impl{
	{
		name:  "std",
		mutex: func() mutex { return new(stdsync.Mutex) },
		wg:    func() waitGroup { return new(stdsync.WaitGroup) },
		rw:    func() rwmutex { return new(stdsync.RWMutex) },
		once:  func() once { return new(stdsync.Once) },
		cond: func(l stdsync.Locker) (func(), func(), func()) {
			c := stdsync.NewCond(l)
			return c.Wait, c.Signal, c.Broadcast
		},
		copyMu: func() (mutex, mutex) {
			var m stdsync.Mutex
			m.Lock()
			c := copyStd(&m)
			return &m, c
		},
	},
	{
		name:  "lib",
		mutex: func() mutex { return new(sync.Mutex) },
		wg:    func() waitGroup { return new(sync.WaitGroup) },
		rw:    func() rwmutex { return new(sync.RWMutex) },
		once:  func() once { return new(sync.Once) },
		cond: func(l stdsync.Locker) (func(), func(), func()) {
			c := sync.NewCond(l)
			return c.Wait, c.Signal, c.Broadcast
		},
		copyMu: func() (mutex, mutex) {
			var m sync.Mutex
			m.Lock()
			c := copyLib(&m)
			return &m, c
		},
	},
}

// Copies of locked mutexes, as careless programs make them (through
// reflection, so that vet, which rightly flags such copies, stays quiet).
func copyStd(m *stdsync.Mutex) *stdsync.Mutex {
	c := new(stdsync.Mutex)
	reflect.ValueOf(c).Elem().Set(reflect.ValueOf(m).Elem())
	return c
}

func copyLib(m *sync.Mutex) *sync.Mutex {
	c := new(sync.Mutex)
	reflect.ValueOf(c).Elem().Set(reflect.ValueOf(m).Elem())
	return c
}

// blocks reports whether f is still running after d.
func blocks(f func(), d time.Duration) (blocked bool, finished chan struct{}) {
	finished = make(chan struct{})
	go func() { f(); close(finished) }()
	select {
	case <-finished:
		return false, finished
	case <-time.After(d):
		return true, finished
	}
}

func TestMutex(t *testing.T) {
	for _, im := range impls {
		t.Run(im.name, func(t *testing.T) {
			m := im.mutex()
			n := 0
			var wg stdsync.WaitGroup
			for i := 0; i < 8; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for j := 0; j < 2000; j++ {
						m.Lock()
						n++
						m.Unlock()
					}
				}()
			}
			wg.Wait()
			if n != 16000 {
				t.Errorf("n = %d: no mutual exclusion", n)
			}
			if !m.TryLock() || m.TryLock() {
				t.Error("TryLock: free then locked")
			}
			blocked, finished := blocks(m.Lock, 30*time.Millisecond)
			if !blocked {
				t.Fatal("Lock of a locked mutex did not block")
			}
			m.Unlock() // unlock from another goroutine is allowed
			<-finished
			m.Unlock()
			orig, copied := im.copyMu()
			if copied.TryLock() {
				t.Error("a copy of a locked mutex is not locked")
			}
			orig.Unlock()
		})
	}
}

func TestRWMutex(t *testing.T) {
	for _, im := range impls {
		t.Run(im.name, func(t *testing.T) {
			rw := im.rw()
			rw.RLock()
			if !rw.TryRLock() {
				t.Error("readers do not share")
			}
			rw.RUnlock()
			if rw.TryLock() {
				t.Error("a writer got in with a reader inside")
			}
			writer, wdone := blocks(rw.Lock, 30*time.Millisecond)
			if !writer {
				t.Fatal("Lock did not wait for the reader")
			}
			// A waiting writer keeps new readers out: once the writer's
			// goroutine waits (on a busy machine it may take a while to get
			// there), TryRLock fails.
			for deadline := time.Now().Add(time.Minute); rw.TryRLock(); time.Sleep(time.Millisecond) {
				rw.RUnlock()
				if time.Now().After(deadline) {
					t.Fatal("TryRLock still succeeds a minute after a writer began to wait")
				}
			}
			reader, rdone := blocks(rw.RLock, 30*time.Millisecond)
			if !reader {
				t.Error("RLock did not wait behind the waiting writer")
			}
			rw.RUnlock()
			<-wdone
			rw.Unlock()
			<-rdone
			rw.RUnlock()
		})
	}
}

func TestWaitGroup(t *testing.T) {
	for _, im := range impls {
		t.Run(im.name, func(t *testing.T) {
			wg := im.wg()
			wg.Wait() // zero: returns at once
			wg.Add(2)
			blocked, finished := blocks(wg.Wait, 30*time.Millisecond)
			if !blocked {
				t.Fatal("Wait did not block")
			}
			wg.Done()
			wg.Done()
			<-finished
			ran := make(chan bool, 1)
			wg.Go(func() { ran <- true })
			wg.Wait()
			if len(ran) != 1 {
				t.Error("Wait returned before Go's function ran")
			}
			msg := func() (msg any) {
				defer func() { msg = recover() }()
				wg.Add(-1)
				return nil
			}()
			if fmt.Sprint(msg) != "sync: negative WaitGroup counter" {
				t.Errorf("negative counter: %v", msg)
			}
		})
	}
}

func TestOnce(t *testing.T) {
	for _, im := range impls {
		t.Run(im.name, func(t *testing.T) {
			o := im.once()
			calls := 0
			release := make(chan bool)
			go o.Do(func() { calls++; <-release })
			time.Sleep(20 * time.Millisecond)
			second, finished := blocks(func() { o.Do(func() { calls++ }) }, 30*time.Millisecond)
			if !second {
				t.Error("a second Do did not wait for the first")
			}
			close(release)
			<-finished
			if calls != 1 {
				t.Errorf("f ran %d times", calls)
			}
			p := im.once()
			func() {
				defer func() { recover() }()
				p.Do(func() { panic("in f") })
			}()
			p.Do(func() { t.Error("f ran again after panicking") })
		})
	}
}

func TestCond(t *testing.T) {
	for _, im := range impls {
		t.Run(im.name, func(t *testing.T) {
			var mu stdsync.Mutex
			wait, signal, broadcast := im.cond(&mu)
			woken := make(chan int, 3)
			for i := 0; i < 3; i++ {
				go func() {
					mu.Lock()
					wait()
					mu.Unlock()
					woken <- 1
				}()
			}
			time.Sleep(30 * time.Millisecond)
			signal()
			time.Sleep(30 * time.Millisecond)
			if len(woken) != 1 {
				t.Errorf("Signal woke %d", len(woken))
			}
			broadcast()
			time.Sleep(30 * time.Millisecond)
			if len(woken) != 3 {
				t.Errorf("Broadcast left %d asleep", 3-len(woken))
			}
		})
	}
}

func TestMap(t *testing.T) {
	var std stdsync.Map
	var lib sync.Map
	type op func(m interface {
		Store(k, v any)
		LoadOrStore(k, v any) (any, bool)
		Swap(k, v any) (any, bool)
		CompareAndSwap(k, o, n any) bool
		LoadAndDelete(k any) (any, bool)
		CompareAndDelete(k, o any) bool
		Load(k any) (any, bool)
	}) string
	ops := []op{
		func(m interface {
			Store(k, v any)
			LoadOrStore(k, v any) (any, bool)
			Swap(k, v any) (any, bool)
			CompareAndSwap(k, o, n any) bool
			LoadAndDelete(k any) (any, bool)
			CompareAndDelete(k, o any) bool
			Load(k any) (any, bool)
		}) string {
			m.Store("a", 1)
			v1, l1 := m.LoadOrStore("a", 2)
			v2, l2 := m.LoadOrStore("b", 3)
			p, s := m.Swap("a", 4)
			c1 := m.CompareAndSwap("a", 4, 5)
			c2 := m.CompareAndSwap("a", 4, 6)
			d, dl := m.LoadAndDelete("b")
			cd := m.CompareAndDelete("a", 5)
			v, ok := m.Load("a")
			return fmt.Sprint(v1, l1, v2, l2, p, s, c1, c2, d, dl, cd, v, ok)
		},
	}
	for _, o := range ops {
		if a, b := o(&std), o(&lib); a != b {
			t.Errorf("std %s, lib %s", a, b)
		}
	}
	lib.Store(1, 1)
	lib.Clear()
	n := 0
	lib.Range(func(k, v any) bool { n++; return true })
	if n != 0 {
		t.Error("Clear left entries")
	}
}

func TestOnceValues(t *testing.T) {
	calls := 0
	f := sync.OnceValues(func() (int, error) { calls++; return 7, nil })
	g := stdsync.OnceValues(func() (int, error) { return 7, nil })
	a, _ := f()
	f()
	b, _ := g()
	if a != b || calls != 1 {
		t.Errorf("OnceValues: %d vs %d, %d calls", a, b, calls)
	}
}

// TestUnlockOfUnlockedIsFatal checks that both Mutexes end the program with
// the same fatal error; it runs each in a child process.
func TestUnlockOfUnlockedIsFatal(t *testing.T) {
	if which := os.Getenv("GOCONC_UNLOCK"); which != "" {
		for _, im := range impls {
			if im.name == which {
				im.mutex().Unlock()
			}
		}
		return
	}
	for _, im := range impls {
		cmd := exec.Command(os.Args[0], "-test.run=^TestUnlockOfUnlockedIsFatal$")
		cmd.Env = append(os.Environ(), "GOCONC_UNLOCK="+im.name)
		out, err := cmd.CombinedOutput()
		if err == nil || !strings.Contains(string(out), "fatal error: sync: unlock of unlocked mutex") {
			t.Errorf("%s: %v\n%s", im.name, err, out)
		}
	}
}

// TestRecorded checks what our primitives put in a trace.
func TestRecorded(t *testing.T) {
	trace.Start()
	var mu sync.Mutex
	trace.Name(&mu, "mu")
	mu.Lock()
	done := make(chan bool)
	go func() { mu.Lock(); mu.Unlock(); close(done) }()
	time.Sleep(20 * time.Millisecond)
	mu.Unlock()
	<-done
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Done()
	tr := trace.Stop()
	var kinds []string
	for _, e := range tr.Events {
		kinds = append(kinds, e.Kind.String())
		if e.Kind == trace.EvBlock && (e.Reason != trace.MutexLock || tr.ObjectName(e.Obj) != "mu") {
			t.Errorf("block event %+v", e)
		}
	}
	want := "lock block unlock unblock lock unlock wg-add wg-add"
	if got := fmt.Sprint(kinds); got != "["+want+"]" {
		t.Errorf("events %s, want [%s]", got, want)
	}
}

// host stops every goroutine at once, as the kernel's interrupt does.
type host struct{ stop chan struct{} }

type halted struct{}

func (h *host) Stop() <-chan struct{} { return h.stop }
func (h *host) Halt()                 { panic(halted{}) }
func (h *host) Panicked(any)          {}

func TestHostStopsBlockedGoroutines(t *testing.T) {
	h := &host{stop: make(chan struct{})}
	trace.SetHost(h)
	defer trace.SetHost(nil)
	var mu sync.Mutex
	var wg sync.WaitGroup
	var once sync.Once
	c := sync.NewCond(&mu)
	mu.Lock()
	wg.Add(1)
	ended := make(chan any, 4)
	run := func(f func()) {
		go func() {
			defer func() { ended <- recover() }()
			f()
		}()
	}
	run(mu.Lock)
	run(wg.Wait)
	run(func() { once.Do(func() { select {} }) })
	time.Sleep(20 * time.Millisecond)
	run(func() { once.Do(func() {}) })
	close(h.stop)
	for i := 0; i < 3; i++ {
		select {
		case r := <-ended:
			if _, ok := r.(halted); !ok {
				t.Errorf("ended with %v", r)
			}
		case <-time.After(time.Minute):
			t.Fatal("a blocked goroutine was not stopped within a minute")
		}
	}
	_ = c
}

// stoppingHost stops every goroutine when one panics, as the kernel does.
type stoppingHost struct {
	host
	once sync.Once
}

func (h *stoppingHost) Panicked(any) { h.once.Do(func() { close(h.stop) }) }

// TestWaitAfterAPanicInGo: Wait does not return for a task that panicked,
// since in Go the program dies first; it does for one that recovered.
func TestWaitAfterAPanicInGo(t *testing.T) {
	h := &stoppingHost{host: host{stop: make(chan struct{})}}
	trace.SetHost(h)
	defer trace.SetHost(nil)
	defer trace.EndUnwindings()
	var wg sync.WaitGroup
	wg.Go(func() {
		defer func() { recover() }()
		panic("recovered")
	})
	wg.Wait()
	wg.Go(func() { panic("boom") })
	ended := make(chan any)
	go func() {
		defer func() { ended <- recover() }()
		wg.Wait()
	}()
	if r := <-ended; r != (halted{}) {
		t.Errorf("Wait after the panic ended with %v, want it halted", r)
	}
}
