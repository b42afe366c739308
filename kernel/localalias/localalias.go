// Package localalias writes out the type aliases a cell declares inside
// functions, which the interpreter cannot declare ("undefined: ids"):
//
//	func main() {
//		type ids = []int
//		fmt.Println(ids{1, 2})
//	}
//
// becomes
//
//	func main() {
//
//		fmt.Println([]int{1, 2})
//	}
//
// An alias is the type it names, so the type written in its place means
// the same, to go/types and to every later rewrite of the cell. The cell's
// lines keep their numbers.
package localalias

import (
	"errors"
	"fmt"
	"go/ast"
	"go/scanner"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/goconc/goconc/kernel/cell"
)

// Error is a use of a local alias that cannot be written out: offset is
// where it is in the cell.
type Error struct {
	Offset int
	Msg    string
}

func (e *Error) Error() string { return e.Msg }

// Inline returns the source of c with its local aliases written out, and
// whether it had any. An alias embedded in a struct (whose field it
// names), or one whose type names something that another declaration
// hides where the alias is used, cannot be written out: an *Error says so.
func Inline(c *cell.Cell) (string, bool, error) {
	decls, specs := localAliases(c)
	if len(specs) == 0 {
		return c.Src, false, nil
	}
	file := assemble(c)
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Scopes: map[ast.Node]*types.Scope{}}
	conf := types.Config{Importer: emptyImporter{}, Error: func(error) {}}
	conf.Check("main", c.Fset, []*ast.File{file}, info) // (other cells' names are unknown: errors are expected)

	w := writer{c: c, info: info, aliases: map[*types.TypeName]*ast.TypeSpec{}}
	for _, ts := range specs {
		if tn, ok := info.Defs[ts.Name].(*types.TypeName); ok {
			w.aliases[tn] = ts
		}
	}
	var edits []edit
	var errs []error
	inDecl := func(off int) bool {
		for _, ts := range specs {
			if c.Offset(ts.Pos()) <= off && off < c.Offset(ts.End()) {
				return true
			}
		}
		return false
	}
	w.eachUse(file, func(id *ast.Ident, stack []ast.Node) {
		if inDecl(c.Offset(id.Pos())) {
			return
		}
		text, err := w.use(id, stack, 0, id.Pos())
		if err != nil {
			errs = append(errs, err)
			return
		}
		start, end := c.Offset(id.Pos()), c.Offset(id.End())
		edits = append(edits, edit{start, end, directive(c, start) + text + directive(c, end)})
	})
	if len(errs) > 0 {
		return "", true, errors.Join(errs...)
	}
	for _, gd := range decls {
		edits = append(edits, w.drop(gd)...)
	}
	return apply(c.Src, edits), true, nil
}

// directive returns a line directive that gives the next character the
// line and column of offset off of c: the text after a type written out
// keeps its columns, for the errors go/types finds there, and the type
// takes the alias's. (The file is the one already in effect.)
func directive(c *cell.Cell, off int) string {
	line, col := c.LineCol(off)
	return fmt.Sprintf("/*line :%d:%d*/", line, col)
}

// localAliases returns the alias declarations inside the bodies of c's
// functions, and the type declarations they are in.
func localAliases(c *cell.Cell) ([]*ast.GenDecl, []*ast.TypeSpec) {
	var decls []*ast.GenDecl
	var out []*ast.TypeSpec
	for _, part := range c.Parts {
		var root ast.Node = part.Stmt
		if part.Decl != nil {
			root = part.Decl
		}
		if root == nil {
			continue
		}
		ast.Inspect(root, func(n ast.Node) bool {
			var body *ast.BlockStmt
			switch n := n.(type) {
			case *ast.FuncDecl:
				body = n.Body
			case *ast.FuncLit:
				body = n.Body
			default:
				return true
			}
			if body != nil {
				ast.Inspect(body, func(n ast.Node) bool {
					if ds, ok := n.(*ast.DeclStmt); ok {
						if gd, ok := ds.Decl.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
							for _, spec := range gd.Specs {
								if ts := spec.(*ast.TypeSpec); ts.Assign.IsValid() && !slices.Contains(out, ts) {
									out = append(out, ts)
									if !slices.Contains(decls, gd) {
										decls = append(decls, gd)
									}
								}
							}
						}
					}
					return true
				})
			}
			return false
		})
	}
	return decls, out
}

