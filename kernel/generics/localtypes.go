package generics

import (
	"fmt"
	"go/ast"
	"go/types"
	"sort"
)

// A named type declared inside a function has no type of its own in the
// interpreter when it is not a struct with fields: in
//
//	func main() {
//		type F float64
//		var x any = F(1)
//		_, isFloat := x.(float64) // true in the interpreter; Go: false
//	}
//
// x holds a bare float64, so a type switch, an assertion or == on an
// interface takes an F for a float64, and %T says float64. A package-level
// type is told apart by a marker method the cell pipeline gives it (its
// values are then boxed with their type's name), but a local type cannot
// have methods. So Lower moves every such local type to the top level,
// under a name of its own (Fᐧlocal, shown as F), where it means the same:
// a type declaration sees no variables, the local constants it names (an
// array's length) are written as their values, and one that names a local
// type that stays in its function (a struct) stays there too.

// HoistsLocal reports whether tn is a type declared inside a function that
// Lower moves to the top level (if what it names allows): a named type
// the interpreter would take for its underlying type, or a struct it
// cannot make.
func HoistsLocal(tn *types.TypeName) bool {
	if tn == nil || tn.IsAlias() || tn.Pkg() == nil || tn.Parent() == nil || tn.Parent() == tn.Pkg().Scope() {
		return false
	}
	n, ok := tn.Type().(*types.Named)
	if !ok || n.TypeParams().Len() > 0 {
		return false
	}
	switch u := n.Underlying().(type) {
	case *types.Interface, *types.Pointer:
		return false
	case *types.Struct:
		return u.NumFields() == 0 || embedsMethods(u)
	}
	return true
}

// embedsMethods reports whether struct s embeds an interface or a type
// with methods (type loud struct{ io.Reader }, struct{ *bufio.Reader; n
// int }). The interpreter asked reflect for a struct promoting the
// interface's methods, which it cannot make ("StructOf does not support
// methods of embedded interfaces"), or made one without them, which
// compiled code found no Read on ("method not found: Read"); at the top
// level the cell pipeline writes the field and its methods itself.
func embedsMethods(s *types.Struct) bool {
	for i := 0; i < s.NumFields(); i++ {
		f := s.Field(i)
		if !f.Embedded() {
			continue
		}
		t := f.Type()
		if _, ptr := t.(*types.Pointer); !ptr && !types.IsInterface(t) {
			t = types.NewPointer(t)
		}
		if types.NewMethodSet(t).Len() > 0 {
			return true
		}
	}
	return false
}

// A local type that stays in its function (a struct with fields, or one
// naming such a struct) still needs a name of its own: the interpreter
// tells types apart by their names, so
//
//	type T struct{ a, b int }
//	func f(x any) {
//		type T struct{ a, b int }
//		_, ok := x.(T) // true for a package-level T in the interpreter; Go: false
//	}
//
// takes the two T for one type, as it does two local T of two functions
// (Go's test/fixedbugs/bug148.go). Lower renames each in place, as it
// names the ones it moves (Tᐧlocal, shown as T).

// RenamesLocal reports whether tn is a type declared inside a function
// that Lower gives a name of its own, where it is, or by moving it
// (HoistsLocal).
func RenamesLocal(tn *types.TypeName) bool {
	if tn == nil || tn.IsAlias() || tn.Pkg() == nil || tn.Parent() == nil || tn.Parent() == tn.Pkg().Scope() || tn.Name() == "_" {
		return false
	}
	n, ok := tn.Type().(*types.Named)
	return ok && n.TypeParams().Len() == 0 && !types.IsInterface(n)
}

// hasLocalTypes reports whether the file declares a type Lower renames or
// moves.
func hasLocalTypes(info *types.Info) bool {
	for _, obj := range info.Defs {
		if tn, ok := obj.(*types.TypeName); ok && RenamesLocal(tn) {
			return true
		}
	}
	return false
}

// renameLocals names the local types that stay in their functions, in
// place.
func (l *lowerer) renameLocals() []Edit {
	var all []*types.TypeName
	for tn := range l.locals {
		all = append(all, tn)
	}
	// (in the order they are declared: the first of a name is Tᐧlocal)
	sort.Slice(all, func(i, j int) bool { return all[i].Pos() < all[j].Pos() })
	var out []Edit
	for _, tn := range all {
		lt := l.locals[tn]
		if _, moved := l.hoisted[tn]; moved || !RenamesLocal(tn) || l.inGeneric(l.main.off(lt.spec.Pos())) {
			continue
		}
		name := l.names.name(l.localKey(tn), tn.Name()+sep+"local", nil, tn.Name())
		l.names.runtime[name] = tn.Name()
		out = append(out, Edit{l.main.off(lt.spec.Name.Pos()), l.main.off(lt.spec.Name.End()), name})
		out = append(out, l.renameUses(tn, name)...)
	}
	return out
}

