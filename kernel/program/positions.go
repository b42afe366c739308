package program

import (
	"go/ast"
	"go/types"
	"strings"
)

// blockingMethods are the methods of lib's primitives that may wait for
// another goroutine.
var blockingMethods = map[string]bool{
	"Lock": true, "RLock": true, "Wait": true, "Do": true, "Acquire": true, "Go": true,
}

// markBlockingCalls tells the evaluator which cell line runs before each
// statement that calls a primitive that may block (mu.Lock(), wg.Wait()):
// compiled code cannot see where the interpreter is, and deadlock reports
// and timelines must name the cell line, not a place in the interpreter.
func (g *gen) markBlockingCalls(inList map[ast.Stmt]bool) {
	for _, fd := range g.rewritable() {
		var stack []ast.Node
		marked := map[ast.Stmt]bool{}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			stack = append(stack, n)
			call, ok := n.(*ast.CallExpr)
			if !ok || !g.blockingCall(call) {
				return true
			}
			stmt := enclosingListed(stack, inList)
			if stmt == nil || marked[stmt] {
				return true
			}
			marked[stmt] = true
			g.r.Before(stmt, HooksName+".At("+g.where(call.Pos())+"); ")
			return true
		})
	}
}

// blockingCall reports whether call calls a blocking method of one of
// lib's primitives, directly or through an interface (sync.Locker), or
// starts a goroutine later (time.AfterFunc).
func (g *gen) blockingCall(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	if sel.Sel.Name == "AfterFunc" {
		// time.AfterFunc: its goroutine is shown started here.
		fn, ok := g.c.info.Uses[sel.Sel].(*types.Func)
		return ok && fn.Pkg() != nil && fn.Pkg().Path() == "time"
	}
	if !blockingMethods[sel.Sel.Name] {
		return false
	}
	s := g.c.info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return false
	}
	fn, ok := s.Obj().(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	return strings.HasPrefix(fn.Pkg().Path(), "github.com/goconc/goconc/lib/")
}

// enclosingListed returns the innermost statement of stack that sits in a
// statement list (where another statement can go before it); a labeled
// statement keeps its label in front.
func enclosingListed(stack []ast.Node, inList map[ast.Stmt]bool) ast.Stmt {
	for i := len(stack) - 1; i >= 0; i-- {
		s, ok := stack[i].(ast.Stmt)
		if !ok || !inList[s] {
			continue
		}
		if i > 0 {
			if l, ok := stack[i-1].(*ast.LabeledStmt); ok {
				return l
			}
		}
		return s
	}
	return nil
}
