package program

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"
	"sync"

	"github.com/goconc/goconc/kernel/cell"
	"github.com/goconc/goconc/kernel/generics"
	"github.com/goconc/goconc/kernel/stdsource"
)

// Generic code reaches the interpreter lowered (kernel/generics): each
// instantiation is a declaration of its own, derived from the generic one,
// and uses are renamed to it. The derived declarations live in the program
// beside the user's, so the usual plan applies to them: a new instance is
// emitted, a changed one (its generic was redefined) is emitted again in
// place or by a rebuild, an unchanged one is left alone.
//
// Every instance keeps a root, source that instantiates it again
// (Map[int, string]), checked with the program in every later cell: so an
// instance that only an earlier cell's statements needed is derived again
// from the current generic code, and a rebuild that replays that cell finds
// it. A root that no longer compiles (the generic is gone) is dropped.

// Root is source that instantiates a generic function (Map[int, string])
// or type (*Stack[int]).
type Root struct {
	Src string
}

// decl declares a blank variable with the root.
func (r *Root) decl() string {
	if strings.HasPrefix(r.Src, "*") {
		return "var _ " + r.Src
	}
	return "var _ = " + r.Src
}

// lowering is what the generic rewrite made of a checked cell: the text of
// every segment with uses renamed.
type lowering struct {
	res   *generics.Result
	src   string
	texts map[any]string // *Decl, *Global, *cell.Part, *Root -> lowered text
}

// text returns the lowered text of a piece of the program, or orig.
func (lw *lowering) text(key any, orig string) string {
	if lw == nil {
		return orig
	}
	if t, ok := lw.texts[key]; ok {
		return t
	}
	return orig
}

// globalType returns the type of gl as the interpreter must see it.
func (lw *lowering) globalType(gl *Global) string {
	if lw == nil {
		return gl.Type
	}
	t, ok := lw.texts[gl]
	if !ok {
		return gl.Type
	}
	return strings.TrimPrefix(t, "var "+gl.Name+" ")
}

