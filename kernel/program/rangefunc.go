package program

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// Yaegi v0.16.1 cannot range over a function (Go 1.23 iterators). Such a
// loop becomes a call of the iterator with the body as its yield function:
//
//	for k, v := range seq { body }
//
// becomes
//
//	seq(func(k K, v V) bool { body; return true })
//
// where a break of the loop returns false and a continue returns true. A
// return from the enclosing function keeps its values and stops the
// iterator; the function returns them once the iterator has returned, as
// Go's compiler lowers it:
//
//	var __next int; var __r0 T
//	seq(func(v V) bool { if v > 3 { __r0 = v; __next = 1; return false }; return true })
//	if __next != 0 { if __next == 1 { return __r0 } }
//
// A defer in the body (or in a range over a function inside it) goes onto
// a list the enclosing function runs when it returns. A statement that
// leaves the body for a place outside it (goto, a branch of an outer loop,
// a return from ranges over functions nested two deep) and the checks
// that the iterator obeys the rules are rangeexits.go's.
func (g *gen) rangeFuncs() {
	g.inspect(func(n ast.Node, label *ast.LabeledStmt) bool {
		if x, ok := n.(*ast.RangeStmt); ok && g.overFunc(x) {
			g.rangeFunc(x, label, g.c.info.TypeOf(x.X).Underlying().(*types.Signature))
		}
		return true
	})
}

func (g *gen) rangeFunc(rs *ast.RangeStmt, label *ast.LabeledStmt, sig *types.Signature) {
	yield, ok := sig.Params().At(0).Type().Underlying().(*types.Signature)
	if !ok {
		return
	}
	labelName := ""
	var node ast.Node = rs
	if label != nil {
		labelName, node = label.Label.Name, label
	}
	_, defers := g.loopBranches(rs.Body, labelName)
	text, ok := g.writeRange(rs)
	if !ok {
		g.cannotRun(rs.Pos(), "goconc cannot write the results of the function around this range over a function, which returns from within it")
		return
	}
	// Defers: onto a list the function runs when it returns, from a
	// deferred call made where the loop starts (so after what is deferred
	// later, before what was deferred earlier), last first.
	// The outermost loop takes the defers of the loops inside it too.
	var mine []*ast.DeferStmt
	for _, ds := range defers {
		if !g.rangeDeferred[ds] {
			mine = append(mine, ds)
		}
	}
	if len(mine) > 0 {
		list := g.r.Temp("defers")
		recovers := false
		for _, ds := range mine {
			recovers = recovers || g.deferRecovers(ds.Call) != ""
		}
		run := fmt.Sprintf("for i := len(%s) - 1; i >= 0; i-- { %s[i]() }", list, list)
		if recovers {
			p := g.r.Temp("p")
			run = fmt.Sprintf("%s := %s.RangeDefers(recover()); defer %s.Pop(); %s; %s.Repanic()", p, HooksName, p, run, p)
		}
		text.open += fmt.Sprintf("var %s []func(); defer func() { %s }(); ", list, run)
		if g.rangeDeferred == nil {
			g.rangeDeferred = map[*ast.DeferStmt]bool{}
		}
		for _, ds := range mine {
			g.rangeDeferred[ds] = true
			g.r.Replace(ds, func() string { return g.deferredOnto(list, ds.Call) })
		}
	}
	var params, assigns []string
	for i, e := range []ast.Expr{rs.Key, rs.Value} {
		if i >= yield.Params().Len() {
			break
		}
		typ, ok := g.localType(yield.Params().At(i).Type())
		if !ok {
			return
		}
		name := "_"
		if id, isID := e.(*ast.Ident); isID && rs.Tok == token.DEFINE {
			name = id.Name
		} else if e != nil && rs.Tok == token.ASSIGN {
			name = g.r.Temp("y")
			assigns = append(assigns, fmt.Sprintf("%s = %s; ", g.r.Source(e), name))
		}
		params = append(params, name+" "+typ)
	}
	for i := len(params); i < yield.Params().Len(); i++ {
		typ, ok := g.localType(yield.Params().At(i).Type())
		if !ok {
			return
		}
		params = append(params, "_ "+typ)
	}
	keep := ""
	if label != nil && g.rangeLoops()[rs].nest.gotos[labelName] {
		keep = labelName + ": "
	}
	g.r.Replace(node, func() string {
		return fmt.Sprintf("%s{ %s%s(func(%s) bool { %s%s{ %s }; %sreturn true })%s }", keep, text.open, g.r.Source(rs.X), strings.Join(params, ", "),
			text.enter, strings.Join(assigns, ""), g.bodyText(rs.Body), text.leave, text.closes)
	})
}

// A deferred call of a range-over-function body recovers as one of the
// function around the loop: in Go its recover() stops a panic of that
// function. The interpreter's recover() finds a panic only from a literal
// deferred in place; the list's runner is one, so it takes the panic and
// leaves it for the deferred calls (as rewriteDefers does for a deferred
// call of a notebook function), and raises it again if none takes it:
//
//	defer func() { __p := RangeDefers(recover()); defer __p.Pop(); for ... { __defers1[i]() }; __p.Repanic() }()
//	...
//	__defers1 = append(__defers1, func() { AllowRecover("main.handle"); handle() })
//
// Each call, as it runs, names the function whose recover() may take it:
// the notebook function deferred, or, for a literal, rangeDeferRecover,
// which its recover() calls name (rewriteBuiltins).

