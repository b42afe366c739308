package program

import (
	"go/ast"
	"sort"
	"strings"
)

// A dot import (import . "strings") puts a package's exported names in the
// file's scope: Repeat("ab", 2). The code goconc's rules write names
// packages by their import names, and the interpreter is given each name
// qualified: the notebook imports the package a second time under a name
// of its own (dotImportName), its check writes the dot import too, and
// each name a cell takes from it is written qualified by that name in the
// cell's source (qualifyDotImports), which is then checked again, as if
// it had been written so:
//
//	Repeat("ab", 2)          __goconc_dot_strings.Repeat("ab", 2)
//
// The notebook is one file to Go: a later cell sees the dot import too.

// dotImportName returns the name the notebook imports a dot-imported
// package by.
func dotImportName(path string) string {
	var b strings.Builder
	b.WriteString(dotImportPrefix)
	for _, r := range path {
		if r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

const dotImportPrefix = "__goconc_dot_"

// dotImported returns the paths of the packages st dot-imports.
func (s *state) dotImported() map[string]bool {
	var out map[string]bool
	for _, im := range s.imports {
		if im.Dot {
			if out == nil {
				out = map[string]bool{}
			}
			out[im.Path] = true
		}
	}
	return out
}

// qualifyDotImports returns src, the source of the cell c checked, with
// each name it takes from a package of dots (by import path) written
// qualified, and true; or false if it takes none.
func qualifyDotImports(c *checked, src string, dots map[string]bool) (string, bool) {
	if len(dots) == 0 {
		return src, false
	}
	// The names a selector selects are not the file's: fmt.Println, or a
	// field or method, whose object is no package's member anyway.
	selected := map[*ast.Ident]bool{}
	ast.Inspect(c.file, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			selected[sel.Sel] = true
		}
		return true
	})
	type use struct {
		line, col       int
		name, qualified string
	}
	var uses []use
	for id, obj := range c.info.Uses {
		if obj == nil || obj.Pkg() == nil || !dots[obj.Pkg().Path()] || obj.Parent() != obj.Pkg().Scope() || selected[id] {
			continue
		}
		if s := c.a.segmentAt(c.offset(id.Pos())); s == nil || !s.mine {
			continue
		}
		p := c.fset.Position(id.Pos())
		uses = append(uses, use{p.Line, p.Column, id.Name, dotImportName(obj.Pkg().Path()) + "." + id.Name})
	}
	if len(uses) == 0 {
		return src, false
	}
	// From the last, so that the offsets of those before stay.
	sort.Slice(uses, func(i, j int) bool {
		return uses[i].line > uses[j].line || uses[i].line == uses[j].line && uses[i].col > uses[j].col
	})
	offset := sourceOffsets(src) // (of the places before each edit, which stay)
	for _, u := range uses {
		off, ok := offset(u.line, u.col)
		if !ok || !strings.HasPrefix(src[off:], u.name) {
			return src, false // (not where the check said: leave the cell as it is)
		}
		src = src[:off] + u.qualified + src[off+len(u.name):]
	}
	return src, true
}

// withoutHoistedConflicts returns errs without the errors of assigning a
// top-level variable of the cell (var Repeat = 4, which the cell's function
// assigns to the global Repeat it declares) that a dot import declares
// already: the global's declaration is the error, as go build says (it
// reports no assignment), and Repeat is the package's function to the
// assignment.
func withoutHoistedConflicts(errs Errors) Errors {
	conflicts := map[string]bool{}
	for _, e := range errs {
		if name, _, ok := strings.Cut(e.Msg, " already declared through dot-import of package "); ok {
			conflicts[name] = true
		}
	}
	if len(conflicts) == 0 {
		return errs
	}
	var out Errors
	for _, e := range errs {
		rest, ok := strings.CutPrefix(e.Msg, "cannot assign to ")
		name, _, _ := strings.Cut(rest, " ")
		if ok && conflicts[name] {
			continue
		}
		out = append(out, e)
	}
	return out
}
