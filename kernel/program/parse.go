package program

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"

	"github.com/goconc/goconc/kernel/cell"
)

// parsed is a cell sorted into what the program needs.
type parsed struct {
	label     string
	c         *cell.Cell
	pkgClause bool // the cell is a pasted program: run its main
	imports   []cellImport
	decls     []*Decl     // types, consts, funcs and methods
	inits     []cell.Part // func init() bodies, run first
	stmts     []cell.Part // statements and var declarations, in order
	hasMain   bool
}

type cellImport struct {
	Import
	line, col int
}

func parseCell(label, src string) (*parsed, error) {
	c, err := cell.Split(src)
	if err != nil {
		if list, ok := err.(cell.ErrorList); ok {
			var errs Errors
			for _, e := range list {
				errs = append(errs, &Error{Label: label, Line: e.Line, Col: e.Col, Msg: e.Msg})
			}
			return nil, errs
		}
		return nil, err
	}
	ps := &parsed{label: label, c: c}
	for _, part := range c.Parts {
		switch part.Kind {
		case cell.Package:
			ps.pkgClause = true
		case cell.Import:
			gd := part.Decl.(*ast.GenDecl)
			for _, spec := range gd.Specs {
				is := spec.(*ast.ImportSpec)
				path, _ := strconv.Unquote(is.Path.Value)
				name := ""
				if is.Name != nil {
					name = is.Name.Name
				}
				line, col := c.Position(is.Pos())
				ps.imports = append(ps.imports, cellImport{Import: Import{Name: name, Path: path}, line: line, col: col})
			}
		case cell.Func, cell.Method:
			fd := part.Decl.(*ast.FuncDecl)
			if fd.Body == nil {
				// Go allows it for functions written in assembly; a
				// notebook has none.
				line, col := c.Position(fd.Name.Pos())
				return nil, Errors{&Error{Label: label, Line: line, Col: col, Msg: "missing function body"}}
			}
			if fd.Recv == nil && fd.Name.Name == "init" {
				ps.inits = append(ps.inits, part)
				continue
			}
			if fd.Recv == nil && fd.Name.Name == "main" {
				ps.hasMain = true
			}
			ps.decls = append(ps.decls, ps.newDecl(part))
		case cell.Type, cell.Const:
			ps.decls = append(ps.decls, ps.newDecl(part))
		case cell.Var, cell.Stmt:
			ps.stmts = append(ps.stmts, part)
		}
	}
	return ps, nil
}

func (ps *parsed) newDecl(part cell.Part) *Decl {
	start := docStart(ps.c.Src, part.Start)
	line, col := ps.c.LineCol(start)
	d := &Decl{Kind: part.Kind, Src: ps.c.Src[start:part.End], Label: ps.label, Line: line, Col: col}
	d.Keys = declKeys(part.Decl)
	return d
}

// docStart extends a declaration starting at off back over the // comment
// lines right above it, its doc comment.
func docStart(src string, off int) int {
	lineStart := strings.LastIndexByte(src[:off], '\n') + 1
	if strings.TrimSpace(src[lineStart:off]) != "" {
		return off // something precedes the declaration on its line
	}
	start := lineStart
	for start > 0 {
		prev := strings.LastIndexByte(src[:start-1], '\n') + 1
		if !strings.HasPrefix(strings.TrimSpace(src[prev:start-1]), "//") {
			break
		}
		start = prev
	}
	if start == lineStart {
		return off
	}
	return start
}

// declKeys returns the names a declaration declares.
func declKeys(d ast.Decl) []string {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv != nil && len(d.Recv.List) == 1 {
			return []string{recvTypeName(d.Recv.List[0].Type) + "." + d.Name.Name}
		}
		return []string{d.Name.Name}
	case *ast.GenDecl:
		var keys []string
		for _, spec := range d.Specs {
			switch s := spec.(type) {
			case *ast.TypeSpec:
				keys = append(keys, s.Name.Name)
			case *ast.ValueSpec:
				for _, n := range s.Names {
					if n.Name != "_" {
						keys = append(keys, n.Name)
					}
				}
			}
		}
		return keys
	}
	return nil
}

// recvTypeName returns T for receivers T, *T, T[K], *T[K, V].
func recvTypeName(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return "?"
		}
	}
}

// isGenericDecl reports whether d declares a generic function or a method
// of a generic type.
func isGenericDecl(d ast.Decl) bool {
	fd, ok := d.(*ast.FuncDecl)
	if !ok {
		return false
	}
	if fd.Type.TypeParams != nil && len(fd.Type.TypeParams.List) > 0 {
		return true
	}
	if fd.Recv != nil && len(fd.Recv.List) == 1 {
		t := fd.Recv.List[0].Type
		if s, ok := t.(*ast.StarExpr); ok {
			t = s.X
		}
		switch t.(type) {
		case *ast.IndexExpr, *ast.IndexListExpr:
			return true
		}
	}
	return false
}

// topLevelDefines returns the identifiers a top-level statement defines:
// the new names of x, y := ... and of var declarations.
func topLevelDefines(part cell.Part) []*ast.Ident {
	var out []*ast.Ident
	if part.Kind == cell.Var {
		for _, spec := range part.Decl.(*ast.GenDecl).Specs {
			for _, n := range spec.(*ast.ValueSpec).Names {
				if n.Name != "_" {
					out = append(out, n)
				}
			}
		}
		return out
	}
	if as, ok := part.Stmt.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
		for _, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
				out = append(out, id)
			}
		}
	}
	return out
}

// oneLine squeezes a source fragment onto one line for messages.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}
