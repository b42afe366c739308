// Package generics lowers generic Go into ordinary Go, for an interpreter
// that runs generic code wrongly or not at all.
//
// go/types knows every instantiation in a checked file (types.Info.Instances).
// Lower makes each instantiation of a generic function or type declared in
// the file a declaration of its own: a copy of the generic declaration with
// the type arguments written where the type parameters were, under a name
// that says what it is (Map[int, string] becomes Mapᐸintᐧstringᐳ). Every
// use is renamed to it, the generic declarations go, and the instantiations
// inside the copies are followed until no new one appears. What remains is
// Go without type parameters, with the meaning the generic code had.
//
// Lower also moves the named types declared inside functions that the
// interpreter would not tell from their underlying types to the top level
// (localtypes.go), by the same means as a local type an instance needs.
//
// A copy keeps the lines of the declaration it comes from (edits never add
// or remove a line), so a position in it is a position in the user's cell.
package generics

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/goconc/goconc/kernel/reflectname"
)

// File is a checked Go file to lower.
type File struct {
	Fset *token.FileSet
	File *ast.File
	Src  string
	Info *types.Info
	// Qualify returns the name that type text in the file uses for pkg, and
	// false if the file cannot name it.
	Qualify func(pkg *types.Package) (string, bool)

	// Extern finds the declaration of a package-level object of a package
	// read from source (the standard library's slices, maps...), whose
	// code instances copy: a *ast.FuncDecl, *ast.TypeSpec or *ast.ValueSpec,
	// and the unit it is in. Nil if there are none.
	Extern func(obj types.Object) (ast.Node, *Unit, bool)
	// Methods returns the method declarations of a named type of such a
	// package.
	Methods func(tn *types.TypeName) []*ast.FuncDecl
	// Provided reports whether the interpreter has obj compiled, so that a
	// copy can refer to it (strings.ToUpper) instead of copying it.
	Provided func(obj types.Object) bool
	// CellFunc is the function holding a cell's statements, and Cell names
	// that cell: a local type declared there is the cell's (its top-level
	// name differs from that of a type of another cell at the same place).
	CellFunc, Cell string
	// Home returns the package through which the file names a package's
	// exported objects: pkg itself, or the package a source package
	// extends (sync, for the generic part of sync). Nil: pkg.
	Home func(pkg *types.Package) *types.Package
}

// Unit is a file of a package read from source.
type Unit struct {
	Fset *token.FileSet
	File *ast.File
	Src  string
	Info *types.Info
	Pkg  *types.Package
}

// Edit replaces Src[Start:End] with Text.
type Edit struct {
	Start, End int
	Text       string
}

// Kind says what an instance declares.
type Kind int

const (
	TypeDecl Kind = iota + 1
	FuncDecl
	MethodDecl
)

// Instance is the declaration of one instantiation.
type Instance struct {
	Key  string // the name it declares: Mapᐸintᐧstringᐳ, or Stackᐸintᐳ.Push for a method
	Kind Kind
	// Start is the offset in Src of the generic declaration's text that
	// Text copies: Text has the lines of Src from there.
	Start int
	Text  string
	// Pos is where the copied declaration is: a cell's line, or a file of
	// the Go source tree.
	Pos token.Position
	// Root is Go source, in the file's terms, that instantiates it again
	// (Map[int, string]; *Stack[int] for a type); "" for a method, which
	// comes with its type.
	Root string
}

// Result is a lowered file: Edits (sorted, not overlapping) rename the uses
// of generic code outside generic declarations and remove the generic
// declarations; Instances are the declarations to add.
type Result struct {
	Edits     []Edit
	Instances []Instance
}

// Error is a generic construct Lower cannot lower.
type Error struct {
	Pos token.Pos
	Msg string
}

func (e *Error) Error() string { return e.Msg }

// Has reports whether the file declares generic code or uses any, or
// declares a local type Lower renames or moves (RenamesLocal): other files
// need no lowering.
func Has(f *ast.File, info *types.Info) bool {
	if len(info.Instances) > 0 || hasLocalTypes(info) {
		return true
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Type.TypeParams != nil {
				return true
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				if ts, ok := s.(*ast.TypeSpec); ok && ts.TypeParams != nil {
					return true
				}
			}
		}
	}
	return false
}

// unit is one file the lowerer reads: the notebook's, or one of a source
// package.
type unit struct {
	fset   *token.FileSet
	tf     *token.File
	src    string
	info   *types.Info
	file   *ast.File
	parent map[ast.Node]ast.Node
	main   bool
	pkg    *types.Package
}

func (u *unit) off(p token.Pos) int { return u.tf.Offset(p) }

