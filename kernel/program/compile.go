package program

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/goconc/goconc/kernel/cell"
)

// mode says what Compile makes of a cell.
type mode int

const (
	modeCell   mode = iota // a new cell: declarations and statements
	modeReplay             // an earlier cell replayed after a rebuild: statements only
	modeFull               // no cell: the whole program, for a fresh interpreter
)

// Compile checks a cell (already stripped of magics) labelled label, such as
// "[5]", and returns the unit that runs it. Errors are Errors at cell
// positions.
func (p *Program) Compile(label, src string) (*Unit, error) {
	return p.compile(label, src, modeCell)
}

// CompileExplore compiles a cell to be explored under many schedules
// (%%explore): as Compile, with scheduling points where the cell reads or
// writes shared memory (see explorepoints.go).
func (p *Program) CompileExplore(label, src string) (*Unit, error) {
	return p.compileUnit(&Unit{Label: label, src: withoutBOM(src), Explore: true}, modeCell)
}

// Replay compiles the statements of an earlier cell against the current
// program, for a rebuild.
func (p *Program) Replay(label, src string) (*Unit, error) {
	return p.compile(label, src, modeReplay)
}

// Chunks returns the code that gives a fresh interpreter the whole program:
// its imports, declarations and (zero-valued) globals.
func (p *Program) Chunks() ([]Chunk, error) {
	u, err := p.compile("[program]", "", modeFull)
	if err != nil {
		return nil, err
	}
	return u.Chunks, nil
}

// ReplayCells returns the labels and sources of the cells a rebuild replays.
func (p *Program) ReplayCells() (labels, srcs []string) {
	for _, h := range p.history {
		labels = append(labels, h.label)
		srcs = append(srcs, h.src)
	}
	return labels, srcs
}

func (p *Program) compile(label, src string, m mode) (*Unit, error) {
	return p.compileUnit(&Unit{Label: label, src: withoutBOM(src)}, m)
}

// withoutBOM returns src without the byte order mark a file written by
// some editors begins with: Go ignores it there, where a cell begins,
// and refuses it inside a file ("illegal byte order mark"), where goconc
// puts the cell (Go's test/bom.go).
func withoutBOM(src string) string { return strings.TrimPrefix(src, "\ufeff") }

func (p *Program) compileUnit(u *Unit, m mode) (*Unit, error) {
	notes := len(u.Notes)
	for _, bodies := range []bool{false, true} {
		ck, err := p.checkCell(u.Label, u.src, m, u, "", bodies)
		if err != nil {
			return nil, err
		}
		if src, ok := qualifyDotImports(ck.c, u.src, ck.next.dotImported()); ok {
			u.src, u.Notes = src, u.Notes[:notes]
			if ck, err = p.checkCell(u.Label, u.src, m, u, "", bodies); err != nil {
				return nil, err
			}
		}
		if src, ok := renamePredeclared(ck.c, u.src); ok && m == modeCell {
			u.src, u.Notes = src, u.Notes[:notes]
			if ck, err = p.checkCell(u.Label, u.src, m, u, "", bodies); err != nil {
				return nil, err
			}
		}
		next, ps, c, replaced, rebuild := ck.next, ck.ps, ck.c, ck.replaced, ck.rebuild
		u.next = next
		err = p.emit(u, c, ck.lw, ps, replaced, rebuild, m)
		if err == errNeedBodies && !bodies {
			u.Notes = u.Notes[:notes] // (the check again says them)
			continue
		}
		if err != nil {
			return nil, err
		}
		break
	}
	return u, nil
}

// checkedCell is a cell checked against the program: the program as it
// would be with the cell, and the cell's checked assembly.
type checkedCell struct {
	next     *state
	ps       *parsed
	c        *checked // with generic code lowered
	lw       *lowering
	replaced map[string]*Decl
	rebuild  bool
}

