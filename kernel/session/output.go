package session

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

// Output receives the outputs of one cell. Its methods may be called from
// any goroutine, and after Execute returned: goroutines a cell started can
// print later, and their output still belongs to that cell.
type Output interface {
	Stream(name, text string)
	Display(data, metadata, transient map[string]any, update bool)
	Clear(wait bool)
	Result(data, metadata map[string]any)
	Error(ename, evalue string, traceback []string)
}

// Discard is an Output that drops everything.
type Discard struct{}

func (Discard) Stream(string, string)                                        {}
func (Discard) Display(map[string]any, map[string]any, map[string]any, bool) {}
func (Discard) Clear(bool)                                                   {}
func (Discard) Result(map[string]any, map[string]any)                        {}
func (Discard) Error(string, string, []string)                               {}

// streamInterval is the shortest time between two stream messages of one
// stream: at most 20 a second, as frontends and notebook servers expect.
const streamInterval = 50 * time.Millisecond

// maxCellOutput bounds the stream text one cell sends; the rest is counted
// and reported, so a cell printing without end cannot flood the browser.
const maxCellOutput = 4 << 20

// streams batches a cell's stream output.
type streams struct {
	out Output

	// sending is held while a flush takes and sends text, so that finish
	// returns only after a timer's flush has sent what it took.
	sending sync.Mutex
	mu      sync.Mutex
	queued  []piece // in the order written, consecutive writes of a stream joined
	timer   *time.Timer
	last    time.Time
	sent    int
	dropped int
	lines   int
}

// piece is text written to one stream.
type piece struct{ name, text string }

func newStreams(out Output) *streams { return &streams{out: out} }

// write queues text; it is sent at most streamInterval after the previous
// send.
func (s *streams) write(name, text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sent+len(text) > maxCellOutput {
		s.dropped += len(text)
		s.lines += strings.Count(text, "\n")
		return
	}
	s.sent += len(text)
	// Stdout and stderr stay interleaved as written, as a terminal shows
	// them: a message per change of stream.
	if n := len(s.queued); n > 0 && s.queued[n-1].name == name {
		s.queued[n-1].text += text
	} else {
		s.queued = append(s.queued, piece{name, text})
	}
	if s.timer == nil {
		wait := streamInterval - time.Since(s.last)
		if wait < 0 {
			wait = 0
		}
		s.timer = time.AfterFunc(wait, s.flush)
	}
}

// flush sends what is queued.
func (s *streams) flush() {
	s.sending.Lock()
	defer s.sending.Unlock()
	s.mu.Lock()
	if s.timer != nil {
		s.timer.Stop()
		s.timer = nil
	}
	pieces := s.queued
	s.queued = nil
	s.last = time.Now()
	s.mu.Unlock()
	for _, p := range pieces {
		s.out.Stream(p.name, p.text)
	}
}

// finish flushes and reports dropped output.
func (s *streams) finish() {
	s.flush()
	s.mu.Lock()
	dropped, lines := s.dropped, s.lines
	s.dropped, s.lines = 0, 0
	s.mu.Unlock()
	if dropped > 0 {
		s.out.Stream("stderr", fmt.Sprintf("\ngoconc: output cut: the cell printed %s more (%d lines) after the first %s, which were not shown.\n",
			size(dropped), lines, size(maxCellOutput)))
	}
}

func size(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
