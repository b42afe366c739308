package program

import (
	"go/ast"
	"go/types"
	"strings"
)

// keepResultBoxes hands compiled code the interpreter's box of a value
// that an interpreted call returns in an interface:
//
//	fmt.Printf("%T %v\n", f(), f()) // f returns an any holding a MyInt
//
// becomes
//
//	fmt.Printf("%T %v\n", []any{f()}[0], []any{f()}[0])
//
// Yaegi passes a call's result on to a compiled function without its box
// (a variable's it passes whole), so %T said int and Println did not call
// MyInt's String method. An element of a slice keeps its box. It runs
// after the rules that wrap arguments in hooks, so that the hooks get the
// element.
func (g *gen) keepResultBoxes() {
	if !g.hasBoxedTypes() {
		return
	}
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		if call, ok := n.(*ast.CallExpr); ok && g.compiled(call.Fun) {
			for _, arg := range call.Args {
				if g.interpretedResult(arg) && !g.keptBoxes[arg] {
					g.r.Before(arg, "[]any{")
					g.r.After(arg, "}[0]")
				}
			}
		}
		return true
	})
}

// boxKept marks arg as handed to compiled code in a way that keeps its
// box: keepResultBoxes leaves it.
func (g *gen) boxKept(arg ast.Expr) {
	if g.keptBoxes == nil {
		g.keptBoxes = map[ast.Expr]bool{}
	}
	g.keptBoxes[arg] = true
}

// interpretedResult reports whether e is a call of an interpreted function
// (the notebook's, a function value, or container/heap's lowered by
// heapCalls) whose one result is an interface that is not a compiled
// package's.
func (g *gen) interpretedResult(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || g.c.info.Types[call.Fun].IsType() {
		return false
	}
	if _, lowered := g.heapCall(call); g.compiled(call.Fun) && !lowered {
		return false
	}
	if _, builtin := g.callee(call.Fun).(*types.Builtin); builtin {
		return false
	}
	t := g.c.info.TypeOf(call)
	return t != nil && isInterface(t) && !compiledNamed(t)
}

// unboxedArgs hands an interpreted function a call's result for a
// parameter of one of the notebook's interfaces in parentheses:
//
//	describe(makeShape(2)) // describe(s Shape); makeShape returns a Shape
//
// becomes
//
//	describe((makeShape(2)))
//
// Yaegi boxes the results of a call that is an argument of an interpreted
// call again, in a box naming the parameter's interface, where it unboxes
// any other expression first: in describe, s.(Sq) was false and a type
// switch on s took its default, silently. A call whose several results
// are the arguments (takeTwo(two())) had each result boxed so ("reflect:
// Call using interp.valueInterface as type int"): they go into variables
// first, in a function literal (not for go and defer, whose call is
// deferred whole).
func (g *gen) unboxedArgs() {
	deferred := g.goAndDeferCalls()
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		switch x := n.(type) {
		case *ast.CallExpr:
			sig, ok := g.interpretedCall(x)
			if !ok || !g.takesInterpretedInterface(sig) {
				return true
			}
			if len(x.Args) == 1 && sig.Params().Len() > 1 && !x.Ellipsis.IsValid() {
				g.spreadResults(x, sig, deferred[x])
				return true
			}
			for _, arg := range x.Args {
				// (A receive too: the rules write it as a call.)
				if !plainOperand(arg) && interpretedMethods(g.c.info.TypeOf(arg)) {
					g.r.Before(arg, "(")
					g.r.After(arg, ")")
				}
			}
		}
		return true
	})
}

// interpretedCall returns the signature of the function call calls, if it
// is one the interpreter runs (not a conversion, a builtin or a compiled
// package's function).
func (g *gen) interpretedCall(call *ast.CallExpr) (*types.Signature, bool) {
	if g.c.info.Types[call.Fun].IsType() || g.compiled(call.Fun) {
		return nil, false
	}
	if _, builtin := g.callee(call.Fun).(*types.Builtin); builtin {
		return nil, false
	}
	t := g.c.info.TypeOf(call.Fun)
	if t == nil {
		return nil, false
	}
	sig, ok := t.Underlying().(*types.Signature)
	return sig, ok
}

// takesInterpretedInterface reports whether one of sig's parameters is an
// interface the interpreter keeps as its own.
func (g *gen) takesInterpretedInterface(sig *types.Signature) bool {
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if s, ok := t.(*types.Slice); ok && sig.Variadic() && i == sig.Params().Len()-1 {
			t = s.Elem()
		}
		if interpretedMethods(t) {
			return true
		}
	}
	return false
}

// interpretedMethods reports whether t is an interface with methods that
// the interpreter keeps as its own: not error nor a compiled package's.
func interpretedMethods(t types.Type) bool {
	if t == nil || !isInterface(t) || compiledNamed(t) || isEmptyInterface(t) {
		return false
	}
	return !types.Identical(t, types.Universe.Lookup("error").Type())
}

// spreadResults writes f(g()), g's several results f's arguments, with
// the results in variables first: in a function literal called in its
// place, or, for the call of a go or defer statement, which is deferred
// whole, in a block around the statement.
func (g *gen) spreadResults(call *ast.CallExpr, sig *types.Signature, deferred ast.Stmt) {
	inner, ok := g.c.info.TypeOf(call.Args[0]).(*types.Tuple)
	if !ok || inner.Len() != sig.Params().Len() {
		return
	}
	results, ok := g.localTypes(sig.Results())
	if !ok {
		return
	}
	vars := make([]string, inner.Len())
	for i := range vars {
		vars[i] = g.r.Temp("a")
	}
	args := strings.Join(vars, ", ")
	several, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr)
	if !ok {
		return
	}
	// (Its parts: in a go or defer statement, the call itself is
	// replaced by the variables.)
	bind := func() string { return args + " := " + g.r.SourceRange(several.Pos(), several.Rparen) + ")" + "; " }
	if deferred != nil {
		g.bindAround(deferred, bind)
		g.r.Replace(call.Args[0], func() string { return args })
		return
	}
	g.r.Replace(call, func() string {
		do := g.r.Source(call.Fun) + "(" + args + ")"
		if len(results) == 0 {
			return "func() { " + bind() + do + " }()"
		}
		return "func() (" + strings.Join(results, ", ") + ") { " + bind() + "return " + do + " }()"
	})
}

// bindAround writes the statements bind returns before s, a go or defer
// statement, in a block around it: what its call is given is then taken
// where it stands, as Go evaluates a deferred call's operands.
func (g *gen) bindAround(s ast.Stmt, bind func() string) {
	g.r.BeforeFunc(s, func() string { return "{ " + bind() })
	g.r.After(s, " }")
}

// literalArg returns the source of e, the argument of a function literal
// a rule writes around it (an assertion's), in parentheses: a call's
// result handed straight to the literal's parameter of an interface came
// out boxed again (unboxedArgs), and makeShape(2).(Sq) panicked "main.Shape
// is main.Sq, not main.Sq".
func (g *gen) literalArg(e ast.Expr) string { return "(" + g.r.Source(e) + ")" }

// plainOperand reports whether e is a name or a literal, which the
// interpreter hands on as it is.
func plainOperand(e ast.Expr) bool {
	switch e.(type) {
	case *ast.Ident, *ast.BasicLit, *ast.CompositeLit, *ast.ParenExpr:
		return true
	}
	return false
}
