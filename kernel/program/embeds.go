package program

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/goconc/goconc/kernel/cell"
	"github.com/goconc/goconc/kernel/embedfiles"
)

// embedDirectives gives each variable a //go:embed directive names the
// files it names, as go build does, from the notebook's directory:
//
//	//go:embed hello.txt
//	var s string
//
// becomes
//
//	//go:embed hello.txt
//	var s string = __goconc.EmbedString("hello.txt")
//
// (EmbedBytes for a []byte, EmbedFS for an embed.FS). The interpreter
// ignores the directive: the variable was empty. The patterns are checked
// when the cell is compiled, and fail it with go build's messages at its
// places: a pattern that names no file, a variable inside a function or
// with an initializer, of another type, a string of two files, a
// directive that precedes no variable, a notebook that does not import
// embed (kernel/embedfiles).
func (g *gen) embedDirectives() {
	if !strings.Contains(g.ps.c.Src, "//go:embed") {
		return // (an earlier cell's directives were checked with it)
	}
	dirs := g.embedComments()
	if len(dirs) == 0 {
		return
	}
	targets := g.embedTargets()
	byVar := map[*ast.ValueSpec][]embedDirective{}
	var order []*embedTarget
	for _, d := range dirs {
		if d.err != "" {
			g.cannotRunAt(d.place(0), d.err)
			return
		}
		t := g.embedTarget(d, targets)
		if t == nil {
			g.cannotRunAt(d.place(0), "misplaced go:embed directive")
			return
		}
		if len(d.patterns) == 0 {
			g.cannotRunAt(d.place(0), "usage: //go:embed pattern...")
			return
		}
		if byVar[t.spec] == nil {
			order = append(order, t)
		}
		byVar[t.spec] = append(byVar[t.spec], d)
	}
	// The go command resolves the patterns before anything compiles.
	files := map[*ast.ValueSpec][]string{}
	for _, t := range order {
		var patterns []string
		for _, d := range byVar[t.spec] {
			for _, p := range d.patterns {
				patterns = append(patterns, p.Text)
				if _, err := embedfiles.Resolve(".", []string{p.Text}); err != nil {
					g.cannotRunAt(d.place(p.Offset), err.Error())
					return
				}
			}
		}
		files[t.spec], _ = embedfiles.Resolve(".", patterns)
	}
	for _, t := range order {
		g.embedVar(t, byVar[t.spec], files[t.spec])
	}
}

// embedDirective is a //go:embed comment: where it starts in the cell,
// its patterns (their offsets in the comment's text), or the error of
// their quoting.
type embedDirective struct {
	start    token.Position // of the comment's //
	patterns []embedfiles.Pattern
	err      string
}

// place is where the directive's text at offset is; at 0, its go:embed.
func (d embedDirective) place(offset int) token.Position {
	p := d.start
	if offset == 0 {
		offset = 2
	}
	p.Column += offset
	return p
}

// cannotRunAt fails the cell with msg at p.
func (g *gen) cannotRunAt(p token.Position, msg string) {
	g.errs = append(g.errs, &Error{Label: p.Filename, Line: p.Line, Col: p.Column, Msg: msg})
}

// newEmbedDirective returns the directive of the line comment text that
// starts at start, if it is one.
func newEmbedDirective(text string, start token.Position) (embedDirective, bool) {
	args, ok := strings.CutPrefix(text, "//go:embed")
	if !ok || args != "" && args[0] != ' ' && args[0] != '\t' {
		return embedDirective{}, false
	}
	d := embedDirective{start: start}
	ps, err := embedfiles.Patterns(args, len("//go:embed"))
	if err != nil {
		d.err = err.Error()
	}
	d.patterns = ps
	return d, true
}

