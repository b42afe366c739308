package program

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"

	"github.com/goconc/goconc/kernel/cell"
)

// assemble writes the program st and the cell ps as one Go file. With hoist
// nil the cell's top-level variables stay locals of the cell's function;
// otherwise the hoisted ones are assigned, not defined, because st declares
// them as globals.
func (p *Program) assemble(st *state, ps *parsed, hoist map[*ast.Ident]*hoisted) *assembly {
	return p.assembleInto(&assembly{}, st, ps, hoist, nil)
}

// assembleSignatures is assemble with the functions of earlier cells
// without their bodies (see assembly.signaturesOnly).
func (p *Program) assembleSignatures(st *state, ps *parsed, hoist map[*ast.Ident]*hoisted) *assembly {
	return p.assembleInto(&assembly{signaturesOnly: true}, st, ps, hoist, nil)
}

// assembleWith assembles with the texts of lw: the program with its
// generic code lowered.
func (p *Program) assembleWith(st *state, ps *parsed, hoist map[*ast.Ident]*hoisted, lw *lowering) *assembly {
	return p.assembleInto(&assembly{}, st, ps, hoist, lw)
}

func (p *Program) assembleInto(a *assembly, st *state, ps *parsed, hoist map[*ast.Ident]*hoisted, lw *lowering) *assembly {
	a.b.WriteString("package main\n")
	for _, im := range st.imports {
		if im.Dot {
			a.dotImport(ps, im.Path)
		}
		fmt.Fprintf(&a.b, "import %s %q\n", im.Name, im.Path)
	}
	mine := map[*Decl]bool{}
	for _, d := range ps.decls {
		mine[d] = true
	}
	for _, d := range st.decls {
		text := lw.text(d, d.Src)
		if a.signaturesOnly && lw == nil && !mine[d] {
			text = d.withoutBody()
		}
		s := a.add(segDecl, d.Label, d.Line, d.Col, text)
		s.decl, s.mine = d, mine[d]
	}
	for i := range ps.inits {
		part := &ps.inits[i]
		line, col := ps.c.LineCol(part.Start)
		s := a.add(segInit, ps.label, line, col, lw.text(part, ps.c.Src[part.Start:part.End]))
		s.part, s.mine = part, true
	}
	for _, g := range st.globals {
		s := a.add(segGlobal, g.Label, g.Line, g.Col, lw.text(g, "var "+g.Name+" "+g.Type))
		s.global = g
		s.mine = g.Label == ps.label && hoist != nil && isHoisted(hoist, g)
	}
	// Roots are checked with the generic code; once it is lowered, the
	// instances they name are declared.
	for _, r := range st.roots {
		if lw != nil {
			break
		}
		s := a.add(segRoot, "[generic instances]", 1, 1, r.decl())
		s.root = r
	}
	a.b.WriteString("\nfunc " + cellFunc + "() {")
	newShadowed := st.findGlobal("new") != nil || st.findDecl("new") != nil
	for i := range ps.stmts {
		part := &ps.stmts[i]
		text := ps.c.Src[part.Start:part.End]
		if hoist != nil {
			text = hoistedText(part, ps, hoist, newShadowed)
		}
		text = lw.text(part, text)
		line, col := ps.c.LineCol(part.Start)
		s := a.add(segStmt, ps.label, line, col, text)
		s.part, s.mine = part, true
	}
	a.b.WriteString("\n}\n")
	return a
}

func isHoisted(hoist map[*ast.Ident]*hoisted, g *Global) bool {
	for _, h := range hoist {
		if h.Name == g.Name && h.Line == g.Line && h.Col == g.Col {
			return true
		}
	}
	return false
}

// hoistedText returns the source of a top-level statement whose variables
// became globals: definitions turn into assignments. A variable declared
// without a value is given its zero value, *new(T), or a zero variable's
// where the notebook has a variable named new (which vet's copylocks
// takes for a copied lock: not elsewhere).
func hoistedText(part *cell.Part, ps *parsed, hoist map[*ast.Ident]*hoisted, newShadowed bool) string {
	src := ps.c.Src[part.Start:part.End]
	ids := topLevelDefines(*part)
	if len(ids) == 0 {
		return src
	}
	for _, id := range ids {
		if hoist[id] == nil {
			return src
		}
	}
	if as, ok := part.Stmt.(*ast.AssignStmt); ok {
		// "x := v" becomes "x  = v": the same length, so columns stay.
		tok := ps.c.Offset(as.TokPos) - part.Start
		return src[:tok] + " =" + src[tok+2:]
	}
	gd := part.Decl.(*ast.GenDecl)
	var stmts []string
	for _, spec := range gd.Specs {
		vs := spec.(*ast.ValueSpec)
		var names []string
		for _, n := range vs.Names {
			names = append(names, n.Name)
		}
		if len(vs.Values) > 0 {
			first, last := vs.Values[0], vs.Values[len(vs.Values)-1]
			line, col := ps.c.Position(first.Pos())
			stmts = append(stmts, fmt.Sprintf("%s = /*line %s:%d:%d*/%s", strings.Join(names, ", "), ps.label, line, col,
				ps.c.Src[ps.c.Offset(first.Pos()):ps.c.Offset(last.End())]))
			continue
		}
		typ := ps.c.Src[ps.c.Offset(vs.Type.Pos()):ps.c.Offset(vs.Type.End())]
		for _, n := range names {
			if n != "_" {
				if newShadowed {
					stmts = append(stmts, fmt.Sprintf("{ var __goconc_z %s; %s = __goconc_z }", typ, n))
				} else {
					stmts = append(stmts, fmt.Sprintf("%s = *new(%s)", n, typ)) // (see nilInterfaceZeros)
				}
			}
		}
	}
	if len(stmts) == 0 {
		return ";"
	}
	return strings.Join(stmts, "; ")
}

var _ = token.NoPos

// withoutBody returns the declaration without the body of its function,
// as go/types takes a function declared elsewhere; a declaration that is
// no function, or must keep its body (init, generic code, which go/types
// instantiates), as it is. The text is made once: writing it is cheaper
// than parsing the body at every cell.
func (d *Decl) withoutBody() string {
	if d.header != nil {
		return *d.header
	}
	text := d.Src
	if d.Kind == cell.Func || d.Kind == cell.Method {
		const pkg = "package p\n"
		fset := token.NewFileSet()
		if f, err := parser.ParseFile(fset, "", pkg+d.Src, parser.SkipObjectResolution); err == nil && len(f.Decls) == 1 {
			if fd, ok := f.Decls[0].(*ast.FuncDecl); ok && fd.Body != nil && fd.Name.Name != "init" && !isGenericDecl(fd) {
				text = strings.TrimRight(d.Src[:fset.File(f.Pos()).Offset(fd.Body.Lbrace)-len(pkg)], " \t")
			}
		}
	}
	d.header = &text
	return text
}

// dotImport writes the dot import of path; the cell's own is a segment of
// the cell, at its place there, where a name it brings that another
// brings too is reported ("Reader redeclared in this block").
func (a *assembly) dotImport(ps *parsed, path string) {
	for _, ci := range ps.imports {
		if ci.Name == "." && ci.Path == path {
			a.b.WriteString("import (")
			a.add(segImport, ps.label, ci.line, ci.col, fmt.Sprintf(". %q", path)).mine = true
			// The lines after it are the program's own again.
			fmt.Fprintf(&a.b, "\n//line program:%d:1\n)\n", strings.Count(a.b.String(), "\n")+2)
			return
		}
	}
	fmt.Fprintf(&a.b, "import . %q\n", path)
}
