package program

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"
)

// Yaegi v0.16.1 gets type switches wrong where a type assertion is right:
// `case error:` misses an error made by compiled code (errors.New), and a
// case of the notebook's interfaces misses the notebook's values. Type
// switches with a case of an interface become switches over assertions
// (to interfaces, as assertInterfaces writes them):
//
//	switch y := x.(type) { case A: b1; case B, C: b2; case nil: b3; default: b4 }
//
// becomes
//
//	{ __x := x; __c := -1
//	  if __c < 0 { if _, ok := __x.(A); ok { __c = 0 } }; <B, C: __c = 1>; if __c < 0 && __x == nil { __c = 2 }
//	  switch __c {
//	  case 0: y := __x.(A); b1
//	  case 1: y := __x; b2
//	  case 2: y := __x; b3
//	  default: y := __x; b4 } }
//
// A switch over an any with a case of a named type of the notebook that is
// not a struct, or of a type under one, is rewritten too (namedassert.go),
// and so is a switch over a compiled interface (error) with a case of a
// notebook type: Yaegi's switch missed the notebook's values that
// such an interface held. Cases are tried in order, as in Go; y has the case's type in a
// single-type case and x's type otherwise.
func (g *gen) typeSwitches() {
	g.inspect(func(n ast.Node, label *ast.LabeledStmt) bool {
		if x, ok := n.(*ast.TypeSwitchStmt); ok {
			g.typeSwitch(x, label)
		}
		return true
	})
}

func (g *gen) typeSwitch(ts *ast.TypeSwitchStmt, label *ast.LabeledStmt) {
	var bound string // the y of y := x.(type)
	var subject ast.Expr
	switch a := ts.Assign.(type) {
	case *ast.AssignStmt:
		bound = a.Lhs[0].(*ast.Ident).Name
		subject = a.Rhs[0].(*ast.TypeAssertExpr).X
	case *ast.ExprStmt:
		subject = a.X.(*ast.TypeAssertExpr).X
	default:
		return
	}
	// Yaegi's switch handles concrete types; a case of an interface needs
	// the rewrite (and for the notebook's interfaces, assertInterfaces'
	// list of the types that implement them).
	iface := false
	for _, st := range ts.Body.List {
		for _, t := range st.(*ast.CaseClause).List {
			if typ := g.c.info.TypeOf(t); typ != nil && types.IsInterface(typ) && !g.c.info.Types[t].IsNil() {
				iface = true
			}
		}
	}
	subjectType := g.c.info.TypeOf(subject)
	fromAny := isEmptyInterface(subjectType)
	fromIface := false // (a case the box decides: boxedFromInterface)
	for _, st := range ts.Body.List {
		for _, t := range st.(*ast.CaseClause).List {
			if typ := g.c.info.TypeOf(t); typ != nil && !fromAny && !g.c.info.Types[t].IsNil() && g.boxedFromInterface(subjectType, typ) {
				fromIface = true
			}
		}
	}
	if !iface && !g.notebookCaseOfCompiled(ts, subject) && !(fromAny && g.boxedCase(ts)) && !fromIface && !g.methodsCase(ts, subject) && !g.nilCaseOfBoxes(ts) {
		return
	}
	// asserted is x asserted to the case type t, comma-ok.
	asserted := func(x string, t ast.Expr) string {
		typ := g.c.info.TypeOf(t)
		if fromAny || fromIface && g.boxedFromInterface(subjectType, typ) {
			if text, ok := g.boxedAssertion(typ, g.r.Source(t), true); ok {
				return text + "(" + x + ")"
			}
		}
		if !types.IsInterface(typ) {
			return x + ".(" + g.r.Source(t) + ")"
		}
		impls, others := g.implementers(typ)
		return g.assertion(typ, g.r.Source(t), impls, others, true) + "(" + x + ")"
	}
	var node ast.Node = ts
	labelText := ""
	if label != nil {
		node, labelText = label, label.Label.Name+": "
	}
	// A notebook value that went through a compiled interface (an error
	// handed on as an any) is in the interpreter's wrapper: the value in
	// it (w, taken once) is asserted too, for a case of a type that can
	// be in one (wrappedTarget).
	wrapped := map[ast.Expr]string{} // case -> its type's text
	for _, st := range ts.Body.List {
		for _, t := range st.(*ast.CaseClause).List {
			if typ := g.c.info.TypeOf(t); typ != nil && !types.IsInterface(typ) && g.wrappedTarget(typ) && !(fromAny && g.unnamedToReflect(typ)) && !g.boxedFromInterface(subjectType, typ) {
				if text, ok := g.localType(typ); ok {
					wrapped[t] = text
				}
			}
		}
	}
	g.r.Replace(node, func() string {
		x, w, c := g.r.Temp("x"), g.r.Temp("w"), g.r.Temp("c")
		var b strings.Builder
		b.WriteString("{ ")
		if ts.Init != nil {
			b.WriteString(g.r.Source(ts.Init) + "; ")
		}
		fmt.Fprintf(&b, "%s := %s; _ = %s; %s := -1; ", x, g.r.Source(subject), x, c)
		if len(wrapped) > 0 {
			// (Taken when a case needs it: WrappedValue is a hook's call.)
			fmt.Fprintf(&b, "var %s any; %sd := false; ", w, w)
		}
		// Which case holds, in the cases' order, by statements: a function
		// literal called in each case's condition cost a switch of four
		// cases 13 µs.
		for i, st := range ts.Body.List {
			for _, t := range st.(*ast.CaseClause).List {
				if id, ok := t.(*ast.Ident); ok && id.Name == "nil" && g.c.info.Types[t].IsNil() {
					fmt.Fprintf(&b, "if %s < 0 && %s == nil { %s = %d }; ", c, x, c, i)
					continue
				}
				if text, ok := wrapped[t]; ok {
					// (A nil any is asserted to nothing: Yaegi's
					// comma-ok assertion of one panicked.)
					fmt.Fprintf(&b, "if %[1]s < 0 && %[2]s != nil { if _, ok := %[2]s.(%[4]s); ok { %[1]s = %[5]d } else { if !%[3]sd { %[3]s, %[3]sd = %[6]s.WrappedValue(%[2]s), true }; if _, ok := %[3]s.(%[4]s); ok { %[1]s = %[5]d } } }; ", c, x, w, text, i, HooksName)
					continue
				}
				fmt.Fprintf(&b, "if %s < 0 { if _, ok := %s; ok { %s = %d } }; ", c, asserted(x, t), c, i)
			}
		}
		fmt.Fprintf(&b, "%sswitch %s {\n", labelText, c)
		for i, st := range ts.Body.List {
			cc := st.(*ast.CaseClause)
			if cc.List == nil {
				b.WriteString("default:")
			} else {
				fmt.Fprintf(&b, "case %d:", i)
			}
			if bound != "" {
				value := x
				if text, ok := wrappedCase(wrapped, cc); ok {
					// (w was taken if x was not of the case's type.)
					fmt.Fprintf(&b, " %[1]s, __goconc_ok := %[2]s.(%[4]s); if !__goconc_ok { %[1]s, _ = %[3]s.(%[4]s) }; _ = %[1]s", bound, x, w, text)
				} else if len(cc.List) == 1 && !g.c.info.Types[cc.List[0]].IsNil() {
					fmt.Fprintf(&b, " %s, _ := %s; _ = %s", bound, asserted(x, cc.List[0]), bound)
				} else {
					fmt.Fprintf(&b, " %s := %s; _ = %s", bound, value, bound)
				}
			}
			b.WriteString("\n")
			if len(cc.Body) > 0 {
				b.WriteString(g.r.SourceRange(cc.Body[0].Pos(), cc.Body[len(cc.Body)-1].End()) + "\n")
			}
		}
		b.WriteString("} }")
		return b.String()
	})
}

