package stdsource

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
)

// Patches replaces functions of source packages that the interpreter
// cannot run as Go wrote them, by package path and function name: their
// body is in the runtime (maps.clone, iter's coroutines) or uses unsafe,
// which cells cannot import. Each replacement has the same signature and
// means the same to a caller.
var Patches = map[string]map[string]string{
	"maps": {
		// The runtime clones a map by copying its buckets; a loop gives
		// the same map.
		"clone": `func clone(m any) any { panic("unreachable: goconc's maps.Clone copies with a loop") }`,
		"Clone": `func Clone[M ~map[K]V, K comparable, V any](m M) M {
	// Preserve nil in case it matters.
	if m == nil {
		return nil
	}
	r := make(M, len(m))
	for k, v := range m {
		r[k] = v
	}
	return r
}`,
	},
	"slices": {
		// Without unsafe, two slices are known to share an array when the
		// last element of their capacity is the same: then their places
		// in it are known too. (Slices cut with a capacity, s[i:j:k], are
		// not seen to share; Insert and Replace then copy the simple way.)
		"overlaps": `func overlaps[E any](a, b []E) bool {
	if len(a) == 0 || len(b) == 0 || &a[:cap(a)][cap(a)-1] != &b[:cap(b)][cap(b)-1] {
		return false
	}
	aStart, bStart := -cap(a), -cap(b)
	return aStart < bStart+len(b) && bStart < aStart+len(a)
}`,
	},
	"errors": {
		// The interpreter's assertions to interfaces miss the methods of
		// compiled errors (fmt's %w, errors.Join): after looking at the
		// notebook's own errors as Go does, the compiled errors.As looks
		// at the compiled ones (it panics on a target of a notebook type,
		// which the first part has looked for already).
		"asType": `func asType[E error](err error, ppe **E) (_ E, _ bool) {
	if *ppe == nil {
		*ppe = new(E)
	}
	if e, ok := asNotebook(err, ppe); ok {
		return e, true
	}
	found := false
	func() {
		defer func() { recover() }()
		found = errors.As(err, *ppe)
	}()
	if found {
		return **ppe, true
	}
	return
}

func asNotebook[E error](err error, ppe **E) (_ E, _ bool) {
	for {
		if e, ok := err.(E); ok {
			return e, true
		}
		if x, ok := err.(interface{ As(any) bool }); ok {
			if *ppe == nil {
				*ppe = new(E)
			}
			if x.As(*ppe) {
				return **ppe, true
			}
		}
		if x, ok := err.(interface{ Unwrap() error }); ok {
			err = x.Unwrap()
			if err == nil {
				return
			}
			continue
		}
		if x, ok := err.(interface{ Unwrap() []error }); ok {
			for _, err := range x.Unwrap() {
				if err == nil {
					continue
				}
				if x, ok := asNotebook(err, ppe); ok {
					return x, true
				}
			}
		}
		return
	}
}`,
	},
	"iter": {
		// Go runs the sequence as a coroutine (runtime.coroswitch), which
		// the interpreter has not; a goroutine taking turns with the
		// caller over channels gives the same values in the same order.
		"Pull": `func Pull[V any](seq Seq[V]) (next func() (V, bool), stop func()) {
	var (
		v        V
		done     bool
		started  bool
		panicked any
	)
	resume := make(chan bool)
	yielded := make(chan bool)
	run := func() {
		defer func() {
			if p := recover(); p != nil {
				panicked = p
			}
			done = true
			yielded <- false
		}()
		if !<-resume {
			return
		}
		seq(func(x V) bool {
			if done {
				panic("iter.Pull: yield called after stop")
			}
			v = x
			yielded <- true
			return <-resume
		})
	}
	next = func() (V, bool) {
		var zero V
		if done {
			return zero, false
		}
		if !started {
			started = true
			go run()
		}
		resume <- true
		if <-yielded {
			return v, true
		}
		if p := panicked; p != nil {
			panicked = nil
			panic(p)
		}
		return zero, false
	}
	stop = func() {
		if done {
			return
		}
		if !started {
			done = true
			return
		}
		resume <- false
		<-yielded
		if p := panicked; p != nil {
			panicked = nil
			panic(p)
		}
	}
	return next, stop
}`,
		// The key travels beside the value: it is written before the
		// value is handed over, and read after.
		"Pull2": `func Pull2[K, V any](seq Seq2[K, V]) (next func() (K, V, bool), stop func()) {
	var key K
	n, s := Pull(func(yield func(V) bool) {
		seq(func(k K, v V) bool {
			key = k
			return yield(v)
		})
	})
	next = func() (K, V, bool) {
		v, ok := n()
		if !ok {
			var zero K
			return zero, v, false
		}
		return key, v, true
	}
	return next, s
}`,
	},
}

// patch returns the source of file name of package path with its patched
// functions replaced. A replacement shorter than the original is padded
// with empty lines, so the lines after it keep their numbers.
func patch(path, name, src string) string {
	repl := Patches[path]
	if len(repl) == 0 {
		return src
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		return src
	}
	type cut struct {
		start, end int
		text       string
	}
	var cuts []cut
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil {
			continue
		}
		text, ok := repl[fd.Name.Name]
		if !ok {
			continue
		}
		start, end := fset.Position(fd.Pos()).Offset, fset.Position(fd.End()).Offset
		if n := strings.Count(src[start:end], "\n") - strings.Count(text, "\n"); n > 0 {
			text += strings.Repeat("\n", n)
		}
		cuts = append(cuts, cut{start, end, text})
	}
	for i := len(cuts) - 1; i >= 0; i-- {
		c := cuts[i]
		src = src[:c.start] + c.text + src[c.end:]
	}
	return src
}