func newUnit(fset *token.FileSet, f *ast.File, src string, info *types.Info, main bool) *unit {
	u := &unit{fset: fset, tf: fset.File(f.Pos()), src: src, info: info, file: f, parent: map[ast.Node]ast.Node{}, main: main}
	var stack []ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if len(stack) > 0 {
			u.parent[n] = stack[len(stack)-1]
		}
		stack = append(stack, n)
		return true
	})
	return u
}

type lowerer struct {
	f     *File
	main  *unit
	units map[*ast.File]*unit
	names *Names

	funcs   map[*types.Func]*ast.FuncDecl
	types   map[*types.TypeName]*ast.TypeSpec
	methods map[*types.TypeName][]*ast.FuncDecl
	// generic are the source ranges of the notebook's generic
	// declarations, which are copied, never edited in place.
	generic [][2]int
	// locals are the types declared inside the notebook's functions;
	// hoisted are those moved to the top level because an instance needs
	// them (slices.SortFunc of a local []Person), by their new names.
	locals  map[*types.TypeName]localType
	hoisted map[*types.TypeName]string

	done  map[string]bool
	queue []pending
	err   *Error
}

// localType is a type declaration inside a function.
type localType struct {
	spec *ast.TypeSpec
	decl *ast.DeclStmt // removed once the type is hoisted
}

// pending is an instance still to write.
type pending struct {
	origin types.Object // *types.Func, *types.TypeName, *types.Const or *types.Var
	args   []types.Type
	name   string
	pos    token.Pos // where it was needed first, for errors
}

// Lower lowers f, naming instances from names (which keeps them for the
// session). It returns nil and no error for a file without generics.
func Lower(f *File, names *Names) (*Result, error) {
	if !Has(f.File, f.Info) {
		return nil, nil
	}
	l := &lowerer{f: f, names: names, units: map[*ast.File]*unit{},
		funcs: map[*types.Func]*ast.FuncDecl{}, types: map[*types.TypeName]*ast.TypeSpec{},
		methods: map[*types.TypeName][]*ast.FuncDecl{}, done: map[string]bool{},
		locals: map[*types.TypeName]localType{}, hoisted: map[*types.TypeName]string{}}
	l.main = newUnit(f.Fset, f.File, f.Src, f.Info, true)
	ast.Inspect(f.File, func(n ast.Node) bool {
		if ds, ok := n.(*ast.DeclStmt); ok {
			if gd, ok := ds.Decl.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
				for _, sp := range gd.Specs {
					ts := sp.(*ast.TypeSpec)
					if tn, ok := f.Info.Defs[ts.Name].(*types.TypeName); ok {
						l.locals[tn] = localType{spec: ts, decl: ds}
					}
				}
			}
		}
		return true
	})
	res := &Result{}
	var edits []Edit
	for _, d := range f.File.Decls {
		edits = append(edits, l.index(d)...)
	}
	l.hoistLocals()
	edits = append(edits, l.uses(l.main, l.main.off(f.File.Pos()), len(f.Src), nil, true)...)
	done := 0
	instantiate := func() {
		for ; done < len(l.queue) && l.err == nil; done++ {
			res.Instances = append(res.Instances, l.instance(l.queue[done])...)
		}
	}
	instantiate()
	edits = append(edits, l.hoistEdits()...)
	if l.err == nil {
		edits = append(edits, l.compiledInstances(l.main, edits)...)
		instantiate() // the instances only a conversion names
	}
	if l.err != nil {
		return nil, l.err
	}
	res.Edits = tidy(edits)
	sort.SliceStable(res.Instances, func(i, j int) bool { return res.Instances[i].Kind < res.Instances[j].Kind })
	return res, nil
}

// index records a top-level declaration if it is generic, returning the
// edits that remove it from the lowered file.
func (l *lowerer) index(d ast.Decl) []Edit {
	u := l.main
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Type.TypeParams != nil && d.Recv == nil {
			if fn, ok := u.info.Defs[d.Name].(*types.Func); ok {
				l.funcs[fn] = d
			}
		} else if base := recvBase(d); base != nil {
			tn, _ := u.info.Uses[base].(*types.TypeName)
			if tn == nil || !isGenericType(tn) {
				return nil
			}
			l.methods[tn] = append(l.methods[tn], d)
		} else {
			return nil
		}
		l.generic = append(l.generic, [2]int{u.off(d.Pos()), u.off(d.End())})
		return []Edit{{u.off(d.Pos()), u.off(d.End()), ""}}
	case *ast.GenDecl:
		if d.Tok != token.TYPE {
			return nil
		}
		var gone []ast.Spec
		for _, s := range d.Specs {
			ts := s.(*ast.TypeSpec)
			tn, _ := u.info.Defs[ts.Name].(*types.TypeName)
			if tn == nil {
				continue
			}
			if ts.TypeParams != nil {
				l.types[tn] = ts
				gone = append(gone, ts)
				l.generic = append(l.generic, [2]int{u.off(ts.Pos()), u.off(ts.End())})
				continue
			}
			// An interface with a type set (~int | ~float64, comparable)
			// is only a constraint, which the lowered file no longer uses.
			if it, ok := tn.Type().Underlying().(*types.Interface); ok && !ts.Assign.IsValid() && !it.IsMethodSet() {
				gone = append(gone, ts)
			}
		}
		if len(gone) == 0 {
			return nil
		}
		if len(gone) == len(d.Specs) {
			return []Edit{{u.off(d.Pos()), u.off(d.End()), ""}}
		}
		var out []Edit
		for _, s := range gone {
			out = append(out, Edit{u.off(s.Pos()), u.off(s.End()), ""})
		}
		return out
	}
	return nil
}

