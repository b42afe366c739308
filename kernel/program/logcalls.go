package program

import (
	"go/ast"
	"go/types"
)

// logCalls calls the log package's printing functions, and *log.Logger's
// printing methods, through hooks given the call's position in the cell:
//
//	log.Printf("n=%d", n)    __goconc.LogPrintf(nil, "[3]:4", "n=%d", n)
//	l.Fatal(err)             __goconc.LogFatal(l, "[3]:7", err)
//
// A logger with Lshortfile or Llongfile takes the file and line from the
// stack, where the interpreter's own are ("value.go:586: hello"), and a
// logger's Fatal ended the evaluator before what the cell had printed was
// written (the evaluator's logs.go). The arguments stay where they are, as
// the other rules wrote them.
func (g *gen) logCalls() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return true
		}
		fn, ok := g.c.info.Uses[sel.Sel].(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "log" || !logPrinters[fn.Name()] {
			return true
		}
		hook := HooksName + ".Log" + fn.Name() + "("
		where := g.where(call.Pos())
		if recv := fn.Signature().Recv(); recv != nil {
			// l.Printf(...): a method of *log.Logger, called on a pointer,
			// or promoted from an embedded Logger (job.Println, Effective
			// Go's Job): the hook gets the Logger, job.Logger.
			amp, path := g.promotedReceiver(sel)
			if path == "" {
				if _, ptr := g.c.info.TypeOf(sel.X).Underlying().(*types.Pointer); !ptr {
					return true
				}
			}
			g.r.Before(sel.X, hook+amp)
			g.r.ReplaceRange(sel.X.End(), call.Lparen+1, path+", "+where+", ")
			return true
		}
		g.r.ReplaceRange(call.Fun.Pos(), call.Lparen+1, hook+"nil, "+where+", ")
		return true
	})
}

// logPrinters are the names of the log package's functions, and of
// *log.Logger's methods, that print a line (the evaluator's hooks are
// these names after Log).
var logPrinters = map[string]bool{
	"Print": true, "Printf": true, "Println": true,
	"Fatal": true, "Fatalf": true, "Fatalln": true,
	"Panic": true, "Panicf": true, "Panicln": true,
	"Output": true,
}
