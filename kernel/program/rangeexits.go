package program

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// The body of a range over a function runs as a function literal
// (rangefunc.go), so a statement of it that leaves the loop for a place
// outside it (break or continue of an outer loop, goto, return, from a
// range over a function nested in another) cannot be written as it
// stands. It becomes a code in a variable of the outermost range over a
// function around it and a return false, which stops the iterator; after
// the call of each iterator it leaves, the code is taken up: a further
// return false while there are loops to leave, then the statement itself,
// where it means what it meant (gc's rangefunc rewrite does the same with
// its #next variable):
//
//	outer:
//	for _, row := range rows {
//		for v := range row.All() {
//			if v < 0 { continue outer }
//			if v > 9 { return v }
//		}
//	}
//
// becomes
//
//	{ var __next1 int; var __r2 int
//	outer:
//	for _, row := range rows {
//		row.All()(func(v int) bool {
//			if v < 0 { __next1 = 1; return false }
//			if v > 9 { { __r2 = v; __next1 = 2; return false } }
//			return true
//		}); if __next1 != 0 { if __next1 == 1 { __next1 = 0; continue outer }; if __next1 == 2 { return __r2 } }
//	} }
//
// A return's values go into temporaries as it runs (named results too:
// the function's deferred calls see them assigned when it returns, as
// Go's return assigns them before they run).

// rangeExit is a statement of a range-over-function body that leaves the
// loop, or the ranges over functions around it.
type rangeExit struct {
	stmt ast.Stmt // a *ast.BranchStmt or *ast.ReturnStmt
	// left are the ranges over functions it leaves, innermost first: the
	// first one's body holds it.
	left []*ast.RangeStmt
	// to is the range over a function it breaks or continues, if that is
	// what it does (the one around left's last, or the one holding it).
	to   *ast.RangeStmt
	code int // the nest's value for it (1 on), when left is not empty
}

// rangeNest is what the ranges over functions inside one outermost range
// over a function share.
type rangeNest struct {
	root    *ast.RangeStmt
	fn      *types.Signature // of the function around it, nil if unknown
	next    string           // the variable of the exit taken
	results []string         // temporaries of fn's results, for returns
	// resultTypes are their types, as the nest's code writes them.
	resultTypes []string
	codes       int
	// gotos are the labels a goto of the function names.
	gotos map[string]bool
}

// rangeLoop is what one range over a function has to write about exits.
type rangeLoop struct {
	nest  *rangeNest
	state string       // the variable of its state, "" if it keeps none
	own   []*rangeExit // in its body, not in a range over a function inside it
	// through are the exits that leave it from a range over a function
	// inside it: taken up after that one's call.
	through []*rangeExit
}

// rangeLoops returns, for each range over a function of the rewritable
// functions, its exits.
func (g *gen) rangeLoops() map[*ast.RangeStmt]*rangeLoop {
	if g.rangeExits != nil {
		return g.rangeExits
	}
	g.rangeExits = map[*ast.RangeStmt]*rangeLoop{}
	for _, fd := range g.rewritable() {
		var sig *types.Signature
		if fn, ok := g.c.info.Defs[fd.Name].(*types.Func); ok {
			sig = fn.Signature()
		}
		g.findRangeExits(fd.Body, sig)
	}
	return g.rangeExits
}

// findRangeExits finds the exits of the ranges over functions of one
// function's body (and, apart, of the function literals in it).
func (g *gen) findRangeExits(body *ast.BlockStmt, sig *types.Signature) {
	labels := map[string]*ast.LabeledStmt{}
	gotos := map[string]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.LabeledStmt:
			labels[x.Label.Name] = x
		case *ast.BranchStmt:
			if x.Tok == token.GOTO {
				gotos[x.Label.Name] = true
			}
		}
		return true
	})
	var stack []ast.Node
	nests := map[*ast.RangeStmt]*rangeNest{}
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		switch x := n.(type) {
		case *ast.FuncLit:
			lit, _ := g.c.info.TypeOf(x).(*types.Signature)
			g.findRangeExits(x.Body, lit)
			return false
		case *ast.RangeStmt:
			if g.overFunc(x) {
				loop := &rangeLoop{}
				g.rangeExits[x] = loop
				root := x
				for _, a := range stack {
					if r, ok := a.(*ast.RangeStmt); ok && g.overFunc(r) {
						root = r
						break
					}
				}
				if nests[root] == nil {
					nests[root] = &rangeNest{root: root, fn: sig, gotos: gotos}
				}
				loop.nest = nests[root]
			}
		case *ast.BranchStmt, *ast.ReturnStmt:
			g.rangeExit(x.(ast.Stmt), stack, labels)
		}
		stack = append(stack, n)
		return true
	})
}

