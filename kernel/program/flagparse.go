package program

import "go/ast"

// flagSetParses makes a FlagSet's Parse a hook's:
//
//	fs.Parse(os.Args[2:])    __goconc.FlagSetParse(fs, os.Args[2:])
//
// A FlagSet made with flag.ExitOnError prints its error and usage and
// then calls os.Exit itself, from compiled code: the process ended before
// the evaluator had read the end of what it printed, which was lost. The
// hook parses as a FlagSet that returns the error, and then ends the
// program as os.Exit in a cell does, once the output is written
// (flag.Parse itself is the evaluator's, kernel/evaluator's exits).
func (g *gen) flagSetParses() {
	g.calls(func(call *ast.CallExpr, name string) {
		if name == "(*flag.FlagSet).Parse" && len(call.Args) == 1 {
			g.methodCallAsHook(call, "FlagSetParse")
		}
	})
}
