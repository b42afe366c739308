package evaluator

import (
	"fmt"
	"io"
	"log"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/goconc/goconc/kernel/program"
	"github.com/goconc/goconc/kernel/symbols/std"
	"github.com/traefik/yaegi/interp"
)

// The log package's printing functions and *log.Logger's printing methods
// are called through these hooks, given the call's position in the cell
// (program's logcalls.go):
//
//	log.Printf("n=%d", n)    __goconc.LogPrintf(nil, "[3]:4", "n=%d", n)
//	l.Fatal(err)             __goconc.LogFatal(l, "[3]:7", err)
//
// A logger with Lshortfile or Llongfile names the file and line of the
// call that logged, which it finds on the stack: the interpreter's there
// ("value.go:586: hello"). With those flags the hook writes the line as
// the logger would, with the cell's position ("[3]:4: hello"); without,
// the logger writes it. Fatal ends the evaluator as os.Exit does in a
// cell, once the output is written: a logger's Fatal exited at once, and
// what the cell had printed was lost.
func (e *Evaluator) logHooks() map[string]reflect.Value {
	fatal := func(l *log.Logger, pos, s string) {
		e.logOutput(l, pos, s)
		e.exit(1)
	}
	panics := func(l *log.Logger, pos, s string) {
		e.logOutput(l, pos, s)
		panic(s)
	}
	return map[string]reflect.Value{
		"LogPrint":   reflect.ValueOf(func(l *log.Logger, pos string, v ...any) { e.logOutput(l, pos, fmt.Sprint(v...)) }),
		"LogPrintf":  reflect.ValueOf(func(l *log.Logger, pos, f string, v ...any) { e.logOutput(l, pos, fmt.Sprintf(f, v...)) }),
		"LogPrintln": reflect.ValueOf(func(l *log.Logger, pos string, v ...any) { e.logOutput(l, pos, fmt.Sprintln(v...)) }),
		"LogFatal":   reflect.ValueOf(func(l *log.Logger, pos string, v ...any) { fatal(l, pos, fmt.Sprint(v...)) }),
		"LogFatalf":  reflect.ValueOf(func(l *log.Logger, pos, f string, v ...any) { fatal(l, pos, fmt.Sprintf(f, v...)) }),
		"LogFatalln": reflect.ValueOf(func(l *log.Logger, pos string, v ...any) { fatal(l, pos, fmt.Sprintln(v...)) }),
		"LogPanic":   reflect.ValueOf(func(l *log.Logger, pos string, v ...any) { panics(l, pos, fmt.Sprint(v...)) }),
		"LogPanicf":  reflect.ValueOf(func(l *log.Logger, pos, f string, v ...any) { panics(l, pos, fmt.Sprintf(f, v...)) }),
		"LogPanicln": reflect.ValueOf(func(l *log.Logger, pos string, v ...any) { panics(l, pos, fmt.Sprintln(v...)) }),
		"LogOutput":  reflect.ValueOf(func(l *log.Logger, pos string, _ int, s string) error { return e.logOutput(l, pos, s) }),
	}
}

// logMu keeps the lines the hooks write whole, as a logger's mutex does.
var logMu sync.Mutex

// logOutput writes s as l (the standard logger if nil) writes it, logged
// at pos ("[3]:4").
func (e *Evaluator) logOutput(l *log.Logger, pos, s string) error {
	if l == nil {
		l = e.stdLog
	}
	flags := l.Flags()
	if flags&(log.Lshortfile|log.Llongfile) == 0 {
		return l.Output(1, s)
	}
	// The header as log's formatHeader writes it.
	var b []byte
	if flags&log.Lmsgprefix == 0 {
		b = append(b, l.Prefix()...)
	}
	if flags&(log.Ldate|log.Ltime|log.Lmicroseconds) != 0 {
		t := time.Now()
		if flags&log.LUTC != 0 {
			t = t.UTC()
		}
		if flags&log.Ldate != 0 {
			b = t.AppendFormat(b, "2006/01/02 ")
		}
		switch {
		case flags&log.Lmicroseconds != 0:
			b = t.AppendFormat(b, "15:04:05.000000 ")
		case flags&log.Ltime != 0:
			b = t.AppendFormat(b, "15:04:05 ")
		}
	}
	file := pos
	if flags&log.Lshortfile != 0 {
		file = file[strings.LastIndexByte(file, '/')+1:]
	}
	b = append(b, file...)
	b = append(b, ": "...)
	if flags&log.Lmsgprefix != 0 {
		b = append(b, l.Prefix()...)
	}
	b = append(b, s...)
	if len(s) == 0 || s[len(s)-1] != '\n' {
		b = append(b, '\n')
	}
	logMu.Lock()
	defer logMu.Unlock()
	_, err := l.Writer().Write(b)
	return err
}

// cellsLogProcess makes the process's standard logger the cells' (New):
// Serve sets it, as the evaluator's process runs one evaluator. Compiled
// code logging with it then writes to the cell's stderr, in order, and a
// cell's slog.SetDefault, which sends the process's standard logger to the
// new handler, sends the cell's log.Print there too, as Go's does.
var cellsLogProcess bool

// logExports gives cells the evaluator's standard logger (the process's,
// in the evaluator's process: cellsLogProcess), which writes to the cell's
// stderr, as Yaegi's own did; but the hooks can reach this one, and
// log.Default returns it too (Yaegi's was another, which the cell's
// log.SetFlags did not change); and the log hooks, declared to format
// their operands as fmt's functions do, so that the interpreter hands them
// the notebook's values with their String and Error methods.
func (e *Evaluator) logExports() interp.Exports {
	l := e.stdLog
	syms := map[string]reflect.Value{
		"Default":   reflect.ValueOf(func() *log.Logger { return l }),
		"Flags":     reflect.ValueOf(l.Flags),
		"SetFlags":  reflect.ValueOf(l.SetFlags),
		"Prefix":    reflect.ValueOf(l.Prefix),
		"SetPrefix": reflect.ValueOf(l.SetPrefix),
		"Writer":    reflect.ValueOf(func() io.Writer { return logWriter(l) }),
		"SetOutput": reflect.ValueOf(l.SetOutput),
		"Output":    reflect.ValueOf(l.Output),
		"Print":     reflect.ValueOf(l.Print),
		"Printf":    reflect.ValueOf(l.Printf),
		"Println":   reflect.ValueOf(l.Println),
		"Panic":     reflect.ValueOf(l.Panic),
		"Panicf":    reflect.ValueOf(l.Panicf),
		"Panicln":   reflect.ValueOf(l.Panicln),
	}
	// The hooks go in the hooks' package, declared, as the standard
	// logger's printers are, to format their operands.
	hooks := e.logHooks()
	formats := std.MapTypes[reflect.ValueOf(fmt.Println)]
	mapTypes := map[reflect.Value][]reflect.Type{}
	for _, name := range []string{"Print", "Printf", "Println", "Panic", "Panicf", "Panicln"} {
		mapTypes[syms[name]] = formats
	}
	for name, f := range hooks {
		if name != "LogOutput" {
			mapTypes[f] = formats
		}
	}
	return interp.Exports{
		"log/log": syms,
		program.HooksPath + "/" + program.HooksName: hooks,
		".": {"MapTypes": reflect.ValueOf(mapTypes)},
	}
}
