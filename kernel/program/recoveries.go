package program

import "go/ast"

// endRecoveries tells the evaluator where each function that calls
// recover() begins and where it returns normally:
//
//	defer func() {                 defer func() { __goconc_rm := __goconc.RecoveryMark()
//		if r := recover(); ... {       if r := ...Recovered(recover(), ""); ... {
//			return                         __goconc.RecoveryDone(__goconc_rm); return
//		}                              }
//		log(r)                         log(r); __goconc.RecoveryDone(__goconc_rm)
//	}()                            }()
//
// Go prints, above an uncaught panic, the panics recovered on its way by
// calls that had not returned ("panic: boom [recovered]", then
// "\tpanic: wrapped: boom"; "[recovered, repanicked]" for panic(r)): a
// recovery is over when its function returns normally (the evaluator's
// panicchain.go).
func (g *gen) endRecoveries() {
	for _, fd := range g.rewritable() {
		ast.Inspect(fd, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.FuncDecl, *ast.FuncLit:
				if g.callsBuiltin(funcBody(n), "recover") {
					g.markRecovery(funcBody(n))
				}
			}
			return true
		})
	}
}

// callsBuiltin reports whether body calls the builtin named name (recover,
// panic) itself, not in a function literal.
func (g *gen) callsBuiltin(body *ast.BlockStmt, name string) bool {
	found := false
	if body != nil {
		ast.Inspect(body, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok || found {
				return false
			}
			if call, ok := n.(*ast.CallExpr); ok && g.isBuiltinNamed(call.Fun, name) {
				found = true
			}
			return true
		})
	}
	return found
}

func funcBody(fn ast.Node) *ast.BlockStmt {
	switch f := fn.(type) {
	case *ast.FuncDecl:
		return f.Body
	case *ast.FuncLit:
		return f.Body
	}
	return nil
}

// markRecovery writes the marks into body, the body of a function that
// calls recover().
func (g *gen) markRecovery(body *ast.BlockStmt) {
	if body == nil {
		return
	}
	done := HooksName + ".RecoveryDone(__goconc_rm); "
	g.prologue(body, " __goconc_rm := "+HooksName+".RecoveryMark(); defer "+HooksName+".RecoveryExit(__goconc_rm); ")
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			g.r.Before(x, done)
		}
		return true
	})
	if k := len(body.List); k == 0 || !isReturn(body.List[k-1]) {
		g.r.At(body, body.Rbrace, "; "+done)
	}
}

func isReturn(s ast.Stmt) bool {
	_, ok := s.(*ast.ReturnStmt)
	return ok
}
