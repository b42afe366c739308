package program

import (
	"go/ast"
	"go/token"
	"go/types"
)

// sharedWrites tells which of the cell's functions may change memory
// their callers can read: a package's variable, anything through a
// pointer, a slice or a map, a variable a function literal shares. A call
// of one that cannot (func area(w, h int) int, a value method that
// formats its fields) needs no care about what the statement around it
// read before it (callsFirst). The functions of earlier cells, whose
// bodies the check leaves out, may.
type sharedWrites struct {
	g     *gen
	decls map[*types.Func]*ast.FuncDecl
	known map[*types.Func]bool // true: may write; being decided counts as not
}

func newSharedWrites(g *gen) *sharedWrites {
	w := &sharedWrites{g: g, decls: map[*types.Func]*ast.FuncDecl{}, known: map[*types.Func]bool{}}
	for _, d := range g.c.file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
			if f, ok := g.c.info.Defs[fd.Name].(*types.Func); ok {
				w.decls[f] = fd
			}
		}
	}
	return w
}

// call reports whether the call x may write shared memory.
func (w *sharedWrites) call(x *ast.CallExpr) bool {
	f := w.g.calledFunc(x)
	if f == nil {
		return true // a function value, or an instance written out
	}
	f = f.Origin()
	if fd, ok := w.decls[f]; ok {
		return w.function(f, fd)
	}
	return !w.g.basicParams(f)
}

// function reports whether f, declared by fd, may write shared memory.
func (w *sharedWrites) function(f *types.Func, fd *ast.FuncDecl) bool {
	if writes, ok := w.known[f]; ok {
		return writes
	}
	w.known[f] = false // (a recursive call adds nothing)
	writes := w.body(fd)
	w.known[f] = writes
	return writes
}

// body reports whether a function's body may write shared memory, or run
// code that does: a write to anything but its own variables, a call of a
// function that may, a channel operation (another goroutine may write
// meanwhile), a go statement, a function literal.
func (w *sharedWrites) body(fd *ast.FuncDecl) bool {
	info := w.g.c.info
	own := func(e ast.Expr) bool {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok && id.Name == "_" {
			return true
		}
		v := w.g.storageVar(e)
		return v != nil && fd.Pos() <= v.Pos() && v.Pos() < fd.End()
	}
	writes := false
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit, *ast.GoStmt, *ast.SendStmt, *ast.SelectStmt:
			writes = true
		case *ast.UnaryExpr:
			writes = writes || x.Op == token.ARROW
		case *ast.RangeStmt:
			if _, ch := info.TypeOf(x.X).Underlying().(*types.Chan); ch {
				writes = true
			}
			if x.Tok == token.ASSIGN {
				writes = writes || x.Key != nil && !own(x.Key) || x.Value != nil && !own(x.Value)
			}
		case *ast.AssignStmt:
			for _, l := range x.Lhs {
				writes = writes || !own(l)
			}
		case *ast.IncDecStmt:
			writes = writes || !own(x.X)
		case *ast.CallExpr:
			if tv, ok := info.Types[x.Fun]; ok && tv.IsType() {
				return true
			}
			if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
				if b, ok := info.Uses[id].(*types.Builtin); ok {
					switch b.Name() {
					case "copy", "clear", "delete", "close":
						writes = true
					}
					return !writes
				}
			}
			writes = writes || w.call(x)
		}
		return !writes
	})
	return writes
}

// basicParams reports whether f is a function of a compiled package whose
// parameters are all numbers, strings or booleans: it cannot change what
// the cell reads (strings.ToUpper(w), strconv.Itoa(n), math.Sqrt(x)).
func (g *gen) basicParams(f *types.Func) bool {
	sig := f.Type().(*types.Signature)
	if f.Pkg() == nil || f.Pkg() == g.c.pkg || sig.Recv() != nil {
		return false
	}
	params := sig.Params()
	for i := 0; i < params.Len(); i++ {
		if _, basic := params.At(i).Type().Underlying().(*types.Basic); !basic {
			return false
		}
	}
	return true
}

// storageVar returns the variable whose own storage e is (v, v.f, v[i] of
// an array), or nil: through a pointer, a slice or a map, the storage is
// elsewhere. (rootVar goes through slices too.)
func (g *gen) storageVar(e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := g.c.info.ObjectOf(x).(*types.Var)
			return v
		case *ast.SelectorExpr:
			if sel := g.c.info.Selections[x]; sel == nil || sel.Kind() != types.FieldVal || sel.Indirect() {
				return nil
			}
			e = x.X
		case *ast.IndexExpr:
			if _, array := g.c.info.TypeOf(x.X).Underlying().(*types.Array); !array {
				return nil
			}
			e = x.X
		default:
			return nil
		}
	}
}

// addressedVars returns the variables whose address is taken: by &, by a
// method with a pointer receiver called on them, by slicing an array.
func (g *gen) addressedVars() map[*types.Var]bool {
	out := map[*types.Var]bool{}
	mark := func(e ast.Expr) {
		if v := g.storageVar(e); v != nil {
			out[v] = true
		}
	}
	for _, fd := range g.rewritable() {
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.UnaryExpr:
				if x.Op == token.AND {
					mark(x.X)
				}
			case *ast.SliceExpr:
				if _, array := g.c.info.TypeOf(x.X).Underlying().(*types.Array); array {
					mark(x.X)
				}
			case *ast.SelectorExpr:
				if g.pointerMethodOf(x) {
					mark(x.X)
				}
			}
			return true
		})
	}
	return out
}
