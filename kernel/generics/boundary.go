package generics

import (
	"go/ast"
	"go/types"
	"sort"
)

// compiledInstances returns the edits that convert what compiled functions
// return into the lowered instances of the same generic types:
//
//	var seq iter.Seq[string] = strings.SplitSeq(s, ",")
//
// becomes
//
//	var seq Seqᐸstringᐳ = Seqᐸstringᐳ(strings.SplitSeq(s, ","))
//
// strings.SplitSeq is compiled, and returns the compiled iter.Seq[string];
// the cell's iter.Seq[string] is lowered to a declared instance. In Go they
// are one type; lowered, they are two with the same underlying type, so a
// conversion joins them. edits are the file's other edits, which the
// converted calls keep.
func (l *lowerer) compiledInstances(u *unit, edits []Edit) []Edit {
	type wrap struct {
		start, end int
		name       string
	}
	var wraps []wrap
	ast.Inspect(u.file, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || l.inGeneric(u.off(call.Pos())) || !l.compiledCallee(u, call) {
			return true
		}
		named, ok := types.Unalias(u.info.TypeOf(call)).(*types.Named)
		if !ok || named.TypeArgs().Len() == 0 || !l.instanceName(named) {
			return true
		}
		wraps = append(wraps, wrap{u.off(call.Pos()), u.off(call.End()), l.typeText(named, call.Pos())})
		return true
	})
	// Inner calls first, so that an outer conversion contains them.
	sort.Slice(wraps, func(i, j int) bool { return wraps[i].end-wraps[i].start < wraps[j].end-wraps[j].start })
	var out []Edit
	for _, w := range wraps {
		inner := apply(u.src, w.start, w.end, tidy(append(append([]Edit(nil), edits...), out...)))
		out = append(out, Edit{w.start, w.end, w.name + "(" + inner + ")"})
	}
	return out
}

// compiledCallee reports whether call calls a function or method the
// interpreter has compiled: not the notebook's, and not a copy of a source
// package's.
func (l *lowerer) compiledCallee(u *unit, call *ast.CallExpr) bool {
	id := funcName(call)
	if id == nil {
		return false
	}
	fn, ok := u.info.Uses[id].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() == "main" {
		return false
	}
	return !l.ours(fn) && !l.copied(fn)
}

// funcName returns the name a call calls by (f of f(x), or of pkg.f(x)
// and x.f()), nil for a call of another expression.
func funcName(call *ast.CallExpr) *ast.Ident {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	}
	return nil
}