// checkCell parses and type-checks a cell against a copy of the program,
// leaving out the declarations of cell omit if it is not ""; notes for
// the user go to u. With bodies, the functions of earlier cells are
// checked with their bodies whatever the cell does.
func (p *Program) checkCell(label, src string, m mode, u *Unit, omit string, bodies bool) (checkedCell, error) {
	ps, err := parseCell(label, src)
	if err != nil {
		return checkedCell{}, err
	}
	if ps, err = inlineLocalAliases(ps); err != nil {
		return checkedCell{}, err
	}
	for split := 0; ; split++ {
		group, errs := p.orderVars(ps)
		if len(errs) > 0 {
			return checkedCell{}, errs
		}
		if group == nil || split >= 100 {
			break
		}
		if ps, err = parseCell(label, splitVarGroup(ps.c.Src, ps.c, group)); err != nil {
			return checkedCell{}, err
		}
	}
	// The standard library's generic packages, read from source when the
	// first cell is checked (not at start-up: the kernel answers sooner).
	p.source()
	next := p.st.clone()
	// Instances are derived again from the program with this cell. A cell
	// that declares nothing keeps them while it is checked: the earlier
	// cells' code they come from is unchanged, and a cell whose check
	// skips the lowering (untouched) must still see the types they
	// declare (a local type moved to the top level, whose values an
	// assertion in the cell must tell from its underlying type's).
	if m != modeCell || len(ps.decls) > 0 || omit != "" {
		next.decls = userDecls(next.decls)
	}
	if omit != "" {
		kept := next.decls[:0]
		for _, d := range next.decls {
			if d.Label != omit {
				kept = append(kept, d)
			}
		}
		next.decls = kept
	}
	rebuild := false
	if m == modeReplay {
		ps.decls, ps.imports, ps.inits = nil, nil, nil
		ps.pkgClause = false
	}
	if errs := p.addImports(next, ps, &rebuild); len(errs) > 0 {
		return checkedCell{}, errs
	}
	replaced := p.replaceDecls(next, ps)

	// Phase 1: the cell's top-level variables are still locals of the cell's
	// function; this finds their types, and the packages to import.
	var c1 *checked
	for attempt := 0; ; attempt++ {
		c1, err = p.check(p.assembleSignatures(next, ps, nil))
		if err != nil {
			return checkedCell{}, err
		}
		if attempt >= 5 || !p.autoImport(c1, ps, next) {
			break
		}
	}
	if errs := usedBeforeDeclared(c1, ps); len(errs) > 0 {
		return checkedCell{}, errs
	}
	hoist, notes, errs := p.hoist(c1, ps, next)
	if len(errs) > 0 {
		return checkedCell{}, errs
	}
	u.Notes = append(u.Notes, notes...)
	next.setGlobals(hoist)

	// Phase 2: those variables are globals, as they will be in the
	// interpreter. Declarations of earlier cells that this cell breaks are
	// dropped from the program. A cell that declares nothing and gives no
	// variable a new type breaks none: the functions of earlier cells are
	// checked by their signatures only (checking their bodies again cost
	// every cell the size of the notebook), unless the cell uses generic
	// code, whose instances are derived from every body.
	quiet := !bodies && m == modeCell && !u.Explore && omit == "" && !rebuild && len(ps.decls) == 0 && len(replaced) == 0 && p.keepsGlobals(hoist)
	var c2 *checked
	for attempt := 0; ; attempt++ {
		a := p.assemble
		if quiet {
			a = p.assembleSignatures
		}
		asm := a(next, ps, hoist)
		if quiet && asm.b.String() == c1.src {
			c2 = c1 // nothing was hoisted: phase 1 checked this very file
		} else if c2, err = p.check(asm); err != nil {
			return checkedCell{}, err
		}
		if quiet && !p.untouched(c2, ps, hoist) {
			quiet = false
			attempt--
			continue
		}
		mine, broken := c2.split(label, func(te types.Error) bool {
			return unusedImport(te) || c2.trailingUnused(te)
		})
		if len(mine) > 0 {
			return checkedCell{}, p.explainPreludeGone(mine)
		}
		// A root whose generic code is gone or changed its constraints
		// instantiates nothing any more.
		if gone := rootsIn(broken); len(gone) > 0 {
			next.dropRoots(gone)
			broken = withoutRoots(broken)
			if len(broken) == 0 {
				continue
			}
		}
		if len(broken) == 0 || attempt >= 10 || m != modeCell {
			if len(broken) > 0 {
				return checkedCell{}, Errors{{Label: label, Msg: "this cell no longer fits the program: " + p.firstError(c2, broken[0])}}
			}
			break
		}
		for _, s := range broken {
			if note := p.drop(next, s, c2); note != "" {
				u.Notes = append(u.Notes, note)
			}
		}
	}
	if m == modeReplay {
		for _, h := range hoist {
			if g := p.st.findGlobal(h.Name); g == nil || g.Type != h.Type {
				return checkedCell{}, Errors{{Label: label, Msg: fmt.Sprintf("%s is now of type %s", h.Name, typeOrNone(g))}}
			}
		}
	}
	c3, lw, err := p.lowerGenerics(next, ps, hoist, c2, replaced, m)
	if err != nil {
		return checkedCell{}, err
	}
	return checkedCell{next: next, ps: ps, c: c3, lw: lw, replaced: replaced, rebuild: rebuild}, nil
}

