package program

import (
	"go/ast"
	"go/types"
	"strings"
)

// evaluateSwitchTags writes a switch whose tag the interpreter does not
// evaluate, or whose cases it does not all evaluate, so that it does:
//
//	switch n := len(s); n % 2 { case 1: ...; case 0: ... }
//	switch x { case f(6), f(5): ... }
//
// become
//
//	{ n := len(s); switch n % 2 { case 1: ...; case 0: ... } }
//	switch __t := x; { case __t == f(6) || __t == f(5): ... }
//
// Yaegi v0.16.1 goes from a switch's init statement straight to its
// cases: a tag that is more than a variable or a constant was never
// evaluated, and the cases were compared with its zero value (an odd n
// took case 0, silently; Go 101's "Expression Evaluation Orders" called
// f(3) and then f(9) of a switch that Go takes f(3), f(4), ... f(7)
// through). And of a case listing several values, it evaluated the first
// alone: case f(6), f(5) never matched 5. A switch on a pointer, slice,
// map, function or channel with a case nil is written as comparisons too
// (nilCases). In a block, the init's
// variables keep their scope; a label moves into the block with the
// switch. A default clause that is not the last moves to the end, which
// changes nothing in Go (it is taken when no case holds) but the order in
// which Yaegi evaluated the cases: it swapped the default clause with the
// last one, and so called f(9) before f(5). A switch on an interface that interfaceSwitches writes as
// comparisons is left to it, and one whose default clause defaultsInPlace
// writes (it falls through into a default that is not the last clause).
func (g *gen) evaluateSwitchTags() {
	g.inspect(func(n ast.Node, label *ast.LabeledStmt) bool {
		sw, ok := n.(*ast.SwitchStmt)
		if !ok || sw.Tag != nil && g.needsComparisons(sw) || misplacedDefault(sw) {
			return true
		}
		unevaluated := sw.Init != nil && sw.Tag != nil && !g.evaluationFree(sw.Tag)
		lists := sw.Tag != nil && (g.listsCalls(sw) || g.channelsOfOtherDirections(sw) || g.nilCases(sw) || g.interfaceCases(sw))
		reorder := g.defaultBeforeCalls(sw)
		if !unevaluated && !lists && !reorder {
			return true
		}
		var at ast.Node = sw
		if label != nil {
			at = label
		}
		g.r.Replace(at, func() string {
			var b strings.Builder
			block := sw.Init != nil && (unevaluated || lists)
			if block {
				b.WriteString("{ " + g.r.Source(sw.Init) + "; ")
			}
			if label != nil {
				b.WriteString(label.Label.Name + ": ")
			}
			b.WriteString("switch ")
			if sw.Init != nil && !block {
				b.WriteString(g.r.Source(sw.Init) + "; ")
			}
			t := ""
			switch {
			case lists:
				t = g.r.Temp("tag")
				b.WriteString(t + " := " + g.r.Source(sw.Tag) + "; {")
			case sw.Tag != nil:
				b.WriteString(g.r.Source(sw.Tag) + " {")
			default:
				b.WriteString("{")
			}
			var def *ast.CaseClause
			for _, s := range sw.Body.List {
				cc := s.(*ast.CaseClause)
				if cc.List == nil && reorder {
					def = cc // (last)
					continue
				}
				b.WriteString("\n" + g.clause(cc, t, sw.Tag))
			}
			if def != nil {
				b.WriteString("\n" + g.clause(def, t, sw.Tag))
			}
			b.WriteString("\n}")
			if block {
				b.WriteString(" }")
			}
			return b.String()
		})
		return true
	})
}

// clause writes case clause cc, its values compared with the variable t
// holding the tag if t is not "". Of a channel tag and a channel case of
// another direction, the bidirectional one is converted to the other's
// type, in a function literal, as compareChannels does; of a tag that is
// not an interface and a case that is (interfaceCases), the comparison
// goes through the hook where compareInterfaces would send it.
func (g *gen) clause(cc *ast.CaseClause, t string, tag ast.Expr) string {
	if t == "" || cc.List == nil {
		return g.r.SourceRange(cc.Pos(), cc.End())
	}
	conds := make([]string, len(cc.List))
	for i, e := range cc.List {
		// (not t == (0): Yaegi panicked on a parenthesized constant)
		open, close := operand(e)
		conds[i] = t + " == " + open + g.r.Source(e) + close
		if isInterface(g.c.info.TypeOf(e)) && !isInterface(g.c.info.TypeOf(tag)) && g.hookCompares(tag, e) {
			conds[i] = g.hookEqual(tag, e, t, g.r.Source(e))
		} else if to, ok := g.channelOf(tag, e); ok {
			conds[i] = "func() bool { return " + t + " == (" + to + ")(" + g.r.Source(e) + ") }()"
		} else if to, ok := g.channelOf(e, tag); ok {
			conds[i] = "func() bool { return (" + to + ")(" + t + ") == " + g.r.Source(e) + " }()"
		}
	}
	return "case " + strings.Join(conds, " || ") + ":" + g.r.SourceRange(cc.Colon+1, cc.End())
}

