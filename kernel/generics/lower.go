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

// Has reports whether the file declares generic code or uses any: files
// without generics need no lowering.
func Has(f *ast.File, info *types.Info) bool {
	if len(info.Instances) > 0 {
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

type lowerer struct {
	f     *File
	tf    *token.File
	names *Names

	funcs   map[*types.Func]*ast.FuncDecl
	types   map[*types.TypeName]*ast.TypeSpec
	methods map[*types.TypeName][]*ast.FuncDecl
	// generic are the source ranges of generic declarations, which are
	// copied, never edited in place.
	generic [][2]int
	parent  map[ast.Node]ast.Node

	done  map[string]bool
	queue []pending
	err   *Error
}

// pending is an instance still to write.
type pending struct {
	origin types.Object // *types.Func or *types.TypeName
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
	l := &lowerer{f: f, tf: f.Fset.File(f.File.Pos()), names: names,
		funcs: map[*types.Func]*ast.FuncDecl{}, types: map[*types.TypeName]*ast.TypeSpec{},
		methods: map[*types.TypeName][]*ast.FuncDecl{}, parent: map[ast.Node]ast.Node{}, done: map[string]bool{}}
	res := &Result{}
	var edits []Edit
	for _, d := range f.File.Decls {
		edits = append(edits, l.index(d)...)
	}
	var stack []ast.Node
	ast.Inspect(f.File, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if len(stack) > 0 {
			l.parent[n] = stack[len(stack)-1]
		}
		stack = append(stack, n)
		return true
	})
	edits = append(edits, l.uses(l.tf.Offset(f.File.Pos()), len(f.Src), nil, true)...)
	for i := 0; i < len(l.queue) && l.err == nil; i++ {
		res.Instances = append(res.Instances, l.instance(l.queue[i])...)
	}
	if l.err != nil {
		return nil, l.err
	}
	res.Edits = tidy(edits)
	sort.SliceStable(res.Instances, func(i, j int) bool { return res.Instances[i].Kind < res.Instances[j].Kind })
	return res, nil
}

func (l *lowerer) off(p token.Pos) int { return l.tf.Offset(p) }

// index records a top-level declaration if it is generic, returning the
// edits that remove it from the lowered file.
func (l *lowerer) index(d ast.Decl) []Edit {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Type.TypeParams != nil && d.Recv == nil {
			if fn, ok := l.f.Info.Defs[d.Name].(*types.Func); ok {
				l.funcs[fn] = d
			}
		} else if base := recvBase(d); base != nil {
			tn, _ := l.f.Info.Uses[base].(*types.TypeName)
			if tn == nil || !isGenericType(tn) {
				return nil
			}
			l.methods[tn] = append(l.methods[tn], d)
		} else {
			return nil
		}
		l.generic = append(l.generic, [2]int{l.off(d.Pos()), l.off(d.End())})
		return []Edit{{l.off(d.Pos()), l.off(d.End()), ""}}
	case *ast.GenDecl:
		if d.Tok != token.TYPE {
			return nil
		}
		var gone []ast.Spec
		for _, s := range d.Specs {
			ts := s.(*ast.TypeSpec)
			tn, _ := l.f.Info.Defs[ts.Name].(*types.TypeName)
			if tn == nil {
				continue
			}
			if ts.TypeParams != nil {
				l.types[tn] = ts
				gone = append(gone, ts)
				l.generic = append(l.generic, [2]int{l.off(ts.Pos()), l.off(ts.End())})
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
			return []Edit{{l.off(d.Pos()), l.off(d.End()), ""}}
		}
		var out []Edit
		for _, s := range gone {
			out = append(out, Edit{l.off(s.Pos()), l.off(s.End()), ""})
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

// uses returns the edits for the uses of generic code in src[start:end]:
// instantiations renamed to their instances, type parameters (of m)
// written as their arguments. With outside, only code outside generic
// declarations is edited.
func (l *lowerer) uses(start, end int, m map[*types.TypeParam]types.Type, outside bool) []Edit {
	var out []Edit
	in := func(id *ast.Ident) bool {
		o := l.off(id.Pos())
		return o >= start && o < end && (!outside || !l.inGeneric(o))
	}
	for id, inst := range l.f.Info.Instances {
		if !in(id) {
			continue
		}
		origin := l.f.Info.Uses[id]
		if !l.ours(origin) {
			continue
		}
		args := make([]types.Type, inst.TypeArgs.Len())
		for i := range args {
			args[i] = subst(inst.TypeArgs.At(i), m)
		}
		name := l.need(origin, args, id.Pos())
		site := l.site(id)
		out = append(out, Edit{l.off(site.Pos()), l.off(site.End()), name})
	}
	for id, obj := range l.f.Info.Uses {
		if !in(id) {
			continue
		}
		switch obj := obj.(type) {
		case *types.TypeName:
			if tp, ok := obj.Type().(*types.TypeParam); ok && m != nil {
				if a, ok := m[tp]; ok {
					out = append(out, Edit{l.off(id.Pos()), l.off(id.End()), l.paren(id, l.typeText(a, id.Pos()))})
				}
			}
		case *types.Var:
			// An embedded field of a generic type is named after its type,
			// which is now the instance.
			if obj.IsField() && obj.Embedded() {
				if n, ok := deref(subst(obj.Type(), m)).(*types.Named); ok && n.TypeArgs().Len() > 0 && l.ours(n.Origin().Obj()) {
					out = append(out, Edit{l.off(id.Pos()), l.off(id.End()), l.typeText(n, id.Pos())})
				}
			}
		}
	}
	return out
}

func deref(t types.Type) types.Type {
	if p, ok := t.(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// ours reports whether obj is a generic function or type of the file.
func (l *lowerer) ours(obj types.Object) bool {
	switch o := obj.(type) {
	case *types.Func:
		return l.funcs[o] != nil
	case *types.TypeName:
		return l.types[o] != nil
	}
	return false
}

// site returns the expression an instantiation is written as: F, F[int],
// F[int, string].
func (l *lowerer) site(id *ast.Ident) ast.Expr {
	switch p := l.parent[id].(type) {
	case *ast.IndexExpr:
		if p.X == id {
			return p
		}
	case *ast.IndexListExpr:
		if p.X == id {
			return p
		}
	}
	return id
}

// paren parenthesises a type written in place of a type parameter where
// its text would read differently: *T(x), func(int)(x), chan int(x).
func (l *lowerer) paren(id *ast.Ident, text string) string {
	if cl, ok := l.parent[id].(*ast.CompositeLit); ok && cl.Type == id {
		return text
	}
	for _, p := range []string{"*", "<-", "func", "chan", "interface"} {
		if strings.HasPrefix(text, p) {
			return "(" + text + ")"
		}
	}
	return text
}

// need returns the name of the instance of origin with args, queueing it
// if it is new.
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
	key := origin.Name() + "[" + strings.Join(keys, ";") + "]"
	name := l.names.name(key, origin.Name(), texts, origin.Name()+"["+strings.Join(shown, ", ")+"]")
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

// instance writes the declarations of one instance: a function, or a type
// and its methods.
func (l *lowerer) instance(p pending) []Instance {
	switch o := p.origin.(type) {
	case *types.Func:
		fd := l.funcs[o]
		m := bind(l.f.Info, fd.Type.TypeParams, p.args)
		start := l.off(fd.Pos())
		text := l.src(start, l.off(fd.Name.Pos())) + p.name + l.lowered(l.off(fd.Type.Params.Pos()), l.off(fd.End()), m)
		return []Instance{{Key: p.name, Kind: FuncDecl, Start: start, Text: l.pad(start, l.off(fd.Type.Params.Pos()), text), Root: l.root(p, "")}}
	case *types.TypeName:
		ts := l.types[o]
		m := bind(l.f.Info, ts.TypeParams, p.args)
		start := l.off(ts.Pos())
		text := "type " + p.name + " " + l.lowered(l.off(ts.Type.Pos()), l.off(ts.End()), m)
		out := []Instance{{Key: p.name, Kind: TypeDecl, Start: start, Text: text, Root: l.root(p, "*")}}
		for _, fd := range l.methods[o] {
			out = append(out, l.method(fd, p))
		}
		return out
	}
	return nil
}

// method writes a method of a type instance.
func (l *lowerer) method(fd *ast.FuncDecl, p pending) Instance {
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
		if tn, ok := l.f.Info.Defs[id].(*types.TypeName); ok {
			if tp, ok := tn.Type().(*types.TypeParam); ok {
				m[tp] = p.args[i]
			}
		}
	}
	name := ""
	if len(recv.Names) == 1 {
		name = recv.Names[0].Name + " "
	}
	start := l.off(fd.Pos())
	text := "func (" + name + star + p.name + ") " + fd.Name.Name + l.lowered(l.off(fd.Type.Params.Pos()), l.off(fd.End()), m)
	return Instance{Key: p.name + "." + fd.Name.Name, Kind: MethodDecl, Start: start, Text: l.pad(start, l.off(fd.Type.Params.Pos()), text)}
}

// pad keeps the line count of a copy whose head (from start to the
// parameters) was written anew: a receiver or name spread over lines.
func (l *lowerer) pad(start, params int, text string) string {
	if n := strings.Count(l.f.Src[start:params], "\n"); n > 0 {
		i := strings.IndexByte(text, '(')
		if i > 0 {
			return text[:i] + strings.Repeat("\n", n) + text[i:]
		}
	}
	return text
}

// root is Go source instantiating p again.
func (l *lowerer) root(p pending, prefix string) string {
	var args []string
	for _, a := range p.args {
		s, ok := l.sourceText(a)
		if !ok {
			return ""
		}
		args = append(args, s)
	}
	return prefix + p.origin.Name() + "[" + strings.Join(args, ", ") + "]"
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

func (l *lowerer) src(start, end int) string { return l.f.Src[start:end] }

// lowered returns src[start:end] with the type parameters of m written as
// their arguments and instantiations renamed.
func (l *lowerer) lowered(start, end int, m map[*types.TypeParam]types.Type) string {
	return apply(l.f.Src, start, end, tidy(l.uses(start, end, m, false)))
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
	l.writeType(&b, t, pos, true)
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

func (l *lowerer) writeType(b *strings.Builder, t types.Type, pos token.Pos, lower bool) {
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
		if obj.Pkg() != nil && obj.Pkg().Path() != "main" {
			name, ok := l.f.Qualify(obj.Pkg())
			if !ok {
				l.fail(pos, "%s cannot be written in the notebook, so a generic instance using it cannot be made", types.TypeString(t, nil))
			}
			b.WriteString(name + ".")
		} else if obj.Parent() != nil && obj.Pkg() != nil && obj.Parent() != obj.Pkg().Scope() {
			l.fail(pos, "a generic function or type is instantiated with %s, a type declared inside a function: declare it at the top level of a cell", obj.Name())
		}
		b.WriteString(obj.Name())
		if t.TypeArgs().Len() > 0 {
			b.WriteByte('[')
			for i := 0; i < t.TypeArgs().Len(); i++ {
				if i > 0 {
					b.WriteString(", ")
				}
				l.writeType(b, t.TypeArgs().At(i), pos, lower)
			}
			b.WriteByte(']')
		}
	case *types.Alias:
		l.writeType(b, types.Unalias(t), pos, lower)
	case *types.Basic:
		b.WriteString(t.Name())
	case *types.Pointer:
		b.WriteByte('*')
		l.writeType(b, t.Elem(), pos, lower)
	case *types.Slice:
		b.WriteString("[]")
		l.writeType(b, t.Elem(), pos, lower)
	case *types.Array:
		fmt.Fprintf(b, "[%d]", t.Len())
		l.writeType(b, t.Elem(), pos, lower)
	case *types.Map:
		b.WriteString("map[")
		l.writeType(b, t.Key(), pos, lower)
		b.WriteByte(']')
		l.writeType(b, t.Elem(), pos, lower)
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
				l.writeType(b, t.Elem(), pos, lower)
				b.WriteString(")")
				return
			}
		}
		l.writeType(b, t.Elem(), pos, lower)
	case *types.Signature:
		b.WriteString("func")
		l.writeSig(b, t, pos, lower)
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
			l.writeType(b, f.Type(), pos, lower)
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
			l.writeType(b, t.EmbeddedType(i), pos, lower)
			b.WriteString("; ")
		}
		for i := 0; i < t.NumExplicitMethods(); i++ {
			f := t.ExplicitMethod(i)
			b.WriteString(f.Name())
			l.writeSig(b, f.Type().(*types.Signature), pos, lower)
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

func (l *lowerer) writeSig(b *strings.Builder, s *types.Signature, pos token.Pos, lower bool) {
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
			l.writeType(b, ty, pos, lower)
		}
	}
	b.WriteByte('(')
	tuple(s.Params(), s.Variadic())
	b.WriteByte(')')
	switch s.Results().Len() {
	case 0:
	case 1:
		b.WriteByte(' ')
		l.writeType(b, s.Results().At(0).Type(), pos, lower)
	default:
		b.WriteString(" (")
		tuple(s.Results(), false)
		b.WriteByte(')')
	}
}