func isGenericType(tn *types.TypeName) bool {
	n, ok := tn.Type().(*types.Named)
	return ok && n.TypeParams().Len() > 0
}

// recvBase returns the type name of a method's receiver if the receiver is
// a generic type's (T[P] or *T[P]).
func recvBase(fd *ast.FuncDecl) *ast.Ident {
	if fd.Recv == nil || len(fd.Recv.List) != 1 {
		return nil
	}
	t := fd.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	if p, ok := t.(*ast.ParenExpr); ok {
		t = p.X
	}
	switch x := t.(type) {
	case *ast.IndexExpr:
		id, _ := x.X.(*ast.Ident)
		return id
	case *ast.IndexListExpr:
		id, _ := x.X.(*ast.Ident)
		return id
	}
	return nil
}

func (l *lowerer) inGeneric(off int) bool {
	for _, r := range l.generic {
		if off >= r[0] && off < r[1] {
			return true
		}
	}
	return false
}

// hoist returns the top-level name of a local type an instance needs,
// moving it out of its function (it can have no methods, and a type
// declared in a function means the same at the top level: only the
// variables it could not see differ, and a type sees none).
func (l *lowerer) hoist(tn *types.TypeName, pos token.Pos) (string, bool) {
	if name, ok := l.hoisted[tn]; ok {
		return name, true
	}
	lt, ok := l.locals[tn]
	if !ok || l.inGeneric(l.main.off(lt.spec.Pos())) || lt.spec.TypeParams != nil {
		return "", false
	}
	if gd := lt.decl.Decl.(*ast.GenDecl); len(gd.Specs) != 1 {
		l.fail(pos, "%s is declared in a group of local types and used as a type argument: declare it on its own (type %s ...)", tn.Name(), tn.Name())
		return "", false
	}
	key := fmt.Sprintf("local %s@%d", tn.Name(), l.main.off(lt.spec.Pos()))
	name := l.names.name(key, tn.Name()+sep+"local", nil, tn.Name())
	l.names.runtime[name] = tn.Name() // (%T of it says main.pair, as localtypes.go's)
	l.hoisted[tn] = name
	l.done[key] = true
	l.queue = append(l.queue, pending{origin: tn, name: name, pos: pos})
	return name, true
}

// hoistEdits renames the uses of hoisted local types and removes their
// declarations from the functions, and renames the other local types.
func (l *lowerer) hoistEdits() []Edit {
	var out []Edit
	for tn, name := range l.hoisted {
		out = append(out, l.renameUses(tn, name)...)
		d := l.locals[tn].decl
		out = append(out, Edit{l.main.off(d.Pos()), l.main.off(d.End()), ";"})
	}
	return append(out, l.renameLocals()...)
}

// renameUses renames the uses of local type tn outside generic code.
func (l *lowerer) renameUses(tn *types.TypeName, name string) []Edit {
	var out []Edit
	for id, obj := range l.main.info.Uses {
		if (obj == tn || embeddedFieldOf(obj, tn)) && !l.inGeneric(l.main.off(id.Pos())) {
			// (w.pair and wrapper{pair: ...} name the embedded
			// field, which is named after the type.)
			out = append(out, Edit{l.main.off(id.Pos()), l.main.off(id.End()), name})
		}
	}
	return out
}

// embeddedFieldOf reports whether obj is an embedded field of type tn or
// *tn.
func embeddedFieldOf(obj types.Object, tn *types.TypeName) bool {
	v, ok := obj.(*types.Var)
	if !ok || !v.Embedded() {
		return false
	}
	t := v.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj() == tn
}

// extern returns the declaration of a package-level object of a source
// package, and its unit.
func (l *lowerer) extern(obj types.Object) (ast.Node, *unit, bool) {
	if l.f.Extern == nil || obj == nil || obj.Pkg() == nil || obj.Pkg().Path() == "main" {
		return nil, nil, false
	}
	if obj.Parent() != obj.Pkg().Scope() {
		if f, ok := obj.(*types.Func); !ok || f.Signature().Recv() == nil {
			return nil, nil, false
		}
	}
	d, eu, ok := l.f.Extern(obj)
	if !ok {
		return nil, nil, false
	}
	u := l.units[eu.File]
	if u == nil {
		u = newUnit(eu.Fset, eu.File, eu.Src, eu.Info, false)
		u.pkg = eu.Pkg
		l.units[eu.File] = u
	}
	return d, u, true
}

