package evaluator

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/traefik/yaegi/interp"
)

// input gives cells a standard input that asks the user when read.
//
// os.Stdin in a cell is the read end of a blocking pipe. A goroutine that
// reads it blocks an OS thread in read(2) on that pipe, which shows in
// /proc/self/task/*/syscall; while a cell runs, the evaluator watches for
// that and then asks the supervisor for a line of input (Jupyter's
// input_request), which it writes into the pipe. This works for every way of
// reading: fmt.Scan, bufio.Scanner, io.ReadAll.
type input struct {
	ask func() (string, error) // asks the user for a line

	mu      sync.Mutex
	r, w    *os.File
	asking  bool
	running bool
}

func newInput(ask func() (string, error)) (*input, error) {
	in := &input{ask: ask}
	return in, in.reopen()
}

// reopen makes a fresh pipe, after the last one was closed to end a read.
func (in *input) reopen() error {
	var fds [2]int
	if err := syscall.Pipe2(fds[:], syscall.O_CLOEXEC); err != nil {
		return err
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.w != nil {
		in.w.Close()
	}
	// Blocking descriptors: os.NewFile then reads them without the poller,
	// so a reader is visible as a thread blocked in read(2).
	in.r = os.NewFile(uintptr(fds[0]), "stdin")
	in.w = os.NewFile(uintptr(fds[1]), "stdin-writer")
	return nil
}

// exports makes os.Stdin the pipe.
func (in *input) exports() interp.Exports {
	return interp.Exports{"os/os": {"Stdin": reflect.ValueOf(&in.r).Elem()}}
}

// Read lets the interpreter's own stdin (fmt.Scan) read the current pipe.
func (in *input) Read(p []byte) (int, error) {
	in.mu.Lock()
	r := in.r
	in.mu.Unlock()
	return r.Read(p)
}

// watch looks for readers while a cell runs, until stop is closed.
func (in *input) watch(stop <-chan struct{}) {
	t := time.NewTicker(50 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		in.mu.Lock()
		fd, busy := int(in.r.Fd()), in.asking
		in.mu.Unlock()
		if busy || !readingFD(fd) {
			continue
		}
		in.mu.Lock()
		in.asking = true
		in.mu.Unlock()
		go in.answer()
	}
}

// answer asks the user for a line and feeds it to the reader; if the user
// cannot answer, the reader gets end of file.
func (in *input) answer() {
	line, err := in.ask()
	in.mu.Lock()
	w := in.w
	in.mu.Unlock()
	if err != nil {
		in.eof()
	} else {
		fmt.Fprintln(w, line)
	}
	in.mu.Lock()
	in.asking = false
	in.mu.Unlock()
}

// eof ends any read in progress with end of file and opens a new pipe for
// later reads.
func (in *input) eof() {
	in.mu.Lock()
	w := in.w
	in.w = nil
	in.mu.Unlock()
	if w != nil {
		w.Close()
	}
	// The reader sees EOF on the old pipe; give later reads a new one.
	time.AfterFunc(100*time.Millisecond, func() { in.reopen() })
}

var readPrefix = fmt.Sprintf("%d 0x%%x ", syscall.SYS_READ)

// readingFD reports whether some thread of this process is blocked reading fd.
func readingFD(fd int) bool {
	want := fmt.Sprintf(readPrefix, fd)
	tasks, _ := filepath.Glob("/proc/self/task/*/syscall")
	for _, t := range tasks {
		b, err := os.ReadFile(t)
		if err == nil && strings.HasPrefix(string(b), want) {
			return true
		}
	}
	return false
}