// embedComments returns the //go:embed directives of the code the
// rewrites work on, in functions, and those of the cell's own statements,
// which the checked program leaves out with the comments between them.
func (g *gen) embedComments() []embedDirective {
	var out []embedDirective
	seen := map[int]bool{} // the cell's lines
	for _, d := range g.scoped() {
		for _, cg := range g.c.file.Comments {
			if cg.Pos() < d.Pos() || cg.End() > d.End() {
				continue
			}
			for _, c := range cg.List {
				p := g.c.fset.Position(c.Slash)
				if dir, ok := newEmbedDirective(c.Text, p); ok {
					off := g.c.offset(c.Slash)
					if strings.TrimSpace(g.c.src[strings.LastIndexByte(g.c.src[:off], '\n')+1:off]) != "" {
						dir.err = "misplaced compiler directive" // (not on a line of its own)
					}
					out = append(out, dir)
					if p.Filename == g.ps.label {
						seen[p.Line] = true
					}
				}
			}
		}
	}
	for i, line := range strings.Split(g.ps.c.Src, "\n") {
		text := strings.TrimLeft(line, " \t")
		if !strings.HasPrefix(text, "//go:embed") || seen[i+1] {
			continue
		}
		p := token.Position{Filename: g.ps.label, Line: i + 1, Column: len(line) - len(text) + 1}
		if dir, ok := newEmbedDirective(strings.TrimRight(text, " \t\r"), p); ok {
			out = append(out, dir)
		}
	}
	return out
}

// embedTarget is a variable's declaration a directive may precede: a
// spec, or a group of specs (grouped), where it starts; at the top level
// of a cell (the notebook's variables), with the assignment of its value
// in the checked program, or in a function.
type embedTarget struct {
	start    token.Position
	at       func(token.Pos) token.Position // where a position of the spec is
	spec     *ast.ValueSpec
	grouped  bool // the var ( ... ) of several specs
	topLevel bool
	declLine int // the line of its var, where the cell's function assigns it
	assign   *ast.AssignStmt
}

// embedTargets returns the variables' declarations a directive may
// precede: those of the functions the rewrites work on, and the cell's
// own, which the checked program declares at its top level and assigns
// in the cell's function (s = *new(string)).
func (g *gen) embedTargets() []*embedTarget {
	var out []*embedTarget
	add := func(gd *ast.GenDecl, topLevel bool, position func(token.Pos) token.Position) {
		if gd.Tok != token.VAR || len(gd.Specs) == 0 {
			return
		}
		line := position(gd.Pos()).Line
		if gd.Lparen.IsValid() && len(gd.Specs) > 1 {
			out = append(out, &embedTarget{start: position(gd.Pos()), at: position, spec: gd.Specs[0].(*ast.ValueSpec), grouped: true, topLevel: topLevel, declLine: line})
		}
		for i, s := range gd.Specs {
			start := s.Pos()
			if i == 0 && !gd.Lparen.IsValid() {
				start = gd.Pos()
			}
			out = append(out, &embedTarget{start: position(start), at: position, spec: s.(*ast.ValueSpec), topLevel: topLevel, declLine: line})
		}
	}
	for _, d := range g.scoped() {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if ds, ok := n.(*ast.DeclStmt); ok {
					add(ds.Decl.(*ast.GenDecl), false, g.c.fset.Position)
				}
				return true
			})
		}
	}
	cellPosition := func(pos token.Pos) token.Position {
		line, col := g.ps.c.Position(pos)
		return token.Position{Filename: g.ps.label, Line: line, Column: col}
	}
	for _, part := range g.ps.c.Parts {
		if gd, ok := part.Decl.(*ast.GenDecl); ok && part.Kind == cell.Var {
			add(gd, true, cellPosition)
		}
	}
	// The assignments of the cell's variables, by line and name.
	if body := g.c.a.body; body != nil {
		for _, st := range body.Body.List {
			as, ok := st.(*ast.AssignStmt)
			if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
				continue
			}
			id, ok := as.Lhs[0].(*ast.Ident)
			if !ok {
				continue
			}
			p := g.c.fset.Position(as.Pos())
			for _, t := range out {
				if t.topLevel && !t.grouped && t.assign == nil && t.declLine == p.Line && len(t.spec.Names) == 1 && t.spec.Names[0].Name == id.Name {
					t.assign = as
				}
			}
		}
	}
	return out
}