// defaultBeforeCalls reports whether sw's default clause is not its last
// and a case calls a function (is not evaluation-free): Yaegi swaps the
// default clause with the last one, and evaluated the cases out of order
// (f(9) before f(5) of a switch whose default came first).
func (g *gen) defaultBeforeCalls(sw *ast.SwitchStmt) bool {
	def := -1
	for i, s := range sw.Body.List {
		if s.(*ast.CaseClause).List == nil {
			def = i
		}
	}
	if def < 0 || def == len(sw.Body.List)-1 {
		return false
	}
	for _, s := range sw.Body.List {
		for _, e := range s.(*ast.CaseClause).List {
			if !g.evaluationFree(e) {
				return true
			}
		}
	}
	return false
}

// evaluationFree reports whether the interpreter reads e without
// evaluating it: a constant, or a variable.
func (g *gen) evaluationFree(e ast.Expr) bool {
	if tv, ok := g.c.info.Types[e]; ok && tv.Value != nil {
		return true
	}
	_, ok := e.(*ast.Ident)
	return ok
}

// listsCalls reports whether a case of sw lists several values, one of
// which is not evaluation-free.
func (g *gen) listsCalls(sw *ast.SwitchStmt) bool {
	for _, s := range sw.Body.List {
		cc := s.(*ast.CaseClause)
		if len(cc.List) < 2 {
			continue
		}
		for _, e := range cc.List {
			if !g.evaluationFree(e) {
				return true
			}
		}
	}
	return false
}

// channelsOfOtherDirections reports whether sw's tag is a channel and a
// case a channel of another direction (switch ch { case recvOnly: }),
// which the interpreter found unequal: its cases are written as
// comparisons, by clause.
func (g *gen) channelsOfOtherDirections(sw *ast.SwitchStmt) bool {
	for _, s := range sw.Body.List {
		for _, e := range s.(*ast.CaseClause).List {
			if _, ok := g.channelOf(sw.Tag, e); ok {
				return true
			}
			if _, ok := g.channelOf(e, sw.Tag); ok {
				return true
			}
		}
	}
	return false
}

// interfaceCases reports whether sw's tag is not an interface and a case
// is (switch t { case i: } with i a fooer): the interpreter converted the
// tag to the case's type, and panicked ("value of type int cannot be
// converted to type interp.valueInterface", Go's
// test/typeparam/issue51522b.go), so its cases are written as
// comparisons, which compare the interface's value with the tag, through
// the hook where compareInterfaces would.
func (g *gen) interfaceCases(sw *ast.SwitchStmt) bool {
	if t := g.c.info.TypeOf(sw.Tag); t == nil || isInterface(t) {
		return false
	}
	for _, s := range sw.Body.List {
		for _, e := range s.(*ast.CaseClause).List {
			if isInterface(g.c.info.TypeOf(e)) {
				return true
			}
		}
	}
	return false
}

// nilCases reports whether sw's tag is a pointer, slice, map, function or
// channel and a case is nil (switch p { case nil: }): the interpreter's
// switch never took it, even for a nil tag (Go's
// test/fixedbugs/issue53635.go), so its cases are written as comparisons.
func (g *gen) nilCases(sw *ast.SwitchStmt) bool {
	t := g.c.info.TypeOf(sw.Tag)
	if t == nil || isInterface(t) {
		return false
	}
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Signature, *types.Chan:
	default:
		if b, ok := t.Underlying().(*types.Basic); !ok || b.Kind() != types.UnsafePointer {
			return false
		}
	}
	for _, s := range sw.Body.List {
		for _, e := range s.(*ast.CaseClause).List {
			if tv, ok := g.c.info.Types[e]; ok && tv.IsNil() {
				return true
			}
		}
	}
	return false
}

// channelOf returns the type of directional channel to, spelled for the
// cell, if from is a bidirectional channel of the same element.
func (g *gen) channelOf(to, from ast.Expr) (string, bool) {
	tt, ft := g.c.info.TypeOf(to), g.c.info.TypeOf(from)
	if tt == nil || ft == nil {
		return "", false
	}
	tc, tok := tt.Underlying().(*types.Chan)
	fc, fok := ft.Underlying().(*types.Chan)
	if !tok || !fok || tc.Dir() == types.SendRecv || fc.Dir() != types.SendRecv {
		return "", false
	}
	return g.localType(tt)
}

// misplacedDefault reports whether a clause of sw falls through and its
// default clause is not the last: defaultsInPlace writes its cases.
func misplacedDefault(sw *ast.SwitchStmt) bool {
	if !fallsThrough(sw) {
		return false
	}
	for i, s := range sw.Body.List {
		if s.(*ast.CaseClause).List == nil && i < len(sw.Body.List)-1 {
			return true
		}
	}
	return false
}