// assemble makes one file of c's parts, for go/types to resolve names in:
// its declarations at the top, its statements in a function.
func assemble(c *cell.Cell) *ast.File {
	file := &ast.File{Name: ast.NewIdent("main")}
	body := &ast.BlockStmt{}
	for _, part := range c.Parts {
		switch {
		case part.Kind == cell.Var:
			body.List = append(body.List, &ast.DeclStmt{Decl: part.Decl})
		case part.Decl != nil:
			file.Decls = append(file.Decls, part.Decl)
		case part.Stmt != nil:
			body.List = append(body.List, part.Stmt)
		}
	}
	file.Decls = append(file.Decls, &ast.FuncDecl{Name: ast.NewIdent("_"), Type: &ast.FuncType{Params: &ast.FieldList{}}, Body: body})
	return file
}

// emptyImporter gives each import an empty package: only the names a cell
// declares itself matter here.
type emptyImporter struct{}

func (emptyImporter) Import(path string) (*types.Package, error) {
	name := path[strings.LastIndex(path, "/")+1:]
	p := types.NewPackage(path, name)
	p.MarkComplete()
	return p, nil
}

// writer writes out the uses of the aliases.
type writer struct {
	c       *cell.Cell
	info    *types.Info
	aliases map[*types.TypeName]*ast.TypeSpec
}

// use returns the text that replaces id, a use of an alias; stack holds
// the nodes above it, at is where the text is written: id itself, or the
// use of an alias whose type id is in.
func (w *writer) use(id *ast.Ident, stack []ast.Node, depth int, at token.Pos) (string, error) {
	ts := w.aliases[w.info.Uses[id].(*types.TypeName)]
	parent := stack[len(stack)-1]
	fail := func(msg string) error {
		return &Error{Offset: w.c.Offset(at), Msg: msg + ": goconc cannot declare an alias inside a function; declare " + id.Name + " at the top level of the cell"}
	}
	if f, ok := parent.(*ast.Field); ok && f.Names == nil && f.Type == id || embeddedPointer(stack) {
		return "", fail("the local alias " + id.Name + " is an embedded field, which it names")
	}
	if name, ok := w.hiddenAt(ts.Type, at); ok {
		return "", fail("the local alias " + id.Name + " names " + name + ", which another declaration hides here")
	}
	if depth > 100 {
		return "", fail("the local alias " + id.Name + " names itself")
	}
	var text string
	var err error
	if inner, ok := ts.Type.(*ast.Ident); ok && w.aliases[typeName(w.info.Uses[inner])] != nil {
		text, err = w.use(inner, stack, depth+1, at) // type B = A: B is A
	} else {
		text, err = w.expand(ts.Type, depth+1, at)
	}
	if err != nil {
		return "", err
	}
	if needsParens(w.resolved(ts), parent, id) {
		text = "(" + text + ")"
	}
	return text, nil
}

// expand returns the text of type expression t, on one line, with the
// aliases it uses written out.
func (w *writer) expand(t ast.Expr, depth int, at token.Pos) (string, error) {
	start, end := w.c.Offset(t.Pos()), w.c.Offset(t.End())
	var edits []edit
	var err error
	w.eachUse(t, func(id *ast.Ident, stack []ast.Node) {
		if err == nil {
			var text string
			text, err = w.use(id, stack, depth, at)
			edits = append(edits, edit{w.c.Offset(id.Pos()) - start, w.c.Offset(id.End()) - start, text})
		}
	})
	if err != nil {
		return "", err
	}
	return oneLine(apply(w.c.Src[start:end], edits)), nil
}

// eachUse calls visit for each use of an alias under root but root itself
// (a type written out is no use: see use), with the nodes above it.
func (w *writer) eachUse(root ast.Node, visit func(id *ast.Ident, stack []ast.Node)) {
	var stack []ast.Node
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if id, ok := n.(*ast.Ident); ok && len(stack) > 0 && w.aliases[typeName(w.info.Uses[id])] != nil {
			visit(id, stack)
		}
		stack = append(stack, n)
		return true
	})
}

// resolved returns the type expression alias ts stands for at last: its
// own, or, when that is another alias, that alias's.
func (w *writer) resolved(ts *ast.TypeSpec) ast.Expr {
	t := ts.Type
	for range 100 {
		id, ok := ast.Unparen(t).(*ast.Ident)
		if !ok {
			break
		}
		tn, _ := w.info.Uses[id].(*types.TypeName)
		next := w.aliases[tn]
		if next == nil {
			break
		}
		t = next.Type
	}
	return ast.Unparen(t)
}

// typeName is obj if it is a type name.
func typeName(obj types.Object) *types.TypeName {
	tn, _ := obj.(*types.TypeName)
	return tn
}

