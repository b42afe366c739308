package program

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"github.com/goconc/goconc/kernel/cell"
)

// orderVars puts the var declarations of a pasted program (a cell with a
// package clause) in the order Go initializes them: by their dependencies,
// not as written. In
//
//	var total = sum(values)
//	var values = []int{1, 2, 3}
//
// values is initialized first. The cell's var declarations run as
// statements, in order (see assemble), so they are sorted first. go/types
// computes the order (Info.InitOrder) from the program alone; a program that
// also uses the notebook's earlier cells keeps its order. A declaration of
// several variables is kept whole: if Go initializes something else between
// two of them, the cell fails and says which, rather than run them in
// another order.
func (p *Program) orderVars(ps *parsed) (*ast.GenDecl, Errors) {
	if !ps.pkgClause || len(ps.stmts) == 0 || len(ps.stmts) == 1 && !isVarGroup(ps.stmts[0].Decl) {
		return nil, nil // (a group alone may need splitting)
	}
	file := &ast.File{Name: ast.NewIdent("main")}
	for _, part := range ps.c.Parts {
		if part.Kind == cell.Stmt {
			return nil, nil // not a Go file: statements at the top
		}
		if part.Decl != nil {
			file.Decls = append(file.Decls, part.Decl)
		}
	}
	info := &types.Info{}
	failed := false
	conf := types.Config{Importer: p.imp, GoVersion: goVersion, Error: func(error) { failed = true }}
	func() {
		defer func() {
			if recover() != nil {
				failed = true
			}
		}()
		conf.Check("main", ps.c.Fset, []*ast.File{file}, info)
	}()
	if failed {
		return nil, nil // the checks of the cell against the notebook report it
	}
	partOf := func(pos token.Pos) int {
		off := ps.c.Offset(pos)
		for i, part := range ps.stmts {
			if part.Start <= off && off < part.End {
				return i
			}
		}
		return -1
	}
	// The parts in the order of their first initializer; those without
	// one (var x int) first, as written.
	rank := make([]int, len(ps.stmts))
	last := make([]int, len(ps.stmts))
	for i := range rank {
		rank[i], last[i] = -1, -1
	}
	for n, init := range info.InitOrder {
		i := partOf(init.Lhs[0].Pos())
		if i < 0 {
			continue
		}
		if rank[i] < 0 {
			rank[i] = n
		} else if prev := info.InitOrder[last[i]].Lhs[0]; last[i] != n-1 || prev.Pos() > init.Lhs[0].Pos() {
			between := info.InitOrder[n-1].Lhs[0]
			if last[i] != n-1 {
				between = info.InitOrder[last[i]+1].Lhs[0]
			}
			if gd, ok := ps.stmts[i].Decl.(*ast.GenDecl); ok && gd.Lparen.IsValid() {
				return gd, nil // a group: split it (splitVarGroup)
			}
			line, col := ps.c.Position(init.Lhs[0].Pos())
			return nil, Errors{{Label: ps.label, Line: line, Col: col, Msg: fmt.Sprintf(
				"Go initializes %s before %s and %s after it (by what their values use); goconc runs one var declaration in the order it is written: declare %s in a var statement of its own",
				prev.Name(), between.Name(), init.Lhs[0].Name(), init.Lhs[0].Name())}}
		}
		last[i] = n
	}
	order := make([]int, len(ps.stmts))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return rank[order[a]] < rank[order[b]] })
	sorted := make([]cell.Part, len(ps.stmts))
	for i, j := range order {
		sorted[i] = ps.stmts[j]
	}
	ps.stmts = sorted
	return nil, nil
}

// isVarGroup reports whether d is a var declaration in parentheses.
func isVarGroup(d ast.Decl) bool {
	gd, ok := d.(*ast.GenDecl)
	return ok && gd.Tok == token.VAR && gd.Lparen.IsValid()
}

// splitVarGroup rewrites a grouped var declaration of src as one var
// declaration per spec, without moving any text before a spec's end:
//
//	var (            var
//		a = f(b)         a = f(b); var
//		c = 1            c = 1
//	)
//
// ("var" at the end of a line ends no statement), so that orderVars can put
// each in its place. Positions in the cell stay as they were.
func splitVarGroup(src string, c *cell.Cell, gd *ast.GenDecl) string {
	type edit struct {
		off  int
		cut  int // bytes replaced
		text string
	}
	var edits []edit
	edits = append(edits, edit{c.Offset(gd.Lparen), 1, " "})
	for i, spec := range gd.Specs {
		if i == len(gd.Specs)-1 {
			break
		}
		end := c.Offset(spec.End())
		// a = 1; b = 2 on one line: "var" goes after the ; written.
		j := end
		for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		if j < len(src) && src[j] == ';' {
			edits = append(edits, edit{j + 1, 0, " var"})
		} else {
			edits = append(edits, edit{end, 0, "; var"})
		}
	}
	edits = append(edits, edit{c.Offset(gd.Rparen), 1, " "})
	sort.Slice(edits, func(a, b int) bool { return edits[a].off > edits[b].off })
	for _, e := range edits {
		src = src[:e.off] + e.text + src[e.off+e.cut:]
	}
	return src
}