// setGlobals declares the hoisted variables, keeping a global of the same
// name and type as it is (the interpreter keeps its variable).
func (s *state) setGlobals(hoist map[*ast.Ident]*hoisted) {
	byName := map[string]*hoisted{}
	for _, h := range hoist {
		if prev := byName[h.Name]; prev == nil || h.Line > prev.Line || h.Line == prev.Line && h.Col > prev.Col {
			byName[h.Name] = h
		}
	}
	var kept []*Global
	for _, g := range s.globals {
		h := byName[g.Name]
		if h == nil {
			kept = append(kept, g)
			continue
		}
		if h.Type == g.Type {
			kept = append(kept, g)
			delete(byName, g.Name)
		}
	}
	// Keep the order in which the cell defines them.
	for _, name := range sortedByPos(byName) {
		h := byName[name]
		g := h.Global
		kept = append(kept, &g)
	}
	s.globals = kept
	// A variable replaces a declaration of the same name.
	var decls []*Decl
	for _, d := range s.decls {
		clash := false
		for _, k := range d.Keys {
			if byName[k] != nil {
				clash = true
			}
		}
		if !clash {
			decls = append(decls, d)
		}
	}
	s.decls = decls
}

func sortedByPos(m map[string]*hoisted) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	for i := 1; i < len(names); i++ {
		for j := i; j > 0; j-- {
			a, b := m[names[j]], m[names[j-1]]
			if a.Line < b.Line || a.Line == b.Line && a.Col < b.Col {
				names[j], names[j-1] = names[j-1], names[j]
			}
		}
	}
	return names
}

func typeOrNone(g *Global) string {
	if g == nil {
		return "undeclared"
	}
	return g.Type
}

// addImports adds the cell's imports to next.
func (p *Program) addImports(next *state, ps *parsed, rebuild *bool) Errors {
	var errs Errors
	for _, ci := range ps.imports {
		if !p.imp.Has(ci.Path) {
			errs = append(errs, &Error{Label: ps.label, Line: ci.line, Col: ci.col,
				Msg: fmt.Sprintf("package %q is not available in goconc: it offers the standard library, golang.org/x/sync, golang.org/x/time/rate, the Go Tour's golang.org/x/tour and goconc's lib", ci.Path)})
			continue
		}
		name := ci.Name
		switch name {
		case "_":
			next.embedImported = next.embedImported || ci.Path == "embed"
			continue // the standard library's side effects are already there
		case ".":
			im := &Import{Name: dotImportName(ci.Path), Path: ci.Path, Dot: true}
			if !next.hasImport(im) {
				next.imports = append(next.imports, im)
			}
			continue
		case "":
			name = p.imp.Name(ci.Path)
		}
		if old := next.importNamed(name); old != nil {
			if old.Path == ci.Path {
				continue
			}
			*rebuild = true
			next.removeImport(name)
		}
		next.imports = append(next.imports, &Import{Name: name, Path: ci.Path})
	}
	return errs
}

func (s *state) removeImport(name string) {
	out := s.imports[:0:0]
	for _, im := range s.imports {
		if im.Name != name {
			out = append(out, im)
		}
	}
	s.imports = out
}

