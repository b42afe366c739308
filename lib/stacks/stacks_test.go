package stacks

import (
	"bytes"
	"testing"
)

func TestAllHoldsEveryGoroutine(t *testing.T) {
	// Enough goroutines that the dump outgrows the first buffer.
	const n = 500
	release := make(chan struct{})
	defer close(release)
	started := make(chan struct{})
	for range n {
		go func() { started <- struct{}{}; <-release }()
	}
	for range n {
		<-started
	}
	dump := All()
	if !bytes.HasPrefix(dump, []byte("goroutine ")) {
		t.Fatalf("the dump does not start with a goroutine header: %.80q", dump)
	}
	// Each of them has sent, so each is in its function (waiting, or about to).
	if got := bytes.Count(dump, []byte("stacks.TestAllHoldsEveryGoroutine.func1(")); got != n {
		t.Errorf("the dump shows %d of the %d goroutines started (%d bytes read)", got, n, len(dump))
	}
	if !bytes.Contains(dump[:bytes.Index(dump, []byte("\n\n"))], []byte("stacks.TestAllHoldsEveryGoroutine(")) {
		t.Error("the caller's goroutine is not the first of the dump")
	}
}
