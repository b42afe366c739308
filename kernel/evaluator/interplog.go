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
// In the evaluator's process the standard logger is the cells' (logs.go),
// which compiled packages log with too (slog's default handler, net/http's
// "http: panic serving ..."): the interpreter's lines are dropped from its
// output, until a cell gives it another (which then gets them: a cell's
// log.Writer() is what it set, as in Go).

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

// dropInterpreterLogs keeps the interpreter's log lines from l's output.
func dropInterpreterLogs(l *log.Logger) {
	l.SetOutput(withoutInterpreterLogs{l.Writer()})
}

// logWriter returns l's output, without the filter: what log.Writer()
// says in a cell.
func logWriter(l *log.Logger) io.Writer {
	if f, ok := l.Writer().(withoutInterpreterLogs); ok {
		return f.w
	}
	return l.Writer()
}