// needsParens reports whether t, written in place of the alias id under
// parent, must be parenthesized: *T(x) would dereference a conversion,
// func()(x) reads as a function type, and chan <-chan int as chan<- chan
// int. The type of a composite literal cannot be such a type, nor be
// parenthesized.
func needsParens(t ast.Expr, parent ast.Node, id *ast.Ident) bool {
	switch t.(type) {
	case *ast.StarExpr, *ast.FuncType, *ast.ChanType:
	default:
		return false
	}
	switch p := parent.(type) {
	case *ast.CallExpr:
		return p.Fun == id
	case *ast.SelectorExpr:
		return p.X == id
	case *ast.ChanType:
		return true
	}
	return false
}

// embeddedPointer reports whether the top of stack is the * of an
// embedded field (struct{ *A }).
func embeddedPointer(stack []ast.Node) bool {
	if len(stack) < 2 {
		return false
	}
	star, ok := stack[len(stack)-1].(*ast.StarExpr)
	f, isField := stack[len(stack)-2].(*ast.Field)
	return ok && isField && f.Names == nil && f.Type == star
}

// hiddenAt returns a name that type expression t uses which means
// another object at pos, where t is written out, if there is one.
func (w *writer) hiddenAt(t ast.Expr, pos token.Pos) (string, bool) {
	name, found := "", false
	check := func(id *ast.Ident) {
		if w.lookup(id.Name, id.Pos()) != w.lookup(id.Name, pos) && !found {
			name, found = id.Name, true
		}
	}
	ast.Inspect(t, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Field:
			// Its names are its own: only its type is looked up.
			if n.Type != nil {
				if name2, ok := w.hiddenAt(n.Type, pos); ok && !found {
					name, found = name2, true
				}
			}
			return false
		case *ast.SelectorExpr:
			if id, ok := n.X.(*ast.Ident); ok {
				check(id) // pkg.T: pkg alone is looked up
				return false
			}
		case *ast.Ident:
			check(n)
		}
		return !found
	})
	return name, found
}

// lookup returns the object name means at pos, in the scopes go/types
// made of the cell (nil for a name another cell declares). The innermost
// scope holding pos is the one of those holding it that starts last:
// the cell's parts come from two files, which the package scope does not
// span.
func (w *writer) lookup(name string, pos token.Pos) types.Object {
	var scope *types.Scope
	for _, s := range w.info.Scopes {
		if s.Contains(pos) && (scope == nil || s.Pos() > scope.Pos()) {
			scope = s
		}
	}
	if scope == nil {
		return types.Universe.Lookup(name)
	}
	_, obj := scope.LookupParent(name, pos)
	return obj
}

// drop returns the edits that remove the aliases of type declaration gd:
// the whole declaration if it declares only aliases, else their specs.
// What goes is blanked to its newlines, which keeps the cell's lines.
func (w *writer) drop(gd *ast.GenDecl) []edit {
	var kept []ast.Spec
	for _, spec := range gd.Specs {
		if !spec.(*ast.TypeSpec).Assign.IsValid() {
			kept = append(kept, spec)
		}
	}
	if len(kept) == 0 {
		return []edit{w.blank(gd)}
	}
	var out []edit
	for _, spec := range gd.Specs {
		if !slices.Contains(kept, spec) {
			out = append(out, w.blank(spec))
		}
	}
	return out
}

// blank returns the edit that replaces n by its newlines.
func (w *writer) blank(n ast.Node) edit {
	start, end := w.c.Offset(n.Pos()), w.c.Offset(n.End())
	return edit{start, end, strings.Repeat("\n", strings.Count(w.c.Src[start:end], "\n"))}
}

// oneLine writes Go source on one line: a newline the language reads as a
// semicolon becomes one, comments go.
func oneLine(src string) string {
	if !strings.Contains(src, "\n") {
		return src
	}
	fset := token.NewFileSet()
	var s scanner.Scanner
	s.Init(fset.AddFile("", -1, len(src)), []byte(src), nil, 0)
	var out []string
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		switch {
		case tok == token.SEMICOLON:
			out = append(out, ";")
		case lit != "":
			out = append(out, lit)
		default:
			out = append(out, tok.String())
		}
	}
	return strings.TrimSuffix(strings.Join(out, " "), " ;")
}

// edit replaces src[start:end] with text.
type edit struct {
	start, end int
	text       string
}

// apply makes the edits, which do not overlap, to src.
func apply(src string, edits []edit) string {
	slices.SortFunc(edits, func(a, b edit) int { return a.start - b.start })
	var b strings.Builder
	at := 0
	for _, e := range edits {
		if e.start < at {
			continue // inside a declaration that goes
		}
		b.WriteString(src[at:e.start])
		b.WriteString(e.text)
		at = e.end
	}
	b.WriteString(src[at:])
	return b.String()
}
