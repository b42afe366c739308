package program

import (
	"go/ast"
	"go/types"
	"strings"
)

// interfaceSwitches writes a switch on a value of interface type whose
// cases are not all interfaces as a switch on comparisons:
//
//	switch v { case 42, "hello": ...; case nil: ... }
//
// becomes
//
//	switch __t := v; { case __t == any(42) || __t == any("hello"): ...; case __t == nil: ... }
//
// Yaegi v0.16.1 converts the tag to each case's type ("reflect.Value.Convert:
// value of type interface {} cannot be converted to type int", Go's
// test/switch.go); a comparison converts the case to the interface, as Go
// does. In a notebook whose values the interpreter boxes, every switch on
// an interface is written so, with the comparisons of compareInterfaces'
// hooks: two boxes of equal values are not equal to Yaegi (switch x {
// case MyInt(1): } with x holding MyInt(1) took no case). A switch with an init statement is put in a block of its own, to
// keep the init's scope, its label too. A switch
// without a tag compares a case of interface type with true.
func (g *gen) interfaceSwitches() {
	g.inspect(func(n ast.Node, label *ast.LabeledStmt) bool {
		sw, ok := n.(*ast.SwitchStmt)
		if !ok {
			return true
		}
		if sw.Tag == nil {
			// switch { case i: } with i an interface holding a bool:
			// Yaegi takes its Bool; Go compares it with true.
			for _, s := range sw.Body.List {
				for _, e := range s.(*ast.CaseClause).List {
					if t := g.c.info.TypeOf(e); t != nil && types.IsInterface(t) {
						g.r.Before(e, "(")
						g.r.After(e, ") == true")
					}
				}
			}
			return true
		}
		if !g.needsComparisons(sw) {
			return true
		}
		iface, ok := g.localType(g.c.info.TypeOf(sw.Tag))
		if !ok {
			return true
		}
		boxes := g.hasBoxedTypes()
		var at ast.Node = sw
		if label != nil && sw.Init != nil {
			at = label // (the label moves into the block with the switch)
		}
		g.r.Replace(at, func() string {
			t := g.r.Temp("t")
			var b strings.Builder
			if sw.Init != nil {
				b.WriteString("{ " + g.r.Source(sw.Init) + "; ")
				if label != nil {
					b.WriteString(label.Label.Name + ": ")
				}
			}
			b.WriteString("switch " + t + " := " + g.r.Source(sw.Tag) + "; {")
			for _, s := range sw.Body.List {
				cc := s.(*ast.CaseClause)
				if cc.List == nil {
					b.WriteString("\ndefault:")
				} else {
					var conds []string
					for _, e := range cc.List {
						if g.c.info.Types[e].IsNil() {
							conds = append(conds, t+" == nil")
							continue
						}
						if boxes {
							conds = append(conds, g.boxesEqual(t, g.c.info.TypeOf(sw.Tag), e))
							continue
						}
						// Converted explicitly: Yaegi finds
						// any(1.0) == F(1.0), not any(1.0) == any(F(1.0)).
						conds = append(conds, t+" == ("+iface+")("+g.r.Source(e)+")")
					}
					b.WriteString("\ncase " + strings.Join(conds, " || ") + ":")
				}
				b.WriteString(g.r.SourceRange(cc.Colon+1, cc.End()))
			}
			b.WriteString("\n}")
			if sw.Init != nil {
				b.WriteString(" }")
			}
			return b.String()
		})
		return true
	})
}

// needsComparisons reports whether a switch's tag is an interface and one
// of its cases is not.
func (g *gen) needsComparisons(sw *ast.SwitchStmt) bool {
	tt := g.c.info.TypeOf(sw.Tag)
	if tt == nil || !types.IsInterface(tt) {
		return false
	}
	if _, isParam := tt.(*types.TypeParam); isParam {
		return false
	}
	if g.hasBoxedTypes() {
		return true // the interpreter's boxes compare by where they are (boxesEqual)
	}
	for _, s := range sw.Body.List {
		for _, e := range s.(*ast.CaseClause).List {
			if t := g.c.info.TypeOf(e); t != nil && !types.IsInterface(t) {
				return true
			}
		}
	}
	return false
}

// boxesEqual returns the comparison of the switch's tag t with the case
// e, through the hooks that compare what boxes hold (compareInterfaces).
func (g *gen) boxesEqual(t string, tag types.Type, e ast.Expr) string {
	if name, ok := g.boxedName(e); ok && isInterface(tag) {
		return HooksName + ".EqualNamed(" + g.inBox(t, tag) + ", " + g.r.Source(e) + ", " + name + g.boxlessImplementers(tag) + ")"
	}
	if et := g.c.info.TypeOf(e); g.boxingInterface(tag) && et != nil && g.boxingInterface(et) {
		return HooksName + ".Equal(" + g.inBox(t, tag) + ", " + g.inBox(g.r.Source(e), et) + ")"
	}
	return HooksName + ".Equal(" + t + ", " + g.r.Source(e) + ")"
}