// hoistLocals moves the local types HoistsLocal names to the top level,
// in the order they are declared.
func (l *lowerer) hoistLocals() {
	var all []*types.TypeName
	for tn := range l.locals {
		if HoistsLocal(tn) {
			all = append(all, tn)
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Pos() < all[j].Pos() })
	ok := map[*types.TypeName]bool{}
	for _, tn := range all {
		if l.movable(tn, ok) {
			l.hoistLocal(tn)
		}
	}
}

// movable reports whether local type tn can move to the top level: it is
// declared outside generic code, in a group of types that can all move,
// and its declaration names only package-level objects and local types
// that move too. ok memoizes the answers (true while one is being found,
// for a type that names itself).
func (l *lowerer) movable(tn *types.TypeName, ok map[*types.TypeName]bool) bool {
	if v, seen := ok[tn]; seen {
		return v
	}
	lt, local := l.locals[tn]
	if !local || !HoistsLocal(tn) || l.inGeneric(l.main.off(lt.spec.Pos())) {
		return false
	}
	ok[tn] = true
	for _, sp := range lt.decl.Decl.(*ast.GenDecl).Specs {
		if other, _ := l.main.info.Defs[sp.(*ast.TypeSpec).Name].(*types.TypeName); other != tn && !l.movable(other, ok) {
			ok[tn] = false
			return false
		}
	}
	ast.Inspect(lt.spec.Type, func(n ast.Node) bool {
		id, isIdent := n.(*ast.Ident)
		if !isIdent || !ok[tn] {
			return ok[tn]
		}
		switch obj := l.main.info.Uses[id].(type) {
		case nil, *types.PkgName:
		case *types.TypeName:
			if obj.Pkg() != nil && obj.Parent() != obj.Pkg().Scope() && !l.movable(obj, ok) {
				ok[tn] = false
			}
		case *types.Const:
			// An array's length: written as its value (localText).
		default:
			if obj.Pkg() != nil && obj.Parent() != obj.Pkg().Scope() {
				ok[tn] = false
			}
		}
		return ok[tn]
	})
	return ok[tn]
}

// hoistLocal moves tn to the top level.
func (l *lowerer) hoistLocal(tn *types.TypeName) {
	if _, done := l.hoisted[tn]; done {
		return
	}
	key := l.localKey(tn)
	name := l.names.name(key, tn.Name()+sep+"local", nil, tn.Name())
	l.names.runtime[name] = tn.Name()
	l.hoisted[tn] = name
	l.done[key] = true
	l.queue = append(l.queue, pending{origin: tn, name: name, pos: l.locals[tn].spec.Pos()})
}

// localKey is the key of local type tn's name: where it is in its
// function, not in the program, so that a cell declaring something
// before that function leaves the function's code as it was; a type in a
// cell's statements is that cell's.
func (l *lowerer) localKey(tn *types.TypeName) string {
	lt := l.locals[tn]
	fn, from := "", l.main.off(lt.spec.Pos())
	for n := ast.Node(lt.spec); n != nil; n = l.main.parent[n] {
		if fd, isFunc := n.(*ast.FuncDecl); isFunc {
			fn = fd.Name.Name
			if fn == l.f.CellFunc && l.f.CellFunc != "" && fd.Recv == nil {
				fn = "cell " + l.f.Cell
			}
			if fd.Recv != nil && len(fd.Recv.List) == 1 {
				fn = l.main.src[l.main.off(fd.Recv.List[0].Type.Pos()):l.main.off(fd.Recv.List[0].Type.End())] + "." + fn
			}
			from -= l.main.off(fd.Pos())
			break
		}
	}
	// The declaration is part of the key: a function redefined with
	// another type F declares a type of another name, not a second
	// declaration of one the interpreter has (which it cannot redefine).
	decl := l.main.src[l.main.off(lt.spec.Pos()):l.main.off(lt.spec.End())]
	return fmt.Sprintf("local %s in %s@%d: %s", tn.Name(), fn, from, decl)
}

// localText is the type of a moved local type's declaration as the top
// level must write it: with moved types renamed, and local constants
// written as their values ([n]int is [(3)]int).
func (l *lowerer) localText(spec *ast.TypeSpec) string {
	u := l.main
	start, end := u.off(spec.Type.Pos()), u.off(spec.End())
	edits := l.uses(u, start, end, nil, false)
	ast.Inspect(spec.Type, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if c, ok := u.info.Uses[id].(*types.Const); ok && c.Pkg() != nil && c.Parent() != c.Pkg().Scope() {
				edits = append(edits, Edit{u.off(id.Pos()), u.off(id.End()), "(" + c.Val().ExactString() + ")"})
			}
		}
		return true
	})
	return apply(u.src, start, end, tidy(edits))
}
