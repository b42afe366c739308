package evaluator

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"sync"
	"syscall"
	"time"
	"unsafe"

	"github.com/traefik/yaegi/interp"

	"github.com/goconc/goconc/kernel/evalproto"
)

// stdio gives cells an os.Stdout and os.Stderr of their own: pipes the
// evaluator reads, so that output written to them directly (not through
// fmt.Print) reaches the running cell, in order, before the cell ends.
type stdio struct {
	e       *Evaluator
	out, er *os.File // write ends, what cells see
	ends    map[string]*pipeEnd
	mu      sync.Mutex
	synced  map[string]chan struct{}
	seq     int
}

// pipeEnd is the read end of one of the pipes, with what its reader holds.
type pipeEnd struct {
	r, w   *os.File
	mu     sync.Mutex // held while bytes are out of the pipe and not yet sent
	unsent int        // bytes read and kept back (a marker may begin there)
}

func newStdio(e *Evaluator) (*stdio, error) {
	s := &stdio{e: e, synced: map[string]chan struct{}{}, ends: map[string]*pipeEnd{}}
	first := -1
	if fd := os.Getenv(evalproto.StdioEnv); fd != "" {
		// The supervisor's pipes, of which it keeps a read end too.
		n, err := strconv.Atoi(fd)
		if err != nil {
			return nil, fmt.Errorf("%s=%q: %v", evalproto.StdioEnv, fd, err)
		}
		first = n
	}
	for i, name := range []string{"stdout", "stderr"} {
		r, w, err := stdioPipe(first, i)
		if err != nil {
			return nil, err
		}
		if name == "stdout" {
			s.out = w
		} else {
			s.er = w
		}
		end := &pipeEnd{r: r, w: w}
		s.ends[name] = end
		go s.read(end, name)
	}
	return s, nil
}

// stdioPipe returns pipe i (0 for stdout, 1 for stderr): the
// supervisor's, whose write and read ends are at descriptors first+2i and
// first+2i+1, or a new one if first is negative.
func stdioPipe(first, i int) (r, w *os.File, err error) {
	if first < 0 {
		return os.Pipe()
	}
	wfd, rfd := first+2*i, first+2*i+1
	for _, fd := range []int{wfd, rfd} {
		// Non-blocking before os.NewFile, which then gives a File the
		// runtime's poller serves (read's rc.Read needs one).
		if err := syscall.SetNonblock(fd, true); err != nil {
			return nil, nil, fmt.Errorf("the stdio pipe at descriptor %d: %v", fd, err)
		}
	}
	return os.NewFile(uintptr(rfd), "stdio-r"), os.NewFile(uintptr(wfd), "stdio-w"), nil
}

func (s *stdio) exports() interp.Exports {
	return interp.Exports{"os/os": {
		"Stdout": reflect.ValueOf(&s.out).Elem(),
		"Stderr": reflect.ValueOf(&s.er).Elem(),
	}}
}

// marker ends a sync: no cell writes NUL bytes followed by this text.
const marker = "\x00goconc-sync-"

func (s *stdio) read(end *pipeEnd, name string) {
	rc, err := end.r.SyscallConn()
	if err != nil {
		return
	}
	buf := make([]byte, 32<<10)
	var pending []byte
	for {
		// Bytes leave the pipe under end.mu, and are sent before it is
		// released, so that before, holding it, sees them in the pipe or
		// already sent, never in between.
		var n int
		var rerr error
		locked := false
		err := rc.Read(func(fd uintptr) bool {
			end.mu.Lock()
			for {
				n, rerr = syscall.Read(int(fd), buf)
				if rerr != syscall.EINTR {
					break
				}
			}
			if rerr == syscall.EAGAIN {
				end.mu.Unlock()
				return false // wait until the pipe is readable
			}
			locked = true
			return true
		})
		if !locked {
			return // the pipe is closed
		}
		if n < 0 {
			n = 0
		}
		pending = append(pending, buf[:n]...)
		for {
			i := bytes.Index(pending, []byte(marker))
			if i < 0 {
				break
			}
			stop := bytes.IndexByte(pending[i+len(marker):], '\n')
			if stop < 0 {
				break
			}
			s.emit(name, pending[:i])
			id := string(pending[i+len(marker) : i+len(marker)+stop])
			pending = pending[i+len(marker)+stop+1:]
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
		end.unsent = len(pending)
		end.mu.Unlock()
		if err != nil || rerr != nil || n == 0 {
			return
		}
	}
}

func (s *stdio) emit(name string, b []byte) {
	if len(b) > 0 {
		s.e.stream(s.e.cellOf(""), name, string(b))
	}
}

// sync waits until everything written to os.Stdout and os.Stderr so far
// has been read and sent. It is called when a cell ends, and before the
// interpreter's own streams (fmt.Print's, print's) send a write, as a
// terminal shows a program's writes in order (fmt.Fprintln(os.Stderr, ...)
// between two fmt.Println came out after both). A pipe whose reader holds
// nothing back and that holds nothing itself is in sync already: that
// costs a system call, where a sync through the pipe costs two wake-ups
// of its reader, a sixth of a trivial cell's round trip.
func (s *stdio) sync() {
	for _, end := range s.ends {
		end.mu.Lock()
		waiting := end.unsent > 0 || buffered(end.r) > 0
		end.mu.Unlock()
		if waiting {
			s.syncPipe(end.w)
		}
	}
	// (and a character begun and not finished is sent as it is)
	s.e.runes.flush(func(cell, name, text string) { s.e.host.Stream(cell, name, validText(text)) })
}

func (s *stdio) syncPipe(w *os.File) {
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

// buffered returns how many bytes the pipe r reads holds (FIONREAD), or 0
// when it cannot say.
func buffered(r *os.File) int {
	rc, err := r.SyscallConn()
	if err != nil {
		return 0
	}
	n := 0
	rc.Control(func(fd uintptr) {
		var v int32
		if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, fd, syscall.TIOCINQ, uintptr(unsafe.Pointer(&v))); errno == 0 {
			n = int(v)
		}
	})
	return n
}