// rangeDeferRecover is the function name that the recover() calls of a
// literal deferred in a range-over-function body give Recovered.
const rangeDeferRecover = "goconc: a literal deferred in a range over a function"

// deferRecovers returns the name of the function whose recover() a
// deferred call of a range-over-function body runs, if it may recover.
func (g *gen) deferRecovers(call *ast.CallExpr) string {
	if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		if g.callsBuiltin(lit.Body, "recover") {
			return rangeDeferRecover
		}
		return ""
	}
	return g.recoveringName(call)
}

// rangeDeferRecovers are the recover() calls of literals deferred in a
// range-over-function body (see deferredOnto), or in a loop whose
// variables they use (see closesOverLoopVars).
func (g *gen) rangeDeferRecovers() map[*ast.CallExpr]bool {
	if g.rangeRecovers == nil {
		g.rangeRecovers = map[*ast.CallExpr]bool{}
		deferred := g.rangeFuncDefers()
		for _, fd := range g.rewritable() {
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if ds, ok := n.(*ast.DeferStmt); ok && g.closesOverLoopVars(fd.Body, ds) {
					deferred[ds] = true
				}
				return true
			})
		}
		for ds := range deferred {
			lit, ok := ast.Unparen(ds.Call.Fun).(*ast.FuncLit)
			if !ok {
				continue
			}
			ast.Inspect(lit.Body, func(n ast.Node) bool {
				if _, ok := n.(*ast.FuncLit); ok {
					return false
				}
				if c, ok := n.(*ast.CallExpr); ok && g.isBuiltinNamed(c.Fun, "recover") {
					g.rangeRecovers[c] = true
				}
				return true
			})
		}
	}
	return g.rangeRecovers
}

// deferredOnto writes defer f(x) of a range-over-function body as an
// append to list of a call of f with x, both evaluated now.
func (g *gen) deferredOnto(list string, call *ast.CallExpr) string {
	var tmps, vals, args []string
	fun := g.r.Source(call.Fun)
	allow := g.deferRecovers(call)
	if _, lit := ast.Unparen(call.Fun).(*ast.FuncLit); !lit && (allow != "" || !g.isNotebookFunc(call.Fun)) {
		t := g.r.Temp("f")
		tmps, vals, fun = append(tmps, t), append(vals, fun), t
	}
	for _, a := range call.Args {
		t := g.r.Temp("a")
		tmps, vals, args = append(tmps, t), append(vals, g.r.Source(a)), append(args, t)
	}
	ell := ""
	if call.Ellipsis.IsValid() {
		ell = "..."
	}
	body := fmt.Sprintf("%s(%s%s)", fun, strings.Join(args, ", "), ell)
	if allow != "" {
		body = fmt.Sprintf("%s.AllowRecover(%s); %s", HooksName, strconv.Quote(allow), body)
	}
	app := fmt.Sprintf("%s = append(%s, func() { %s })", list, list, body)
	if len(tmps) == 0 {
		return app
	}
	return fmt.Sprintf("{ %s; %s }", defineAll(tmps, vals), app)
}

// loopBranches returns the break and continue statements of a loop body
// that leave or continue the loop itself (labelled label, if not ""), and
// its defer statements.
func (g *gen) loopBranches(body *ast.BlockStmt, label string) ([]*ast.BranchStmt, []*ast.DeferStmt) {
	var out []*ast.BranchStmt
	var defers []*ast.DeferStmt
	var walk func(n ast.Node, inLoop, inSwitch bool)
	walk = func(n ast.Node, inLoop, inSwitch bool) {
		ast.Inspect(n, func(c ast.Node) bool {
			if c == nil {
				return false
			}
			switch x := c.(type) {
			case *ast.FuncLit:
				return false // its own function
			case *ast.DeferStmt:
				defers = append(defers, x)
			case *ast.ForStmt:
				if c != n {
					walk(x.Body, true, false)
					return false
				}
			case *ast.RangeStmt:
				if c != n {
					walk(x.Body, true, false)
					return false
				}
			case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if c != n {
					var b *ast.BlockStmt
					switch s := x.(type) {
					case *ast.SwitchStmt:
						b = s.Body
					case *ast.TypeSwitchStmt:
						b = s.Body
					case *ast.SelectStmt:
						b = s.Body
					}
					walk(b, inLoop, true)
					return false
				}
			case *ast.BranchStmt:
				switch {
				case x.Tok == token.GOTO, x.Tok == token.FALLTHROUGH:
				case x.Label != nil:
					if x.Label.Name == label {
						out = append(out, x)
					}
				case x.Tok == token.BREAK && !inLoop && !inSwitch, x.Tok == token.CONTINUE && !inLoop:
					out = append(out, x)
				}
			}
			return true
		})
	}
	walk(body, false, false)
	return out, defers
}