// copied reports whether uses of obj must name a copy of it: an object of
// a source package the interpreter does not have compiled.
func (l *lowerer) copied(obj types.Object) bool {
	if _, _, ok := l.extern(obj); !ok {
		return false
	}
	return l.f.Provided == nil || !l.f.Provided(obj)
}

// uses returns the edits for the uses of generic code in u.src[start:end]:
// instantiations renamed to their instances, type parameters (of m)
// written as their arguments, objects of source packages named by their
// copies. With outside, only code outside generic declarations is edited.
func (l *lowerer) uses(u *unit, start, end int, m map[*types.TypeParam]types.Type, outside bool) []Edit {
	var out []Edit
	in := func(id *ast.Ident) bool {
		o := u.off(id.Pos())
		return o >= start && o < end && (!outside || !l.inGeneric(o))
	}
	for id, inst := range u.info.Instances {
		if !in(id) {
			continue
		}
		origin := u.info.Uses[id]
		if !l.ours(origin) {
			continue
		}
		args := make([]types.Type, inst.TypeArgs.Len())
		for i := range args {
			args[i] = subst(inst.TypeArgs.At(i), m)
		}
		name := l.need(origin, args, id.Pos())
		site := l.site(u, id)
		out = append(out, Edit{u.off(site.Pos()), u.off(site.End()), name})
	}
	for id, obj := range u.info.Uses {
		if !in(id) {
			continue
		}
		if _, generic := u.info.Instances[id]; generic {
			continue
		}
		switch o := obj.(type) {
		case *types.TypeName:
			if name, ok := l.hoisted[o]; ok {
				out = append(out, Edit{u.off(id.Pos()), u.off(id.End()), name})
				continue
			}
			if tp, ok := o.Type().(*types.TypeParam); ok && m != nil {
				if a, ok := m[tp]; ok {
					out = append(out, Edit{u.off(id.Pos()), u.off(id.End()), l.paren(u, id, l.typeText(a, id.Pos()))})
				}
				continue
			}
		case *types.Var:
			// An embedded field of a generic type is named after its type,
			// which is now the instance.
			if o.IsField() && o.Embedded() {
				if n, ok := deref(subst(o.Type(), m)).(*types.Named); ok && l.instanceName(n) {
					out = append(out, Edit{u.off(id.Pos()), u.off(id.End()), l.typeText(n, id.Pos())})
				}
				continue
			}
		case *types.PkgName:
			if u.main {
				continue
			}
			// The source package's name for an import is not the
			// notebook's: qualify as the notebook does.
			if sel, ok := u.parent[id].(*ast.SelectorExpr); ok && sel.X == id {
				if target := u.info.Uses[sel.Sel]; l.copied(target) || l.ours(target) {
					continue // the selector is renamed whole
				}
			}
			name, ok := l.f.Qualify(o.Imported())
			if !ok {
				l.fail(id.Pos(), "the Go source of %s uses package %s, which goconc's interpreter does not have", u.fset.Position(id.Pos()).Filename, o.Imported().Path())
			}
			out = append(out, Edit{u.off(id.Pos()), u.off(id.End()), name})
			continue
		}
		if !u.main && obj != nil && obj.Pkg() != nil && obj.Pkg() != u.pkg && obj.Parent() == obj.Pkg().Scope() && !l.copied(obj) {
			// Named without its package (import . "sync" in goconc's own
			// code for sync): qualify it as the notebook does.
			if sel, ok := u.parent[id].(*ast.SelectorExpr); !ok || sel.Sel != id {
				if name, ok := l.f.Qualify(obj.Pkg()); ok && !l.ours(obj) {
					out = append(out, Edit{u.off(id.Pos()), u.off(id.End()), name + "." + id.Name})
					continue
				}
			}
		}
		if l.copied(obj) && !isMethodOrField(obj) {
			name := l.need(obj, nil, id.Pos())
			site := ast.Node(id)
			if sel, ok := u.parent[id].(*ast.SelectorExpr); ok && sel.Sel == id {
				site = sel
			}
			out = append(out, Edit{u.off(site.Pos()), u.off(site.End()), name})
		}
	}
	return out
}

func isMethodOrField(obj types.Object) bool {
	switch o := obj.(type) {
	case *types.Func:
		return o.Signature().Recv() != nil
	case *types.Var:
		return o.IsField()
	}
	return false
}

// instanceName reports whether n is written as an instance's name.
func (l *lowerer) instanceName(n *types.Named) bool {
	if n.TypeArgs().Len() > 0 {
		return l.ours(n.Origin().Obj())
	}
	return l.copied(n.Obj())
}

