package session

import (
	"testing"
	"time"
)

// blockingOutput blocks in its first Stream until released.
type blockingOutput struct {
	Discard
	entered, release chan bool
	first            bool
}

func (b *blockingOutput) Stream(name, text string) {
	if !b.first {
		b.first = true
		close(b.entered)
		<-b.release
	}
}

// A cell's output must all be sent when Execute returns, or it reaches
// the frontend after the cell's idle status: finish waits for a flush that
// a timer started.
func TestFinishWaitsForAFlushInProgress(t *testing.T) {
	out := &blockingOutput{entered: make(chan bool), release: make(chan bool)}
	s := newStreams(out)
	s.write("stdout", "hello\n") // the timer flushes at once, and blocks sending
	<-out.entered
	finished := make(chan bool)
	go func() { s.finish(); close(finished) }()
	select {
	case <-finished:
		t.Fatal("finish returned while a flush was still sending")
	case <-time.After(50 * time.Millisecond):
	}
	close(out.release)
	<-finished
}
