package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// convertForwardedResults converts the results of a call that a return
// statement, another call or an assignment forwards whole, where one of
// them goes into a place of an interface type that is not its own:
//
//	func g() (int, error) { return fail() }     (fail returns int, *MyErr)
//	use(fail())                                  (use takes int, error)
//
// become
//
//	return func() (int, error) { __goconc_r1, __goconc_r2 := fail(); return __goconc_r1, __goconc_r2 }()
//	use(func() (int, error) { ... }())
//
// Yaegi v0.16.1 hands the results on without converting them: the return
// panicked ("reflect.Set: value of type *struct {...} is not assignable to
// type error"), the call too ("reflect: Call using *struct {...} as type
// error"), or the error came out nil, silently. A return statement of
// several values converts each. Calls of fmt's and log's printers are the
// print hooks' (tupleOperands).
func (g *gen) convertForwardedResults() {
	g.inspectResults(func(n ast.Node, rs *types.Tuple) bool {
		switch x := n.(type) {
		case *ast.ReturnStmt:
			if len(x.Results) == 1 && rs != nil {
				targets := make([]types.Type, rs.Len())
				for i := range targets {
					targets[i] = rs.At(i).Type()
				}
				g.convertForwarded(x.Results[0], targets)
			}
		case *ast.AssignStmt:
			if x.Tok == token.ASSIGN && len(x.Rhs) == 1 && len(x.Lhs) > 1 {
				targets := make([]types.Type, len(x.Lhs))
				for i, l := range x.Lhs {
					if !isBlank(l) {
						targets[i] = g.c.info.TypeOf(l)
					}
				}
				g.convertForwarded(x.Rhs[0], targets)
			}
		case *ast.ValueSpec:
			if x.Type != nil && len(x.Values) == 1 && len(x.Names) > 1 {
				targets := make([]types.Type, len(x.Names))
				for i := range targets {
					targets[i] = g.c.info.TypeOf(x.Type)
				}
				g.convertForwarded(x.Values[0], targets)
			}
		case *ast.CallExpr:
			if t := g.c.info.TypeOf(x.Fun); len(x.Args) == 1 && t != nil && !g.printerCall(x) {
				if sig, ok := t.Underlying().(*types.Signature); ok {
					g.convertForwarded(x.Args[0], paramTypes(sig))
				}
			}
		}
		return true
	})
}

// convertForwarded wraps e, a call of several results, in a function
// literal returning them converted to targets (a variadic parameter's
// element type repeats; a nil target, a blank place, takes the result as
// it is), if one goes into an interface that is not its type.
func (g *gen) convertForwarded(e ast.Expr, targets []types.Type) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return
	}
	tuple, ok := g.c.info.TypeOf(call).(*types.Tuple)
	if !ok || tuple.Len() < 2 || len(targets) == 0 {
		return
	}
	need := false
	texts := make([]string, tuple.Len())
	temps := make([]string, tuple.Len())
	values := make([]string, tuple.Len())
	for i := range tuple.Len() {
		t, from := targets[min(i, len(targets)-1)], tuple.At(i).Type()
		if t == nil {
			t = from // a blank place's
		}
		if isInterface(t) && !types.Identical(t, from) {
			need = true
		}
		text, ok := g.localType(t)
		if !ok {
			return
		}
		texts[i] = text
		temps[i] = g.r.Temp("r")
		values[i] = g.converted(temps[i], from, t)
	}
	if !need {
		return
	}
	g.inOwnLiteral(call, texts, temps, values)
}

// inOwnLiteral evaluates x, an expression of several values, in a
// function literal of its own, whose results, of the types spelled
// results, are values (texts of temps, the variables x's values go into):
//
//	func() (results) { temps := x; return values }()
//
// Yaegi makes the literal's frame anew at each call, its variables zeroed.
func (g *gen) inOwnLiteral(x ast.Expr, results, temps, values []string) {
	g.r.Before(x, "func() ("+strings.Join(results, ", ")+") { "+strings.Join(temps, ", ")+" := ")
	g.r.After(x, "; return "+strings.Join(values, ", ")+" }()")
}

// converted returns the text of variable v, of type from, put into a
// place of type to as copyIntoInterfaces puts an operand: boxed into an
// empty interface, through the hooks into one with methods.
func (g *gen) converted(v string, from, to types.Type) string {
	switch {
	case !isInterface(to) || isInterface(from) || types.Identical(from, to):
		return v
	case isEmptyInterface(to):
		if typ, ok := g.localType(from); ok && g.boxedValue(from) {
			return "func(__goconc_v " + typ + ") (__goconc_r any) { __goconc_r = __goconc_v; return }(" + v + ")"
		}
		return v
	case types.NewMethodSet(from).Len() == 0:
		return v
	}
	before, after := g.intoInterface(from, to, false, false)
	return before + v + after
}

// paramTypes returns the types of sig's parameters, a variadic one's as
// its element type.
func paramTypes(sig *types.Signature) []types.Type {
	ts := make([]types.Type, sig.Params().Len())
	for i := range ts {
		ts[i] = sig.Params().At(i).Type()
	}
	if sig.Variadic() && len(ts) > 0 {
		ts[len(ts)-1] = ts[len(ts)-1].(*types.Slice).Elem()
	}
	return ts
}

// printerCall reports whether call is of one of fmt's or log's functions
// or a logger's method, whose operands the print hooks take.
func (g *gen) printerCall(call *ast.CallExpr) bool {
	fn := g.calledFunc(call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "fmt", "log", "log/slog":
		return true
	}
	return false
}