func deref(t types.Type) types.Type {
	if p, ok := t.(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// ours reports whether obj is a generic function or type whose instances
// the lowerer writes: the notebook's, or one of a source package.
func (l *lowerer) ours(obj types.Object) bool {
	switch o := obj.(type) {
	case *types.Func:
		if l.funcs[o] != nil {
			return true
		}
		return o.Signature().TypeParams().Len() > 0 && l.copied(o)
	case *types.TypeName:
		if l.types[o] != nil {
			return true
		}
		return isGenericType(o) && l.copied(o)
	}
	return false
}

// site returns the expression an instantiation is written as: F, F[int],
// pkg.F[int, string].
func (l *lowerer) site(u *unit, id *ast.Ident) ast.Expr {
	var e ast.Expr = id
	if sel, ok := u.parent[id].(*ast.SelectorExpr); ok && sel.Sel == id {
		if _, isPkg := u.info.Uses[asIdent(sel.X)].(*types.PkgName); isPkg {
			e = sel
		}
	}
	switch p := u.parent[e].(type) {
	case *ast.IndexExpr:
		if p.X == e {
			return p
		}
	case *ast.IndexListExpr:
		if p.X == e {
			return p
		}
	}
	return e
}

func asIdent(e ast.Expr) *ast.Ident {
	id, _ := e.(*ast.Ident)
	return id
}

// paren parenthesises a type written in place of a type parameter where
// its text would read differently: a conversion, *T(x), func(int)(x),
// chan int(x), and a method expression, (*T).M. Elsewhere the parentheses
// would be in the way: Yaegi's compiler panics on var v (interface{ M() }).
func (l *lowerer) paren(u *unit, id *ast.Ident, text string) string {
	switch p := u.parent[id].(type) {
	case *ast.CallExpr:
		if p.Fun != id {
			return text
		}
	case *ast.SelectorExpr:
		if p.X != id {
			return text
		}
	default:
		return text
	}
	for _, p := range []string{"*", "<-", "func", "chan", "interface"} {
		if strings.HasPrefix(text, p) {
			return "(" + text + ")"
		}
	}
	return text
}

// need returns the name of the instance of origin with args (a copy, for
// an object of a source package without args), queueing it if it is new.
func (l *lowerer) need(origin types.Object, args []types.Type, pos token.Pos) string {
	texts := make([]string, len(args))
	keys := make([]string, len(args))
	shown := make([]string, len(args))
	for i, a := range args {
		texts[i] = l.typeText(a, pos)
		keys[i] = types.TypeString(a, func(p *types.Package) string { return p.Path() })
		shown[i] = types.TypeString(a, func(p *types.Package) string {
			if p.Path() == "main" {
				return ""
			}
			return p.Name()
		})
	}
	base, display := origin.Name(), origin.Name()
	if p := origin.Pkg(); p != nil && p.Path() != "main" {
		base, display = p.Name()+sep+origin.Name(), p.Name()+"."+origin.Name()
	}
	key := origin.Pkg().Path() + "." + origin.Name() + "[" + strings.Join(keys, ";") + "]"
	if len(args) > 0 {
		display += "[" + strings.Join(shown, ", ") + "]"
	}
	name := l.names.name(key, base, texts, display)
	if len(args) > 0 {
		l.names.runtime[name] = reflectname.Instance(origin.Name(), args)
		if p := origin.Pkg(); p != nil && p.Path() != "main" {
			// (an instance of a source package's type is one of the
			// notebook's: reflect's main.atomicᐧPointerᐸ...ᐳ is Go's
			// atomic.Pointer[...])
			l.names.runtime["main."+name] = p.Name() + "." + l.names.runtime[name]
		}
	}
	if !l.done[key] {
		l.done[key] = true
		l.queue = append(l.queue, pending{origin: origin, args: args, name: name, pos: pos})
	}
	return name
}

func (l *lowerer) fail(pos token.Pos, format string, args ...any) {
	if l.err == nil {
		l.err = &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
	}
}

// decl returns the declaration of origin and its unit.
func (l *lowerer) decl(origin types.Object) (ast.Node, *unit) {
	switch o := origin.(type) {
	case *types.Func:
		if fd := l.funcs[o]; fd != nil {
			return fd, l.main
		}
	case *types.TypeName:
		if ts := l.types[o]; ts != nil {
			return ts, l.main
		}
		if lt, ok := l.locals[o]; ok {
			return lt.spec, l.main
		}
	}
	d, u, _ := l.extern(origin)
	return d, u
}

// instance writes the declarations of one instance: a function, a type
// and its methods, or a copied constant or variable.
func (l *lowerer) instance(p pending) []Instance {
	d, u := l.decl(p.origin)
	if d == nil {
		l.fail(p.pos, "goconc found no declaration of %s to instantiate", p.origin.Name())
		return nil
	}
	at := func(start int) token.Position { return u.fset.Position(u.tf.Pos(start)) }
	switch d := d.(type) {
	case *ast.FuncDecl:
		var m map[*types.TypeParam]types.Type
		if d.Type.TypeParams != nil {
			m = bind(u.info, d.Type.TypeParams, p.args)
		}
		start := u.off(d.Pos())
		if d.Body == nil {
			l.fail(p.pos, "%s has no Go body (it is part of the runtime), so goconc cannot run it", p.origin.Name())
			return nil
		}
		text := u.src[start:u.off(d.Name.Pos())] + p.name + l.lowered(u, u.off(d.Type.Params.Pos()), u.off(d.End()), m)
		return []Instance{{Key: p.name, Kind: FuncDecl, Start: start, Pos: at(start), Text: l.pad(u, start, u.off(d.Type.Params.Pos()), text), Root: l.root(p, "")}}
	case *ast.TypeSpec:
		var m map[*types.TypeParam]types.Type
		if d.TypeParams != nil {
			m = bind(u.info, d.TypeParams, p.args)
		}
		start := u.off(d.Pos())
		text := "type " + p.name + " " + l.lowered(u, u.off(d.Type.Pos()), u.off(d.End()), m)
		if tn, ok := p.origin.(*types.TypeName); ok && l.hoisted[tn] != "" && u.main {
			text = "type " + p.name + " " + l.localText(d)
		}
		out := []Instance{{Key: p.name, Kind: TypeDecl, Start: start, Pos: at(start), Text: text, Root: l.root(p, "*")}}
		var methods []*ast.FuncDecl
		if u.main {
			methods = l.methods[p.origin.(*types.TypeName)]
		} else if l.f.Methods != nil {
			methods = l.f.Methods(p.origin.(*types.TypeName))
		}
		for _, fd := range methods {
			if fd.Body == nil {
				continue
			}
			out = append(out, l.method(u, fd, p))
		}
		return out
	case *ast.ValueSpec:
		start := u.off(d.Pos())
		switch o := p.origin.(type) {
		case *types.Const:
			text := "const " + p.name + " " + l.typeText(o.Type(), p.pos) + " = " + o.Val().ExactString()
			if b, ok := o.Type().(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
				text = "const " + p.name + " = " + o.Val().ExactString()
			}
			return []Instance{{Key: p.name, Kind: FuncDecl, Start: start, Pos: at(start), Text: text}}
		case *types.Var:
			text := "var " + p.name + " " + l.typeText(o.Type(), p.pos)
			if len(d.Names) == 1 && len(d.Values) == 1 {
				text += " = " + l.lowered(u, u.off(d.Values[0].Pos()), u.off(d.Values[0].End()), nil)
			}
			return []Instance{{Key: p.name, Kind: FuncDecl, Start: start, Pos: at(start), Text: text}}
		}
	}
	l.fail(p.pos, "goconc cannot copy %s", p.origin.Name())
	return nil
}

// method writes a method of a type instance.
func (l *lowerer) method(u *unit, fd *ast.FuncDecl, p pending) Instance {
	recv := fd.Recv.List[0]
	t := recv.Type
	star := ""
	if s, ok := t.(*ast.StarExpr); ok {
		star, t = "*", s.X
	}
	if pe, ok := t.(*ast.ParenExpr); ok {
		t = pe.X
	}
	var idx []ast.Expr
	switch x := t.(type) {
	case *ast.IndexExpr:
		idx = []ast.Expr{x.Index}
	case *ast.IndexListExpr:
		idx = x.Indices
	}
	m := map[*types.TypeParam]types.Type{}
	for i, e := range idx {
		id, ok := e.(*ast.Ident)
		if !ok || i >= len(p.args) {
			continue
		}
		if tn, ok := u.info.Defs[id].(*types.TypeName); ok {
			if tp, ok := tn.Type().(*types.TypeParam); ok {
				m[tp] = p.args[i]
			}
		}
	}
	name := ""
	if len(recv.Names) == 1 {
		name = recv.Names[0].Name + " "
	}
	start := u.off(fd.Pos())
	text := "func (" + name + star + p.name + ") " + fd.Name.Name + l.lowered(u, u.off(fd.Type.Params.Pos()), u.off(fd.End()), m)
	return Instance{Key: p.name + "." + fd.Name.Name, Kind: MethodDecl, Start: start, Pos: u.fset.Position(fd.Pos()),
		Text: l.pad(u, start, u.off(fd.Type.Params.Pos()), text)}
}

// pad keeps the line count of a copy whose head (from start to the
// parameters) was written anew: a receiver, a name or type parameters
// spread over lines. The newlines go after the first parenthesis: after
// a function's name, a newline would end the declaration.
func (l *lowerer) pad(u *unit, start, params int, text string) string {
	if n := strings.Count(u.src[start:params], "\n"); n > 0 {
		i := strings.IndexByte(text, '(')
		if i > 0 {
			return text[:i+1] + strings.Repeat("\n", n) + text[i+1:]
		}
	}
	return text
}

// root is Go source instantiating p again; "" for a copy of a source
// package's object, which its users' roots bring back.
func (l *lowerer) root(p pending, prefix string) string {
	if len(p.args) == 0 {
		return ""
	}
	var args []string
	for _, a := range p.args {
		s, ok := l.sourceText(a)
		if !ok {
			return ""
		}
		args = append(args, s)
	}
	name := p.origin.Name()
	if pkg := p.origin.Pkg(); pkg != nil && pkg.Path() != "main" {
		if !p.origin.Exported() {
			return "" // a helper: the roots of its users bring it back
		}
		if l.f.Home != nil {
			pkg = l.f.Home(pkg)
		}
		q, ok := l.f.Qualify(pkg)
		if !ok {
			return ""
		}
		name = q + "." + name
	}
	return prefix + name + "[" + strings.Join(args, ", ") + "]"
}

// bind maps the type parameters a list declares to args.
func bind(info *types.Info, list *ast.FieldList, args []types.Type) map[*types.TypeParam]types.Type {
	m := map[*types.TypeParam]types.Type{}
	i := 0
	for _, f := range list.List {
		for _, n := range f.Names {
			if tn, ok := info.Defs[n].(*types.TypeName); ok && i < len(args) {
				if tp, ok := tn.Type().(*types.TypeParam); ok {
					m[tp] = args[i]
				}
			}
			i++
		}
	}
	return m
}

// lowered returns u.src[start:end] with the type parameters of m written
// as their arguments and instantiations renamed.
func (l *lowerer) lowered(u *unit, start, end int, m map[*types.TypeParam]types.Type) string {
	edits := tidy(append(l.uses(u, start, end, m, false), l.duplicateCases(u, start, end, m)...))
	if sizes := l.variableSizes(u, start, end, m, edits); len(sizes) > 0 {
		edits = tidy(append(sizes, edits...))
	}
	return apply(u.src, start, end, edits)
}

// apply returns src[start:end] with the edits inside it made.
func apply(src string, start, end int, edits []Edit) string {
	var b strings.Builder
	at := start
	for _, e := range edits {
		if e.Start < start || e.End > end {
			continue
		}
		b.WriteString(src[at:e.Start])
		b.WriteString(e.Text)
		at = e.End
	}
	b.WriteString(src[at:end])
	return b.String()
}

// Apply returns src[start:end] with the edits of r inside it made.
func (r *Result) Apply(src string, start, end int) string {
	if r == nil {
		return src[start:end]
	}
	return apply(src, start, end, r.Edits)
}

// tidy sorts edits and drops those inside another (T in Stack[T], which
// the instance's name replaces whole).
func tidy(edits []Edit) []Edit {
	sort.Slice(edits, func(i, j int) bool {
		if edits[i].Start != edits[j].Start {
			return edits[i].Start < edits[j].Start
		}
		return edits[i].End > edits[j].End
	})
	var out []Edit
	last := -1
	for _, e := range edits {
		if e.Start < last {
			continue
		}
		out = append(out, e)
		last = e.End
	}
	return out
}

// typeText writes t as lowered Go source: instances of the file's generic
// types by their instance names (queued if new), packages as the file
// names them.
func (l *lowerer) typeText(t types.Type, pos token.Pos) string {
	var b strings.Builder
	l.writeType(&b, t, pos)
	return b.String()
}

// sourceText writes t as the file writes it, generic types instantiated
// (Pair[int, string]), for Instance.Root.
func (l *lowerer) sourceText(t types.Type) (string, bool) {
	ok := true
	s := types.TypeString(t, func(p *types.Package) string {
		if p.Path() == "main" {
			return ""
		}
		name, can := l.f.Qualify(p)
		ok = ok && can
		return name
	})
	return s, ok
}

func (l *lowerer) writeType(b *strings.Builder, t types.Type, pos token.Pos) {
	switch t := t.(type) {
	case *types.Named:
		obj := t.Obj()
		if t.TypeArgs().Len() > 0 && l.ours(t.Origin().Obj()) {
			args := make([]types.Type, t.TypeArgs().Len())
			for i := range args {
				args[i] = t.TypeArgs().At(i)
			}
			b.WriteString(l.need(t.Origin().Obj(), args, pos))
			return
		}
		if t.TypeArgs().Len() == 0 && l.copied(obj) {
			b.WriteString(l.need(obj, nil, pos))
			return
		}
		if obj.Pkg() != nil && obj.Parent() != nil && obj.Parent() != obj.Pkg().Scope() && obj.Pkg().Path() != "main" {
			l.fail(pos, "goconc cannot instantiate code of package %s that uses its local type %s as a type argument", obj.Pkg().Path(), obj.Name())
		}
		if obj.Pkg() != nil && obj.Pkg().Path() != "main" {
			name, ok := l.f.Qualify(obj.Pkg())
			if !ok {
				l.fail(pos, "%s cannot be written in the notebook, so a generic instance using it cannot be made", types.TypeString(t, nil))
			}
			b.WriteString(name + ".")
		} else if obj.Parent() != nil && obj.Pkg() != nil && obj.Parent() != obj.Pkg().Scope() {
			name, ok := l.hoist(obj, pos)
			if !ok {
				l.fail(pos, "a generic function or type is instantiated with %s, a type declared inside a function: declare it at the top level of a cell", obj.Name())
			}
			b.WriteString(name)
			return
		}
		b.WriteString(obj.Name())
		if t.TypeArgs().Len() > 0 {
			b.WriteByte('[')
			for i := 0; i < t.TypeArgs().Len(); i++ {
				if i > 0 {
					b.WriteString(", ")
				}
				l.writeType(b, t.TypeArgs().At(i), pos)
			}
			b.WriteByte(']')
		}
	case *types.Alias:
		l.writeType(b, types.Unalias(t), pos)
	case *types.Basic:
		b.WriteString(t.Name())
	case *types.Pointer:
		b.WriteByte('*')
		l.writeType(b, t.Elem(), pos)
	case *types.Slice:
		b.WriteString("[]")
		l.writeType(b, t.Elem(), pos)
	case *types.Array:
		fmt.Fprintf(b, "[%d]", t.Len())
		l.writeType(b, t.Elem(), pos)
	case *types.Map:
		b.WriteString("map[")
		l.writeType(b, t.Key(), pos)
		b.WriteByte(']')
		l.writeType(b, t.Elem(), pos)
	case *types.Chan:
		switch t.Dir() {
		case types.SendOnly:
			b.WriteString("chan<- ")
		case types.RecvOnly:
			b.WriteString("<-chan ")
		default:
			b.WriteString("chan ")
			if c, ok := t.Elem().(*types.Chan); ok && c.Dir() == types.RecvOnly {
				b.WriteString("(")
				l.writeType(b, t.Elem(), pos)
				b.WriteString(")")
				return
			}
		}
		l.writeType(b, t.Elem(), pos)
	case *types.Signature:
		b.WriteString("func")
		l.writeSig(b, t, pos)
	case *types.Struct:
		b.WriteString("struct{")
		for i := 0; i < t.NumFields(); i++ {
			if i > 0 {
				b.WriteString("; ")
			}
			f := t.Field(i)
			if !f.Embedded() {
				b.WriteString(f.Name() + " ")
			}
			l.writeType(b, f.Type(), pos)
			if tag := t.Tag(i); tag != "" {
				fmt.Fprintf(b, " %q", tag)
			}
		}
		b.WriteString("}")
	case *types.Interface:
		if t.Empty() {
			b.WriteString("interface{}")
			return
		}
		if !t.IsMethodSet() {
			l.fail(pos, "a type set interface (%s) cannot be a type argument's type", t)
		}
		b.WriteString("interface{")
		for i := 0; i < t.NumEmbeddeds(); i++ {
			l.writeType(b, t.EmbeddedType(i), pos)
			b.WriteString("; ")
		}
		for i := 0; i < t.NumExplicitMethods(); i++ {
			f := t.ExplicitMethod(i)
			b.WriteString(f.Name())
			l.writeSig(b, f.Type().(*types.Signature), pos)
			b.WriteString("; ")
		}
		b.WriteString("}")
	case *types.TypeParam:
		l.fail(pos, "goconc could not lower the type parameter %s here", t.Obj().Name())
		b.WriteString(t.Obj().Name())
	default:
		b.WriteString(types.TypeString(t, nil))
	}
}

func (l *lowerer) writeSig(b *strings.Builder, s *types.Signature, pos token.Pos) {
	tuple := func(t *types.Tuple, variadic bool) {
		for i := 0; i < t.Len(); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			ty := t.At(i).Type()
			if variadic && i == t.Len()-1 {
				b.WriteString("...")
				ty = ty.(*types.Slice).Elem()
			}
			l.writeType(b, ty, pos)
		}
	}
	b.WriteByte('(')
	tuple(s.Params(), s.Variadic())
	b.WriteByte(')')
	switch s.Results().Len() {
	case 0:
	case 1:
		b.WriteByte(' ')
		l.writeType(b, s.Results().At(0).Type(), pos)
	default:
		b.WriteString(" (")
		tuple(s.Results(), false)
		b.WriteByte(')')
	}
}
