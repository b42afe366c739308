package program

import (
	"go/ast"
	"go/token"
	"strings"
)

// dropBlankVars drops the declarations of blank variables without a value:
//
//	var _ io.Reader    becomes    {}
//
// Such a declaration declares nothing and runs nothing, and Yaegi refused
// it ("cannot use _ as value"); beside other names (var _, x int) the
// blank name goes. One with a value (var _ = f(), var _ io.Writer =
// (*T)(nil)) runs its value and stays.
func (g *gen) dropBlankVars() {
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		ds, ok := n.(*ast.DeclStmt)
		if !ok {
			return true
		}
		gd, ok := ds.Decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			return true
		}
		blank := 0
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			if blankWithoutValue(vs) {
				blank++
				if gd.Lparen.IsValid() {
					g.r.ReplaceRange(spec.Pos(), spec.End(), "")
				}
				continue
			}
			if len(vs.Values) == 0 {
				// var _, x int: x alone.
				var names []string
				for _, name := range vs.Names {
					if name.Name != "_" {
						names = append(names, name.Name)
					}
				}
				if len(names) < len(vs.Names) {
					g.r.ReplaceRange(vs.Names[0].Pos(), vs.Names[len(vs.Names)-1].End(), strings.Join(names, ", "))
				}
			}
		}
		if blank == len(gd.Specs) && !gd.Lparen.IsValid() {
			g.r.Replace(ds, func() string { return "{}" })
		}
		return true
	})
}

// blankWithoutValue reports whether vs declares only blank names, with no
// values.
func blankWithoutValue(vs *ast.ValueSpec) bool {
	if len(vs.Values) > 0 {
		return false
	}
	for _, name := range vs.Names {
		if name.Name != "_" {
			return false
		}
	}
	return true
}