// lowerGenerics lowers the generic code of the checked cell c2 and checks
// the result again. It returns c2 unchanged when the program has none.
func (p *Program) lowerGenerics(next *state, ps *parsed, hoist map[*ast.Ident]*hoisted, c2 *checked, replaced map[string]*Decl, m mode) (*checked, *lowering, error) {
	if c2.a.signaturesOnly {
		// checkCell found that the cell neither uses nor changes generic
		// code, and did not check the bodies the instances come from.
		next.decls = append(userDecls(next.decls), derivedDecls(p.st.decls)...)
		return c2, nil, nil
	}
	if !generics.Has(c2.file, c2.info) {
		next.roots = nil
		next.decls = userDecls(next.decls)
		return c2, nil, nil
	}
	if m == modeCell && p.untouched(c2, ps, hoist) {
		// The cell neither uses nor changes generic code: the instances
		// stay as they are, and the cell runs as checked.
		next.decls = append(userDecls(next.decls), derivedDecls(p.st.decls)...)
		return c2, nil, nil
	}
	src := p.source()
	res, err := generics.Lower(&generics.File{Fset: c2.fset, File: c2.file, Src: c2.src, Info: c2.info,
		Qualify: func(pkg *types.Package) (string, bool) {
			s, ok := p.typeString(types.NewNamed(types.NewTypeName(token.NoPos, pkg, "X", nil), types.Typ[types.Int], nil), next)
			return strings.TrimSuffix(s, ".X"), ok
		},
		Extern: func(obj types.Object) (ast.Node, *generics.Unit, bool) {
			d, pkg, f, ok := src.Decl(obj)
			if !ok {
				return nil, nil, false
			}
			return d, &generics.Unit{Fset: src.Fset, File: f, Src: pkg.Src[src.Fset.File(f.Pos())], Info: pkg.Info, Pkg: pkg.Types}, true
		},
		Methods:  src.Methods,
		CellFunc: cellFunc,
		Cell:     ps.label,
		Home: func(pkg *types.Package) *types.Package {
			if path, ok := strings.CutPrefix(pkg.Path(), stdsource.ExtensionPrefix); ok {
				if home, err := p.imp.Import(path); err == nil {
					return home
				}
			}
			return pkg
		},
		Provided: func(obj types.Object) bool {
			_, ok := p.imp.Symbols(obj.Pkg().Path())[obj.Name()]
			return ok
		},
	}, p.names)
	if err != nil {
		ge := err.(*generics.Error)
		pos := c2.fset.Position(ge.Pos)
		return nil, nil, Errors{{Label: ps.label, Line: pos.Line, Col: pos.Column, Msg: ge.Msg}}
	}
	if res == nil {
		return c2, nil, nil
	}
	lw := &lowering{res: res, src: c2.src, texts: map[any]string{}}
	for _, s := range c2.a.segs {
		var key any
		switch {
		case s.decl != nil:
			key = s.decl
		case s.global != nil:
			key = s.global
		case s.part != nil:
			key = s.part
		case s.root != nil:
			key = s.root
		}
		if key != nil {
			lw.texts[key] = res.Apply(c2.src, s.start, s.end)
		}
	}

	// The derived declarations: the old ones where nothing changed.
	old := map[string]*Decl{}
	for _, d := range p.st.decls {
		if d.derived {
			old[d.Keys[0]] = d
		}
	}
	var derived []*Decl
	next.roots = nil
	for _, in := range res.Instances {
		if in.Root != "" {
			next.roots = append(next.roots, &Root{Src: in.Root})
		}
		if o := old[in.Key]; o != nil && o.Src == in.Text {
			derived = append(derived, o)
			continue
		}
		pos := in.Pos
		if !strings.HasPrefix(pos.Filename, "[") {
			// A copy of the Go source tree's code: [slices/sort.go]:41.
			pos.Filename = "[" + sourceName(pos.Filename) + "]"
		}
		kind := map[generics.Kind]cell.Kind{generics.TypeDecl: cell.Type, generics.FuncDecl: cell.Func, generics.MethodDecl: cell.Method}[in.Kind]
		d := &Decl{Keys: []string{in.Key}, Kind: kind, Src: in.Text, Label: pos.Filename, Line: pos.Line, Col: pos.Column, derived: true}
		derived = append(derived, d)
		if m == modeCell {
			ps.decls = append(ps.decls, d)
			if o := old[in.Key]; o != nil {
				replaced[in.Key] = o
			}
		} else if m == modeReplay && old[in.Key] == nil {
			// A local type of the replayed cell's statements, moved to
			// the top level: the fresh interpreter does not have it.
			ps.decls = append(ps.decls, d)
		}
	}
	next.decls = append(userDecls(next.decls), derived...)

	c3, err := p.check(p.assembleWith(next, ps, hoist, lw))
	if err != nil {
		return nil, nil, err
	}
	if errs, broken := c3.split(ps.label, func(te types.Error) bool {
		return unusedImport(te) || c3.trailingUnused(te)
	}); len(errs) > 0 || len(broken) > 0 {
		msg := ""
		if len(errs) > 0 {
			msg = errs[0].Error()
		} else {
			msg = p.firstError(c3, broken[0])
		}
		return nil, nil, Errors{{Label: ps.label, Msg: "goconc could not lower this generic code into code its interpreter runs (please report it): " + p.names.Demangle(msg)}}
	}
	for _, s := range c3.a.segs {
		if s.decl != nil && !s.decl.derived {
			s.decl.generic = s.node == nil
		}
	}
	return c3, lw, nil
}

func rootsIn(segs []*segment) map[*Root]bool {
	out := map[*Root]bool{}
	for _, s := range segs {
		if s.root != nil {
			out[s.root] = true
		}
	}
	return out
}

func withoutRoots(segs []*segment) []*segment {
	var out []*segment
	for _, s := range segs {
		if s.root == nil {
			out = append(out, s)
		}
	}
	return out
}

func (s *state) dropRoots(gone map[*Root]bool) {
	var kept []*Root
	for _, r := range s.roots {
		if !gone[r] {
			kept = append(kept, r)
		}
	}
	s.roots = kept
}

// sourceName shortens a file of the Go source tree to its package path
// and name: slices/sort.go.
func sourceName(file string) string {
	if i := strings.LastIndex(file, "/src/"); i >= 0 {
		return file[i+len("/src/"):]
	}
	return file
}

// sources are the standard library's generic packages read from source,
// one loader per importer (the types of a package must be the same for
// every program checked with it).
var sources sync.Map // *importer.Importer -> *stdsource.Loader