// replaceDecls puts the cell's declarations into next, replacing those they
// redeclare, and returns the replaced ones by key.
func (p *Program) replaceDecls(next *state, ps *parsed) map[string]*Decl {
	replaced := map[string]*Decl{}
	newKeys := map[string]bool{}
	for _, d := range ps.decls {
		for _, k := range d.Keys {
			newKeys[k] = true
		}
	}
	// Defining a name a top-level variable of this cell also defines is
	// reported by the checker; here only earlier declarations are replaced.
	var kept []*Decl
	for _, d := range next.decls {
		hit := false
		for _, k := range d.Keys {
			if newKeys[k] {
				hit = true
			}
		}
		if hit {
			for _, k := range d.Keys {
				replaced[k] = d
			}
			continue
		}
		kept = append(kept, d)
	}
	next.decls = append(kept, ps.decls...)
	var globals []*Global
	for _, g := range next.globals {
		if !newKeys[g.Name] {
			globals = append(globals, g)
		}
	}
	next.globals = globals
	return replaced
}

// hoisted is a top-level variable of the cell that becomes a global.
type hoisted struct {
	Global
	ident *ast.Ident
}

// hoist finds the types of the cell's top-level variables.
func (p *Program) hoist(c1 *checked, ps *parsed, next *state) (map[*ast.Ident]*hoisted, []string, Errors) {
	out := map[*ast.Ident]*hoisted{}
	var notes []string
	var invalid bool
	for i := range ps.stmts {
		part := &ps.stmts[i]
		seg := c1.segmentFor(part)
		if seg == nil || seg.node == nil {
			continue
		}
		for _, id := range topLevelDefines(*part) {
			obj := c1.defAt(seg, id, ps)
			if obj == nil || obj.Type() == nil || obj.Type() == types.Typ[types.Invalid] {
				invalid = true
				continue
			}
			typ, ok := p.typeString(obj.Type(), next)
			if !ok {
				notes = append(notes, fmt.Sprintf("%s is not kept for later cells: its type %s cannot be named outside its package", id.Name, obj.Type()))
				continue
			}
			line, col := ps.c.Position(id.Pos())
			out[id] = &hoisted{Global: Global{Name: id.Name, Type: typ, Label: ps.label, Line: line, Col: col}, ident: id}
		}
	}
	if invalid {
		// Report the real errors now, with the variables still local (they
		// cannot be hoisted without a type). Functions of the cell that use
		// those variables cannot see them yet: that is not an error.
		if errs, _ := c1.split(ps.label, func(te types.Error) bool {
			return unusedImport(te) || isTopLevelUnused(te, ps) || isTopLevelUndefined(te, ps) || c1.trailingUnused(te)
		}); len(errs) > 0 {
			return nil, nil, errs
		}
	}
	// A statement defining several names is hoisted whole or not at all.
	for i := range ps.stmts {
		ids := topLevelDefines(ps.stmts[i])
		all := true
		for _, id := range ids {
			if out[id] == nil {
				all = false
			}
		}
		if !all {
			for _, id := range ids {
				delete(out, id)
			}
		}
	}
	return out, notes, nil
}

// isTopLevelUnused reports "declared and not used" for a cell-level name,
// which later cells may use.
func isTopLevelUnused(te types.Error, ps *parsed) bool {
	if !strings.HasPrefix(te.Msg, "declared and not used: ") {
		return false
	}
	name := strings.TrimPrefix(te.Msg, "declared and not used: ")
	for _, part := range ps.stmts {
		for _, id := range topLevelDefines(part) {
			if id.Name == name {
				return true
			}
		}
	}
	return false
}

// trailingUnused reports "x is not used" for the cell's last statement: a
// cell may end with an expression, whose value is shown.
func (c *checked) trailingUnused(te types.Error) bool {
	if !strings.HasSuffix(te.Msg, "is not used") {
		return false
	}
	var last *segment
	for _, s := range c.a.segs {
		if s.kind == segStmt {
			last = s
		}
	}
	if last == nil || last.node == nil {
		return false
	}
	es, ok := last.node.(*ast.ExprStmt)
	return ok && c.offset(te.Pos) >= c.offset(es.Pos()) && c.offset(te.Pos) < c.offset(es.End())
}

