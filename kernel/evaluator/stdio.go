package evaluator

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"sync"
	"time"

	"github.com/traefik/yaegi/interp"
)

// stdio gives cells an os.Stdout and os.Stderr of their own: pipes the
// evaluator reads, so that output written to them directly (not through
// fmt.Print) reaches the running cell, in order, before the cell ends.
type stdio struct {
	e       *Evaluator
	out, er *os.File // write ends, what cells see
	mu      sync.Mutex
	synced  map[string]chan struct{}
	seq     int
}

func newStdio(e *Evaluator) (*stdio, error) {
	s := &stdio{e: e, synced: map[string]chan struct{}{}}
	for _, name := range []string{"stdout", "stderr"} {
		r, w, err := os.Pipe()
		if err != nil {
			return nil, err
		}
		if name == "stdout" {
			s.out = w
		} else {
			s.er = w
		}
		go s.read(r, name)
	}
	return s, nil
}

func (s *stdio) exports() interp.Exports {
	return interp.Exports{"os/os": {
		"Stdout": reflect.ValueOf(&s.out).Elem(),
		"Stderr": reflect.ValueOf(&s.er).Elem(),
	}}
}

// marker ends a sync: no cell writes NUL bytes followed by this text.
const marker = "\x00goconc-sync-"

func (s *stdio) read(r *os.File, name string) {
	buf := make([]byte, 32<<10)
	var pending []byte
	for {
		n, err := r.Read(buf)
		pending = append(pending, buf[:n]...)
		for {
			i := bytes.Index(pending, []byte(marker))
			if i < 0 {
				break
			}
			end := bytes.IndexByte(pending[i+len(marker):], '\n')
			if end < 0 {
				break
			}
			s.emit(name, pending[:i])
			id := string(pending[i+len(marker) : i+len(marker)+end])
			pending = pending[i+len(marker)+end+1:]
			s.mu.Lock()
			if c := s.synced[id]; c != nil {
				close(c)
				delete(s.synced, id)
			}
			s.mu.Unlock()
		}
		// Keep back a possible start of a marker.
		keep := 0
		if i := bytes.LastIndexByte(pending, 0); i >= 0 && len(pending)-i < len(marker)+24 {
			keep = len(pending) - i
		}
		s.emit(name, pending[:len(pending)-keep])
		pending = append([]byte(nil), pending[len(pending)-keep:]...)
		if err != nil {
			return
		}
	}
}

func (s *stdio) emit(name string, b []byte) {
	if len(b) > 0 {
		s.e.host.Stream(s.e.cellOf(""), name, string(b))
	}
}

// sync waits until everything written so far has been read and sent.
func (s *stdio) sync() {
	for _, w := range []*os.File{s.out, s.er} {
		s.mu.Lock()
		s.seq++
		id := fmt.Sprint(s.seq)
		c := make(chan struct{})
		s.synced[id] = c
		s.mu.Unlock()
		fmt.Fprintf(w, "%s%s\n", marker, id)
		select {
		case <-c:
		case <-time.After(time.Second):
		}
	}
}