// source returns the loader of the program's importer, making it the
// importer's source of generic packages on first use.
func (p *Program) source() *stdsource.Loader {
	if l, ok := sources.Load(p.imp); ok {
		return l.(*stdsource.Loader)
	}
	l := stdsource.NewLoader("", p.imp)
	if actual, loaded := sources.LoadOrStore(p.imp, l); loaded {
		return actual.(*stdsource.Loader)
	}
	l.Attach(p.imp)
	return l
}

// compiledImports leaves out the imports of packages that exist only as
// source (iter): the interpreter has no such package, and the lowered code
// names none of their objects (it uses copies).
func (p *Program) compiledImports(ims []*Import) []*Import {
	var out []*Import
	for _, im := range ims {
		if p.imp.Compiled(im.Path) {
			out = append(out, im)
		}
	}
	return out
}

// untouched reports whether a cell leaves the program's generic code as it
// was: it declares nothing, every top-level variable it defines is new or
// keeps its type, nothing in it has a type that is an instance (its code
// would name one) or selects a field named after one, and it declares no
// local type that Lower renames (generics.RenamesLocal).
func (p *Program) untouched(c *checked, ps *parsed, hoist map[*ast.Ident]*hoisted) bool {
	if len(ps.decls) > 0 || !p.keepsGlobals(hoist) {
		return false
	}
	mine := func(pos token.Pos) bool {
		s := c.a.segmentAt(c.offset(pos))
		return s != nil && s.mine
	}
	for id := range c.info.Instances {
		if mine(id.Pos()) {
			return false
		}
	}
	for id, obj := range c.info.Defs {
		if tn, ok := obj.(*types.TypeName); ok && generics.RenamesLocal(tn) && mine(id.Pos()) {
			return false
		}
	}
	for e, tv := range c.info.Types {
		if mine(e.Pos()) && hasInstance(tv.Type, 0) {
			return false
		}
	}
	for id, obj := range c.info.Uses {
		if v, ok := obj.(*types.Var); ok && v.IsField() && v.Embedded() && mine(id.Pos()) && hasInstance(v.Type(), 0) {
			return false
		}
	}
	return true
}

// keepsGlobals reports whether the cell's top-level variables hoist
// leave the program's variables and declarations as they are: each is new,
// or a variable of the same type.
func (p *Program) keepsGlobals(hoist map[*ast.Ident]*hoisted) bool {
	for _, h := range hoist {
		if g := p.st.findGlobal(h.Name); g != nil && g.Type != h.Type || p.st.findDecl(h.Name) != nil {
			return false
		}
	}
	return true
}

// hasInstance reports whether t is or holds an instance of a generic type.
func hasInstance(t types.Type, depth int) bool {
	if t == nil || depth > 8 {
		return false
	}
	switch t := t.(type) {
	case *types.Named:
		return t.TypeArgs().Len() > 0
	case *types.Alias:
		return hasInstance(types.Unalias(t), depth+1)
	case *types.Pointer:
		return hasInstance(t.Elem(), depth+1)
	case *types.Slice:
		return hasInstance(t.Elem(), depth+1)
	case *types.Array:
		return hasInstance(t.Elem(), depth+1)
	case *types.Chan:
		return hasInstance(t.Elem(), depth+1)
	case *types.Map:
		return hasInstance(t.Key(), depth+1) || hasInstance(t.Elem(), depth+1)
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			if hasInstance(t.At(i).Type(), depth+1) {
				return true
			}
		}
	case *types.Signature:
		return hasInstance(t.Params(), depth+1) || hasInstance(t.Results(), depth+1)
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if hasInstance(t.Field(i).Type(), depth+1) {
				return true
			}
		}
	}
	return false
}

// derivedDecls returns the declarations derived from generic code.
func derivedDecls(ds []*Decl) []*Decl {
	var out []*Decl
	for _, d := range ds {
		if d.derived {
			out = append(out, d)
		}
	}
	return out
}

// userDecls returns the declarations the user wrote, without the derived.
func userDecls(ds []*Decl) []*Decl {
	var out []*Decl
	for _, d := range ds {
		if !d.derived {
			out = append(out, d)
		}
	}
	return out
}

// Demangle writes the instance names in a message as Go writes them:
// Map[int, string] for Mapᐸintᐧstringᐳ.
func (p *Program) Demangle(s string) string { return p.names.Demangle(s) }

var _ = fmt.Sprint
