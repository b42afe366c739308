package program

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"runtime"
	"sort"
	"strings"

	"github.com/goconc/goconc/kernel/cell"
	"github.com/goconc/goconc/kernel/importer"
	"github.com/goconc/goconc/kernel/stdsource"
)

// cellFunc is the name of the function that holds a cell's statements while
// it is checked.
const cellFunc = "__goconc_cell"

type segKind int

const (
	segImport segKind = iota
	segDecl
	segGlobal
	segStmt
	segInit
	segRoot
)

// segment is one piece of an assembled file.
type segment struct {
	kind       segKind
	label      string // the cell it comes from
	decl       *Decl
	global     *Global
	root       *Root
	part       *cell.Part
	mine       bool // part of the cell being compiled
	start, end int  // offsets in the assembled source
	node       ast.Node
}

// assembly is the program plus one cell written out as one Go file, with
// line directives that give every piece its cell position.
type assembly struct {
	b    strings.Builder
	segs []*segment
	body *ast.FuncDecl
	// signaturesOnly checks the functions of earlier cells without their
	// bodies: what the cell's own code means does not depend on them,
	// and checking them again costs every cell the size of the notebook.
	signaturesOnly bool
}

func (a *assembly) add(kind segKind, label string, line, col int, text string) *segment {
	fmt.Fprintf(&a.b, "\n//line %s:%d:%d\n", label, line, col)
	s := &segment{kind: kind, label: label, start: a.b.Len()}
	a.b.WriteString(text)
	s.end = a.b.Len()
	a.segs = append(a.segs, s)
	return s
}

// dropOthersBodies leaves the functions of earlier cells without bodies
// (go/types takes them as declared elsewhere), but for init, which must
// have one, and generic functions.
func (a *assembly) dropOthersBodies(f *ast.File, tf *token.File) {
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil || fd.Name.Name == "init" || isGenericDecl(fd) {
			continue
		}
		if s := a.segmentAt(tf.Offset(fd.Pos())); s != nil && s.kind == segDecl && !s.mine {
			fd.Body = nil
		}
	}
}

// segmentAt returns the segment holding offset off.
func (a *assembly) segmentAt(off int) *segment {
	for _, s := range a.segs {
		if off >= s.start && off <= s.end {
			return s
		}
	}
	return nil
}

// checked is an assembled file after type checking.
type checked struct {
	imp  *importer.Importer
	a    *assembly
	src  string
	fset *token.FileSet
	file *ast.File
	info *types.Info
	pkg  *types.Package
	errs []types.Error
	// sourceFset holds the positions of the standard library's generic
	// code read from source, if any was (gcMessage).
	sourceFset *token.FileSet
}

var goVersion = func() string {
	v := runtime.Version()
	if i := strings.IndexAny(v, " -"); i >= 0 {
		v = v[:i]
	}
	// go1.26.8 -> go1.26
	if parts := strings.Split(v, "."); len(parts) > 2 {
		v = parts[0] + "." + parts[1]
	}
	if !strings.HasPrefix(v, "go1.") {
		return ""
	}
	return v
}()

// check parses and type-checks an assembly.
func (p *Program) check(a *assembly) (*checked, error) {
	c := &checked{imp: p.imp, a: a, src: a.b.String(), fset: token.NewFileSet()}
	if l, ok := sources.Load(p.imp); ok {
		c.sourceFset = l.(*stdsource.Loader).Fset
	}
	f, err := parser.ParseFile(c.fset, "program", c.src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("goconc assembled a program it cannot parse (a goconc bug): %v", err)
	}
	c.file = f
	if a.signaturesOnly {
		a.dropOthersBodies(f, c.fset.File(f.Pos()))
	}
	c.info = &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Scopes:     map[ast.Node]*types.Scope{},
		Instances:  map[*ast.Ident]types.Instance{},
	}
	conf := types.Config{
		Importer:  p.imp,
		GoVersion: goVersion,
		Error: func(err error) {
			var te types.Error
			if errors.As(err, &te) {
				c.errs = append(c.errs, te)
			}
		},
	}
	func() {
		// go/types must never take the kernel down, whatever a cell holds.
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("the Go type checker failed on this cell (%v); please report it", r)
			}
		}()
		c.pkg, _ = conf.Check("main", c.fset, []*ast.File{f}, c.info)
	}()
	if err != nil {
		return nil, err
	}
	tf := c.fset.File(f.Pos())
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == cellFunc {
			a.body = fd
			for _, st := range fd.Body.List {
				if s := a.segmentAt(tf.Offset(st.Pos())); s != nil && s.node == nil {
					s.node = st
				}
			}
			continue
		}
		if s := a.segmentAt(tf.Offset(d.Pos())); s != nil && s.node == nil {
			s.node = d
		}
	}
	return c, nil
}

// offset returns the offset of pos in the assembled source.
func (c *checked) offset(pos token.Pos) int { return c.fset.File(c.file.Pos()).Offset(pos) }

// cellErrors returns the errors located in the cell being compiled, as cell
// positions, and the segments of other cells that have errors.
func (c *checked) split(label string, ignore func(types.Error) bool) (Errors, []*segment) {
	// label names the cell in messages; which errors are its own is known
	// from the segments.
	var mine Errors
	var broken []*segment
	seen := map[*segment]bool{}
	var last *Error // the error a continuation ("\tother declaration of x") goes on
	for _, te := range c.errs {
		if strings.HasPrefix(te.Msg, "\t") {
			if at, ok := c.continuedAt(te); ok && last != nil {
				last.Msg = gcContinued(last.Msg, te.Msg, at)
			}
			continue
		}
		last = nil
		if ignore != nil && ignore(te) {
			continue
		}
		s := c.a.segmentAt(c.offset(te.Pos))
		pos := c.fset.Position(gcPosition(c.file, te))
		if s != nil && s.global != nil && c.offset(te.Pos) == s.start+len("var ") {
			// The name of a top-level variable of the cell, which the
			// program declares as a global (var Repeat int): where the
			// cell wrote it.
			pos.Line, pos.Column = s.global.Line, s.global.Col
		}
		if s == nil || s.mine {
			last = &Error{Label: label, Line: pos.Line, Col: pos.Column, Msg: c.gcMessage(te)}
			mine = append(mine, last)
			continue
		}
		if !seen[s] {
			seen[s] = true
			broken = append(broken, s)
		}
	}
	sort.SliceStable(mine, func(i, j int) bool {
		a, b := mine[i], mine[j]
		if a.Line != b.Line || a.Col != b.Col {
			return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
		}
		// The names two dot imports both declare, which go/types reports
		// in the order of a map, in the order of the names.
		return redeclared(a.Msg) && redeclared(b.Msg) && a.Msg < b.Msg
	})
	return dedupe(usedLabels(withoutHoistedConflicts(mine))), broken
}

func redeclared(msg string) bool {
	first, _, _ := strings.Cut(msg, "\n")
	return strings.HasSuffix(first, " redeclared in this block")
}

func dedupe(errs Errors) Errors {
	var out Errors
	seen := map[string]bool{}
	for _, e := range errs {
		k := e.Error()
		if !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	return out
}

// unusedImport reports errors about imports the cell does not use: the
// notebook's imports serve all its cells.
func unusedImport(te types.Error) bool {
	return strings.HasSuffix(te.Msg, "imported and not used") || strings.Contains(te.Msg, "imported as ") && strings.HasSuffix(te.Msg, "and not used")
}