// rangeExit records s, with the nodes around it in its function, if it
// leaves a range over a function.
func (g *gen) rangeExit(s ast.Stmt, stack []ast.Node, labels map[string]*ast.LabeledStmt) {
	var target ast.Node // nil: the function
	if b, ok := s.(*ast.BranchStmt); ok {
		switch {
		case b.Tok == token.FALLTHROUGH:
			return
		case b.Label != nil:
			l := labels[b.Label.Name]
			if l == nil {
				return
			}
			target = l
			if b.Tok != token.GOTO {
				target = l.Stmt
			}
		default:
			for i := len(stack) - 1; i >= 0 && target == nil; i-- {
				switch stack[i].(type) {
				case *ast.ForStmt, *ast.RangeStmt:
					target = stack[i]
				case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
					if b.Tok == token.BREAK {
						target = stack[i]
					}
				}
			}
			if target == nil {
				return
			}
		}
	}
	e := &rangeExit{stmt: s}
	for i := len(stack) - 1; i >= 0; i-- {
		r, ok := stack[i].(*ast.RangeStmt)
		if !ok || !g.overFunc(r) {
			continue
		}
		if target == r {
			e.to = r
			break
		}
		if target != nil && r.Body.Pos() <= target.Pos() && target.End() <= r.Body.End() {
			break
		}
		e.left = append(e.left, r)
	}
	if len(e.left) == 0 && e.to == nil {
		return
	}
	inner := e.to
	if len(e.left) > 0 {
		inner = e.left[0]
	}
	loop := g.rangeExits[inner]
	loop.own = append(loop.own, e)
	if len(e.left) > 0 {
		nest := loop.nest
		nest.codes++
		e.code = nest.codes
		for _, r := range e.left[1:] {
			g.rangeExits[r].through = append(g.rangeExits[r].through, e)
		}
	}
}

// overFunc reports whether rs ranges over a function.
func (g *gen) overFunc(rs *ast.RangeStmt) bool {
	t := g.c.info.TypeOf(rs.X)
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// rangeText is what a range over a function writes around its call and
// its body, besides the call itself.
type rangeText struct {
	open   string // before the call: declarations
	enter  string // at the start of the body
	leave  string // at its end, before return true
	closes string // after the call: checks, the exits taken up
}

// iteratorChecks writes the checks gc makes that an iterator calls the
// body only while the loop runs, and does not swallow a panic of it (a
// state per loop: ready, running or panicked, done, exhausted), unless
// the iterator is the standard library's, which obeys the rules.
func (g *gen) iteratorChecks(rs *ast.RangeStmt) bool {
	call, ok := ast.Unparen(rs.X).(*ast.CallExpr)
	if !ok {
		return true
	}
	if f := g.calledFunc(call); f != nil && f.Pkg() != nil && f.Pkg() != g.c.pkg {
		return false
	}
	// (An instance of a generic function of the standard library is a
	// copy of its source in the notebook: slicesᐧValuesᐸsliceintᐳ, shown
	// slices.Values[[]int].)
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if shown, ok := g.p.names.Display(id.Name); ok {
			name, _, _ := strings.Cut(shown, "[")
			return !strings.Contains(name, ".")
		}
	}
	return true
}

// state returns the statement setting rs's state to v (gc's abi.RF_*),
// "" if the loop keeps none.
func (g *gen) state(rs *ast.RangeStmt, v int) string {
	loop := g.rangeLoops()[rs]
	if loop == nil || loop.state == "" {
		return ""
	}
	return fmt.Sprintf("%s = %d; ", loop.state, v)
}

// gc's states of a range over a function (internal/abi.RF_State).
const (
	rangeDone      = 0 // the body returned false
	rangeReady     = 1 // the body is not running
	rangePanic     = 2 // the body is running, or panicked
	rangeExhausted = 3 // the iterator returned
	rangeNoRepanic = 4 // the iterator returned while the body panicked
)