// usedBeforeDeclared reports a statement of a cell, outside function
// literals, that uses a variable the cell declares after it:
//
//	var total = sum(values)
//	var values = []int{1, 2, 3}
//
// The cell's variables are the notebook's globals, so go/types accepts
// this as it accepts a Go file; but a cell runs its statements and var
// declarations in the order written, and total would be sum(nil), where
// Go, which initializes a file's variables by what their values use,
// makes it 6. A pasted program (with its package clause) is put in Go's
// order (orderVars); a cell says which variable to declare first. In
// phase 1 (c1) the cell's variables are locals of its function: such a
// use resolves to nothing.
func usedBeforeDeclared(c1 *checked, ps *parsed) Errors {
	if ps.pkgClause {
		return nil
	}
	declaredAt := map[string]int{} // where the cell first declares a name
	for _, part := range ps.stmts {
		for _, id := range topLevelDefines(part) {
			if _, ok := declaredAt[id.Name]; !ok {
				declaredAt[id.Name] = ps.c.Offset(id.Pos())
			}
		}
	}
	for i := range ps.stmts {
		seg := c1.segmentFor(&ps.stmts[i])
		if seg == nil || seg.node == nil {
			continue
		}
		cellOffset := func(id *ast.Ident) int { return c1.offset(id.Pos()) - seg.start + seg.part.Start }
		var use *ast.Ident
		var walk func(ast.Node) bool
		walk = func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.SelectorExpr:
				ast.Inspect(n.X, walk) // (not the field or method)
				return false
			case *ast.KeyValueExpr:
				if _, ok := n.Key.(*ast.Ident); ok {
					ast.Inspect(n.Value, walk) // (a field's name)
					return false
				}
			}
			if use != nil {
				return false
			}
			if id, ok := n.(*ast.Ident); ok && c1.info.Uses[id] == nil && c1.info.Defs[id] == nil {
				if at, ok := declaredAt[id.Name]; ok && at > cellOffset(id) {
					use = id
				}
			}
			return true
		}
		ast.Inspect(seg.node, walk)
		if use == nil {
			continue
		}
		line, col := ps.c.LineCol(cellOffset(use))
		declLine, _ := ps.c.LineCol(declaredAt[use.Name])
		return Errors{{Label: ps.label, Line: line, Col: col, Msg: fmt.Sprintf(
			"%s is used before the cell declares it, at line %d: a cell runs in the order written (a Go file would initialize %s first): declare it before its use",
			use.Name, declLine, use.Name)}}
	}
	return nil
}

// isTopLevelUndefined reports "undefined: x" for a cell-level name x.
func isTopLevelUndefined(te types.Error, ps *parsed) bool {
	name, ok := strings.CutPrefix(te.Msg, "undefined: ")
	if !ok {
		return false
	}
	for _, part := range ps.stmts {
		for _, id := range topLevelDefines(part) {
			if id.Name == name {
				return true
			}
		}
	}
	return false
}

// segmentFor returns the segment of a cell part.
func (c *checked) segmentFor(part *cell.Part) *segment {
	for _, s := range c.a.segs {
		if s.part == part {
			return s
		}
	}
	return nil
}

// defAt returns the object the identifier id of the cell defines in the
// checked assembly, found by position within the part's segment.
func (c *checked) defAt(seg *segment, id *ast.Ident, ps *parsed) types.Object {
	want := ps.c.Offset(id.Pos()) - seg.part.Start + seg.start
	for ident, obj := range c.info.Defs {
		if c.offset(ident.Pos()) == want && ident.Name == id.Name {
			return obj
		}
	}
	return nil
}

// firstError returns the first error message in a segment.
func (p *Program) firstError(c *checked, s *segment) string {
	for _, te := range c.errs {
		if c.a.segmentAt(c.offset(te.Pos)) == s {
			pos := c.fset.Position(te.Pos)
			return fmt.Sprintf("%s:%d:%d: %s", pos.Filename, pos.Line, pos.Column, te.Msg)
		}
	}
	return "it no longer compiles"
}

