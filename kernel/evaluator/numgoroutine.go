package evaluator

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/goconc/goconc/lib/stacks"
)

// runtime.NumGoroutine counts every goroutine of the process, and the
// evaluator's own (its server loop, the pipes of os.Stdout and os.Stderr,
// the memory watcher, the goroutine waiting for the interpreter) are
// there besides the program's: a lesson on leaks printed "start 9" where
// Go prints "start 1". programGoroutines counts the program's alone, from
// a dump of every goroutine's stack:
//
//   - a goroutine running interpreted code, but the one that waits for
//     Eval to return;
//   - one that the interpreter or a go statement's hook (GoFunc, GoCall)
//     started, running compiled code (go http.ListenAndServe(...));
//   - one that compiled code outside goconc started from one of those, or
//     from a goroutine since gone (a server's connections).
//
// The dump stops the world and writes every goroutine's stack:
// NumGoroutine costs 0.1 ms with a few goroutines and 90 ms with a
// thousand, where Go's costs nothing.
func programGoroutines() int {
	type goroutine struct {
		interp, evalCaller bool
		createdBy          string
		creator            int
	}
	all := map[int]*goroutine{}
	for _, block := range bytes.Split(stacks.All(), []byte("\n\n")) {
		lines := bytes.Split(bytes.TrimSpace(block), []byte("\n"))
		id, ok := goroutineID(lines[0])
		if !ok {
			continue
		}
		g := &goroutine{creator: -1}
		onlyEval := true
		for _, l := range lines[1:] {
			if len(l) == 0 || l[0] == '\t' {
				continue
			}
			if by, ok := bytes.CutPrefix(l, []byte("created by ")); ok {
				fn, from, _ := bytes.Cut(by, []byte(" in goroutine "))
				g.createdBy = string(fn)
				if n, err := strconv.Atoi(string(from)); err == nil {
					g.creator = n
				}
				continue
			}
			if bytes.HasPrefix(l, []byte(yaegiPrefix)) {
				g.interp = true
				onlyEval = onlyEval && bytes.HasPrefix(l, []byte(yaegiPrefix+"(*Interpreter).EvalWithContext"))
			}
		}
		g.evalCaller = g.interp && onlyEval
		all[id] = g
	}
	program := map[int]bool{}
	for id, g := range all {
		switch {
		case g.interp && !g.evalCaller,
			strings.HasPrefix(g.createdBy, yaegiPrefix),
			g.createdBy == evaluatorPrefix+"(*Evaluator).goFunc",
			g.createdBy == evaluatorPrefix+"(*Evaluator).goCall":
			program[id] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for id, g := range all {
			if program[id] || g.createdBy == "" || strings.HasPrefix(g.createdBy, goconcPrefix) {
				continue
			}
			if _, alive := all[g.creator]; !alive || program[g.creator] {
				program[id], changed = true, true
			}
		}
	}
	return max(1, len(program))
}

const (
	yaegiPrefix     = "github.com/traefik/yaegi/interp."
	goconcPrefix    = "github.com/goconc/goconc/"
	evaluatorPrefix = goconcPrefix + "kernel/evaluator."
)

// goroutineID parses "goroutine 7 [chan receive]:".
func goroutineID(line []byte) (int, bool) {
	rest, ok := bytes.CutPrefix(line, []byte("goroutine "))
	if !ok {
		return 0, false
	}
	num, _, _ := bytes.Cut(rest, []byte(" "))
	n, err := strconv.Atoi(string(num))
	return n, err == nil
}