// writeRange replaces the exits in rs's body and returns what goes
// around its call.
func (g *gen) writeRange(rs *ast.RangeStmt) (rangeText, bool) {
	var t rangeText
	loop := g.rangeLoops()[rs]
	if loop == nil {
		return t, true
	}
	if g.iteratorChecks(rs) {
		loop.state = g.r.Temp("state")
		t.open = fmt.Sprintf("var %s = %d; ", loop.state, rangeReady)
		t.enter = fmt.Sprintf("if %s != %d { __goconc_s := %s; %s = %d; %s.RangeState(__goconc_s) }; %s = %d; ",
			loop.state, rangeReady, loop.state, loop.state, rangePanic, HooksName, loop.state, rangePanic)
		t.leave = g.state(rs, rangeReady)
		t.closes = fmt.Sprintf("; if %s == %d { %s.RangeState(%d) }; %s = %d",
			loop.state, rangePanic, HooksName, rangeNoRepanic, loop.state, rangeExhausted)
	}
	nest := loop.nest
	if nest.codes > 0 && nest.next == "" {
		nest.next = g.r.Temp("next")
		if nest.fn != nil {
			if typs, ok := g.localTypes(nest.fn.Results()); ok {
				for _, typ := range typs {
					nest.results = append(nest.results, g.r.Temp("r"))
					nest.resultTypes = append(nest.resultTypes, typ)
				}
			}
		}
	}
	for _, e := range loop.own {
		if len(e.left) == 0 {
			text := "{ " + g.state(rs, rangeDone) + "return false }"
			if e.stmt.(*ast.BranchStmt).Tok == token.CONTINUE {
				text = "{ " + g.state(rs, rangeReady) + "return true }"
			}
			g.r.Replace(e.stmt, func() string { return text })
			continue
		}
		ret, isReturn := e.stmt.(*ast.ReturnStmt)
		if isReturn && len(ret.Results) > 0 && len(nest.results) == 0 {
			return t, false
		}
		after := fmt.Sprintf("%s = %d; %sreturn false }", nest.next, e.code, g.state(rs, rangeDone))
		g.r.Replace(e.stmt, func() string {
			// (The values as the rules after this one write them, one
			// assignment each: the interpreter's a, b = f(), true left
			// b false.)
			set := ""
			switch {
			case !isReturn || len(ret.Results) == 0:
			case len(ret.Results) == len(nest.results):
				for i, v := range ret.Results {
					set += nest.results[i] + " = " + g.r.Source(v) + "; "
				}
			default: // return f(), f of several results
				set = strings.Join(nest.results, ", ") + " = " + g.r.Source(ret.Results[0]) + "; "
			}
			return "{ " + set + after
		})
	}
	var takeUp []string
	for _, e := range append(loop.own, loop.through...) {
		if len(e.left) == 0 {
			continue
		}
		takeUp = append(takeUp, fmt.Sprintf("if %s == %d { %s }", nest.next, e.code, g.exitTakenUp(e, rs, nest)))
	}
	if len(takeUp) > 0 {
		t.closes += fmt.Sprintf("; if %s != 0 { %s }", nest.next, strings.Join(takeUp, "; "))
	}
	if rs == nest.root && nest.next != "" {
		t.open += "var " + nest.next + " int; "
		for i, r := range nest.results {
			t.open += "var " + r + " " + nest.resultTypes[i] + "; "
		}
	}
	return t, true
}

// exitTakenUp is what e does after the call of rs, one of the loops it
// leaves: leave the loop around rs too, or, from the last, what e meant.
func (g *gen) exitTakenUp(e *rangeExit, rs *ast.RangeStmt, nest *rangeNest) string {
	for i, r := range e.left[:len(e.left)-1] {
		if r == rs {
			return g.state(e.left[i+1], rangeDone) + "return false"
		}
	}
	clear := nest.next + " = 0; "
	switch s := e.stmt.(type) {
	case *ast.ReturnStmt:
		if len(s.Results) == 0 {
			return "return"
		}
		return "return " + strings.Join(nest.results, ", ")
	case *ast.BranchStmt:
		if e.to != nil {
			if s.Tok == token.CONTINUE {
				return clear + g.state(e.to, rangeReady) + "return true"
			}
			return clear + g.state(e.to, rangeDone) + "return false"
		}
		return clear + g.r.Text(s)
	}
	return ""
}