// drop removes a declaration or global of an earlier cell that no longer
// compiles, and says so.
func (p *Program) drop(next *state, s *segment, c *checked) string {
	why := p.firstError(c, s)
	switch {
	case s.decl != nil && s.decl.Label == PreludeLabel:
		// The notebook's own names come first: a program declaring
		// error or string breaks the display API, which it does not use.
		if p.preludeGone == nil {
			p.preludeGone = map[string]string{}
		}
		for _, k := range s.decl.Keys {
			p.preludeGone[k] = why
		}
		next.decls = slices.DeleteFunc(slices.Clone(next.decls), func(d *Decl) bool { return d == s.decl })
		return ""
	case s.decl != nil:
		var kept []*Decl
		for _, d := range next.decls {
			if d != s.decl {
				kept = append(kept, d)
			}
		}
		next.decls = kept
		return fmt.Sprintf("%s %s (from %s) no longer compiles and was removed: %s", s.decl.Kind, strings.Join(s.decl.Keys, ", "), s.decl.Label, why)
	case s.global != nil:
		var kept []*Global
		for _, g := range next.globals {
			if g != s.global {
				kept = append(kept, g)
			}
		}
		next.globals = kept
		return fmt.Sprintf("variable %s (from %s) no longer compiles and was removed: %s", s.global.Name, s.global.Label, why)
	}
	return "part of the program no longer compiles: " + why
}

// explainPreludeGone says, of each "undefined: Display" of errs naming a
// declaration of the prelude that an earlier cell broke, why it is gone.
func (p *Program) explainPreludeGone(errs Errors) Errors {
	for _, e := range errs {
		if why, ok := p.preludeGone[strings.TrimPrefix(e.Msg, "undefined: ")]; ok && strings.HasPrefix(e.Msg, "undefined: ") {
			e.Msg += " (goconc's own, of its display API, removed when the notebook declared a name it uses: " + why + ")"
		}
	}
	return errs
}

// typeString returns t as Go source in the program, adding a hidden import
// for a package the notebook did not import by name. It reports false if t
// cannot be written outside its package.
func (p *Program) typeString(t types.Type, next *state) (string, bool) {
	ok := true
	qual := func(pkg *types.Package) string {
		if pkg == nil || pkg.Path() == "main" {
			return ""
		}
		for _, im := range next.imports {
			if im.Path == pkg.Path() {
				return im.Name
			}
		}
		// A type of goconc's lib that stands in for a standard one is
		// written with the standard package's name: sync.Mutex.
		if std, ok := p.imp.ReexportedBy(pkg.Path()); ok {
			for _, im := range next.imports {
				if im.Path == std {
					return im.Name
				}
			}
		}
		if !p.imp.Has(pkg.Path()) {
			ok = false
			return pkg.Name()
		}
		name := "__goconc_" + strings.NewReplacer("/", "_", ".", "_", "-", "_").Replace(pkg.Path())
		next.imports = append(next.imports, &Import{Name: name, Path: pkg.Path(), Auto: true})
		return name
	}
	if !expressible(t, map[types.Type]bool{}) {
		return "", false
	}
	s := types.TypeString(t, qual)
	return s, ok
}

// expressible reports whether t can be written in another package.
func expressible(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return true
	}
	seen[t] = true
	switch t := t.(type) {
	case *types.Named:
		if t.Obj().Pkg() != nil && t.Obj().Pkg().Path() != "main" && !t.Obj().Exported() {
			return false
		}
		if t.Obj().Parent() != nil && t.Obj().Parent() != t.Obj().Pkg().Scope() {
			return false // a type local to a function
		}
		for i := 0; i < t.TypeArgs().Len(); i++ {
			if !expressible(t.TypeArgs().At(i), seen) {
				return false
			}
		}
		return true
	case *types.Alias:
		return expressible(types.Unalias(t), seen)
	case *types.TypeParam:
		return false
	case *types.Pointer:
		return expressible(t.Elem(), seen)
	case *types.Slice:
		return expressible(t.Elem(), seen)
	case *types.Array:
		return expressible(t.Elem(), seen)
	case *types.Chan:
		return expressible(t.Elem(), seen)
	case *types.Map:
		return expressible(t.Key(), seen) && expressible(t.Elem(), seen)
	case *types.Signature:
		for _, tup := range []*types.Tuple{t.Params(), t.Results()} {
			for i := 0; i < tup.Len(); i++ {
				if !expressible(tup.At(i).Type(), seen) {
					return false
				}
			}
		}
		return true
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if !expressible(t.Field(i).Type(), seen) {
				return false
			}
		}
		return true
	}
	return true
}

var _ = token.NoPos
