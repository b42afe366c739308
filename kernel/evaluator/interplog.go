package evaluator

import (
	"io"
	"log"
	"regexp"
)

// Yaegi logs some of its own failures with the process's standard logger
// before it panics with them (log.Panic("nil reflect type") while it
// compiles a cell); the panic becomes the cell's interpreter error, and
// the log line reached the cell's stderr as if the cell had logged it.
// The process's standard logger is not the cells' (logs.go), but compiled
// packages log with it (net/http's "http: panic serving ..."): those
// lines still go to stderr, the interpreter's are dropped.

// interpreterLog matches a line the interpreter logs before it panics.
var interpreterLog = regexp.MustCompile(`^(\d{4}/\d\d/\d\d \d\d:\d\d:\d\d )?(nil type|nil reflect type|\d+:\d+: compositeGenerator not implemented for type kind: \w+)\n$`)

// withoutInterpreterLogs writes what w gets but the interpreter's lines.
type withoutInterpreterLogs struct{ w io.Writer }

func (f withoutInterpreterLogs) Write(p []byte) (int, error) {
	if interpreterLog.Match(p) {
		return len(p), nil
	}
	return f.w.Write(p)
}

// dropInterpreterLogs keeps the interpreter's log lines from the
// process's standard logger's output.
func dropInterpreterLogs() {
	log.SetOutput(withoutInterpreterLogs{log.Writer()})
}