// notebookCaseOfCompiled reports whether a type switch over a compiled
// interface (error) has a case of a notebook type: Yaegi's switch missed
// a notebook value an error held, where its assertion finds it.
func (g *gen) notebookCaseOfCompiled(ts *ast.TypeSwitchStmt, subject ast.Expr) bool {
	if t := g.c.info.TypeOf(subject); t == nil || !compiledNamed(t) {
		return false
	}
	for _, st := range ts.Body.List {
		for _, t := range st.(*ast.CaseClause).List {
			if typ := g.c.info.TypeOf(t); typ != nil && g.notebookType(typ) {
				return true
			}
		}
	}
	return false
}

// methodsCase reports whether a switch over an interface has a case of a
// struct type of the notebook with methods, or a pointer to one: Yaegi's
// switch over an any missed such values (case Click: of a Click with a
// String method went to default), where an assertion holds.
func (g *gen) methodsCase(ts *ast.TypeSwitchStmt, subject ast.Expr) bool {
	if !types.IsInterface(g.c.info.TypeOf(subject)) {
		return false
	}
	for _, st := range ts.Body.List {
		for _, t := range st.(*ast.CaseClause).List {
			typ := g.c.info.TypeOf(t)
			if typ == nil || g.c.info.Types[t].IsNil() || types.IsInterface(typ) {
				continue
			}
			if p, ok := typ.(*types.Pointer); ok {
				typ = p.Elem()
			}
			n, ok := types.Unalias(typ).(*types.Named)
			if !ok || n.Obj().Pkg() != g.c.pkg {
				continue
			}
			if _, isStruct := n.Underlying().(*types.Struct); isStruct && types.NewMethodSet(types.NewPointer(n)).Len() > 0 {
				return true
			}
		}
	}
	return false
}

// boxedCase reports whether a type switch has a case of one of the
// notebook's named types that are not structs, or of a type under one
// (namedassert.go).
func (g *gen) boxedCase(ts *ast.TypeSwitchStmt) bool {
	for _, st := range ts.Body.List {
		for _, t := range st.(*ast.CaseClause).List {
			if typ := g.c.info.TypeOf(t); typ != nil && !g.c.info.Types[t].IsNil() && (g.knownByBox(typ) || g.underNamed(typ)) {
				return true
			}
		}
	}
	return false
}

// wrappedCase returns the type's text of a clause of a single case whose
// value may be in a compiled interface's wrapper.
func wrappedCase(wrapped map[ast.Expr]string, cc *ast.CaseClause) (string, bool) {
	if len(cc.List) != 1 {
		return "", false
	}
	text, ok := wrapped[cc.List[0]]
	return text, ok
}

// nilCaseOfBoxes reports whether ts has a case nil, in a notebook that
// declares an interface: the interpreter's own switch took an any holding
// a nil value of one of them (var s Shape; var v any = s) to default, as
// its != took it for a value (nilcomparisons.go); the switch written as
// statements compares with ==, which holds.
func (g *gen) nilCaseOfBoxes(ts *ast.TypeSwitchStmt) bool {
	for _, st := range ts.Body.List {
		for _, t := range st.(*ast.CaseClause).List {
			if g.c.info.Types[t].IsNil() {
				return g.declaresInterfaces()
			}
		}
	}
	return false
}
