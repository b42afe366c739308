package session

import (
	"fmt"
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

// recordingOutput keeps the stream messages it is sent.
type recordingOutput struct {
	Discard
	got []piece
}

func (r *recordingOutput) Stream(name, text string) { r.got = append(r.got, piece{name, text}) }

// Writes to stdout and stderr reach the frontend in the order written, as
// a terminal shows them.
func TestStreamsKeepTheOrderOfStdoutAndStderr(t *testing.T) {
	out := &recordingOutput{}
	s := newStreams(out)
	for _, w := range []piece{{"stdout", "one\n"}, {"stdout", "two\n"}, {"stderr", "oops\n"}, {"stdout", "three\n"}} {
		s.write(w.name, w.text)
	}
	s.finish()
	// A timer's flush may fall between two writes: join what it split.
	var got []piece
	for _, p := range out.got {
		if n := len(got); n > 0 && got[n-1].name == p.name {
			got[n-1].text += p.text
		} else {
			got = append(got, p)
		}
	}
	want := []piece{{"stdout", "one\ntwo\n"}, {"stderr", "oops\n"}, {"stdout", "three\n"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("sent %q, want %q", got, want)
	}
}