// embedTarget returns the declaration d precedes in its cell, with only
// blank lines and line comments between, or nil.
func (g *gen) embedTarget(d embedDirective, targets []*embedTarget) *embedTarget {
	var next *embedTarget
	for _, t := range targets {
		p := t.start
		if p.Filename != d.start.Filename || p.Line < d.start.Line || p.Line == d.start.Line && p.Column <= d.start.Column {
			continue
		}
		if next == nil || p.Line < next.start.Line || p.Line == next.start.Line && p.Column < next.start.Column {
			next = t
		}
	}
	if next == nil {
		return nil
	}
	if d.start.Filename != g.ps.label {
		return next // (a function of an earlier cell: no lines of its own to read here)
	}
	lines := strings.Split(g.ps.c.Src, "\n")
	for l := d.start.Line + 1; l < next.start.Line && l <= len(lines); l++ {
		if text := strings.TrimSpace(lines[l-1]); text != "" && !strings.HasPrefix(text, "//") {
			return nil
		}
	}
	if l := next.start.Line; l <= len(lines) && strings.TrimSpace(lines[l-1][:min(next.start.Column-1, len(lines[l-1]))]) != "" {
		return nil // (something else before it on its line)
	}
	return next
}

// embedVar checks the variable t declares, which directives name files,
// as the compiler does, and gives it its initializer.
func (g *gen) embedVar(t *embedTarget, directives []embedDirective, files []string) {
	at := directives[0].place(0)
	switch {
	case !g.importsEmbed():
		g.cannotRunAt(at, `go:embed requires import "embed" (or import _ "embed", if package is not used)`)
		return
	case t.grouped || len(t.spec.Names) > 1:
		g.cannotRunAt(at, "go:embed cannot apply to multiple vars")
		return
	case len(t.spec.Values) > 0:
		g.cannotRunAt(at, "go:embed cannot apply to var with initializer")
		return
	case t.spec.Type == nil:
		g.cannotRunAt(at, "go:embed cannot apply to var without type")
		return
	case !t.topLevel:
		g.cannotRunAt(at, "go:embed cannot apply to var inside func")
		return
	}
	if t.assign == nil {
		g.cannotRunAt(at, "goconc found no assignment of the variable go:embed applies to (please report it)")
		return
	}
	name := t.assign.Lhs[0]
	typ := g.c.info.TypeOf(name)
	var patterns []string
	for _, d := range directives {
		for _, p := range d.patterns {
			patterns = append(patterns, strconv.Quote(p.Text))
		}
	}
	hook := ""
	switch {
	case isEmbedFS(typ):
		hook = "EmbedFS"
	case types.Identical(typ, types.Typ[types.String]):
		hook = "EmbedString"
	case types.Identical(typ, types.NewSlice(types.Typ[types.Byte])):
		hook = "EmbedBytes"
	default:
		g.cannotRunAt(t.name(), fmt.Sprintf("go:embed cannot apply to var of type %s", types.TypeString(typ, (*types.Package).Name)))
		return
	}
	if hook != "EmbedFS" && len(files) > 1 {
		g.cannotRunAt(t.name(), fmt.Sprintf("invalid go:embed: multiple files for type %s", types.TypeString(typ, (*types.Package).Name)))
		return
	}
	g.r.Replace(t.assign.Rhs[0], func() string { return HooksName + "." + hook + "(" + strings.Join(patterns, ", ") + ")" })
}

// name is where the target's variable's name is.
func (t *embedTarget) name() token.Position { return t.at(t.spec.Names[0].Pos()) }

// isEmbedFS reports whether t is embed.FS.
func isEmbedFS(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "embed" && n.Obj().Name() == "FS"
}

// importsEmbed reports whether the notebook imports embed, by a name or
// for its side effects (import _ "embed").
func (g *gen) importsEmbed() bool {
	for _, im := range g.u.next.imports {
		if im.Path == "embed" {
			return true
		}
	}
	return g.u.next.embedImported
}
