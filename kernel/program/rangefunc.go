package program

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
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
// where a break of the loop returns false and a continue returns true.
// A body that returns from the enclosing function, defers, jumps with goto
// or breaks out of an outer loop cannot be written so: the cell is
// rejected with an error that says so, rather than run differently.
func (g *gen) rangeFuncs() {
	g.inspect(func(n ast.Node, label *ast.LabeledStmt) bool {
		if x, ok := n.(*ast.RangeStmt); ok {
			if t := g.c.info.TypeOf(x.X); t != nil {
				if sig, ok := t.Underlying().(*types.Signature); ok {
					g.rangeFunc(x, label, sig)
				}
			}
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
	branches, why := loopBranches(rs.Body, labelName)
	if why != "" {
		p := g.c.fset.Position(rs.Pos())
		g.errs = append(g.errs, &Error{Label: p.Filename, Line: p.Line, Col: p.Column,
			Msg: "goconc's interpreter runs a range over a function as a call of it, and this loop " + why +
				": collect the values in a slice first (slices.Collect), or loop with the iterator's own methods"})
		return
	}
	for _, b := range branches {
		ret := "return false"
		if b.Tok == token.CONTINUE {
			ret = "return true"
		}
		g.r.Replace(b, func() string { return ret })
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
	g.r.Replace(node, func() string {
		return fmt.Sprintf("%s(func(%s) bool { %s{ %s }; return true })", g.r.Source(rs.X), strings.Join(params, ", "),
			strings.Join(assigns, ""), g.bodyText(rs.Body))
	})
}

// loopBranches returns the break and continue statements of a loop body
// that leave or continue the loop itself (labelled label, if not ""), and
// why the body could not become a function ("" if it could): it returns,
// defers, uses goto, or branches to a label outside it.
func loopBranches(body *ast.BlockStmt, label string) ([]*ast.BranchStmt, string) {
	var out []*ast.BranchStmt
	why := ""
	cannot := func(reason string) {
		if why == "" {
			why = reason
		}
	}
	inner := map[string]bool{} // labels declared in the body
	ast.Inspect(body, func(n ast.Node) bool {
		if l, ok := n.(*ast.LabeledStmt); ok {
			inner[l.Label.Name] = true
		}
		return true
	})
	var walk func(n ast.Node, inLoop, inSwitch bool)
	walk = func(n ast.Node, inLoop, inSwitch bool) {
		ast.Inspect(n, func(c ast.Node) bool {
			if c == nil {
				return false
			}
			switch x := c.(type) {
			case *ast.FuncLit:
				return false // its own function
			case *ast.ReturnStmt:
				cannot("returns from the function around it")
			case *ast.DeferStmt:
				cannot("defers a call")
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
				case x.Tok == token.GOTO:
					cannot("uses goto")
				case x.Tok == token.FALLTHROUGH:
				case x.Label != nil && x.Label.Name == label:
					out = append(out, x)
				case x.Label != nil && inner[x.Label.Name]:
				case x.Label != nil:
					cannot("branches to the label " + x.Label.Name + " outside it")
				case x.Tok == token.BREAK && !inLoop && !inSwitch, x.Tok == token.CONTINUE && !inLoop:
					out = append(out, x)
				}
			}
			return true
		})
	}
	walk(body, false, false)
	return out, why
}
