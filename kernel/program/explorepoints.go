package program

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"
)

// The rule of this file runs only for cells compiled to be explored
// (%%explore): it gives the scheduler of package explore the places where
// the order of goroutines can change what a cell does, beyond its channel
// operations and locks, which are scheduling points already.
//
// A statement of the cell that reads or writes shared memory (a global, a
// variable a function literal captures, anything reached through a pointer,
// a slice or a map) is preceded by a call of the Access hook, a scheduling
// point that also records the access for the timeline. An assignment to
// shared memory of a value computed from it (x++, x += e, x = x + 1) is
// split into its read and its write, so that another goroutine can come in
// between, as it can in a compiled program:
//
//	counter++
//
// becomes
//
//	{ p := &counter; Access("[1]:5", "counter", 'r'); v := *p; Seen(v); Access("[1]:5", "counter", 'w'); *p = v + 1; Seen(*p) }
//
// Seen labels the access with the value, for the timeline. A go statement
// is followed by a scheduling point (the new goroutine may go first), and
// close(ch) becomes the Close hook, which tells the scheduler.
//
// Every function of the program gets its points, whichever cell declared
// it: the unit assigns them all (functions are variables, see emitDecl),
// and its Restore chunk assigns them back without points once the
// exploration is over. Outside an exploration the hooks return at once.

// explorePoints adds the scheduling points of an explored cell.
func (g *gen) explorePoints() {
	x := &explorer{g: g, captured: g.capturedVars()}
	for _, fd := range g.rewritable() {
		if g.fromStdlib(fd) {
			continue // the standard library's code, as compiled code is: no points inside
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			x.list(stmtList(n))
			switch s := n.(type) {
			case *ast.GoStmt:
				g.r.After(s, "; "+HooksName+".Yield()")
			case *ast.CallExpr:
				if g.isBuiltinNamed(s.Fun, "close") && len(s.Args) == 1 {
					g.r.ReplaceRange(s.Fun.Pos(), s.Fun.End(), HooksName+".Close")
				}
				x.timerCall(s)
			}
			return true
		})
	}
}

// timerCall turns a Stop or Reset of a *time.Timer or *time.Ticker into
// the hook that stops or resets the virtual timer behind it in an
// exploration (and the real one elsewhere).
func (x *explorer) timerCall(call *ast.CallExpr) {
	g := x.g
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || (sel.Sel.Name != "Stop" && sel.Sel.Name != "Reset") {
		return
	}
	ptr, ok := g.c.info.TypeOf(sel.X).(*types.Pointer)
	if !ok {
		return
	}
	named, ok := ptr.Elem().(*types.Named)
	if !ok || named.Obj().Pkg() == nil || named.Obj().Pkg().Path() != "time" {
		return
	}
	kind := named.Obj().Name()
	if kind != "Timer" && kind != "Ticker" {
		return
	}
	g.r.Replace(call, func() string {
		args := []string{g.r.Source(sel.X)}
		for _, a := range call.Args {
			args = append(args, g.r.Source(a))
		}
		return fmt.Sprintf("%s.%s%s(%s)", HooksName, kind, sel.Sel.Name, strings.Join(args, ", "))
	})
}

// fromStdlib reports whether fd is an instance of the standard library's
// generic code (kernel/stdsource), whose declarations are labelled with
// their file of the Go source tree ("[crypto/pbkdf2/pbkdf2_key.go]")
// rather than a cell's label.
func (g *gen) fromStdlib(fd *ast.FuncDecl) bool {
	s := g.c.a.segmentAt(g.c.offset(fd.Pos()))
	return s != nil && s.decl != nil && s.decl.derived && strings.HasSuffix(strings.TrimSuffix(s.decl.Label, "]"), ".go")
}

func (g *gen) isBuiltinNamed(e ast.Expr, name string) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name != name {
		return false
	}
	_, ok = g.c.info.Uses[id].(*types.Builtin)
	return ok
}

// capturedVars returns the local variables that a function literal
// refers to while another function declares them: two goroutines can
// share them.
func (g *gen) capturedVars() map[*types.Var]bool {
	out := map[*types.Var]bool{}
	var lits []*ast.FuncLit
	for _, fd := range g.rewritable() {
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if fl, ok := n.(*ast.FuncLit); ok {
				lits = append(lits, fl)
			}
			return true
		})
	}
	for _, fl := range lits {
		ast.Inspect(fl.Body, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			v, ok := g.c.info.Uses[id].(*types.Var)
			if ok && !v.IsField() && v.Pkg() != nil && v.Parent() != v.Pkg().Scope() && (v.Pos() < fl.Pos() || v.Pos() >= fl.End()) {
				out[v] = true
			}
			return true
		})
	}
	return out
}

type explorer struct {
	g        *gen
	captured map[*types.Var]bool
}

// list adds points before the statements of a statement list.
func (x *explorer) list(stmts []ast.Stmt) {
	for _, s := range stmts {
		x.stmt(s)
	}
}

func (x *explorer) stmt(s ast.Stmt) {
	g := x.g
	switch st := s.(type) {
	case *ast.IncDecStmt:
		if x.split(st, st.X, "", nil) {
			return
		}
	case *ast.AssignStmt:
		if len(st.Lhs) == 1 && len(st.Rhs) == 1 && st.Tok != token.DEFINE && !hasRecv(st) {
			if x.split(st, st.Lhs[0], st.Tok.String(), st.Rhs[0]) {
				return
			}
		}
	case *ast.ForStmt:
		// The condition and post statement are evaluated again and
		// again: a point at the top of the body comes between two
		// evaluations.
		x.loopTop(st.Body, st.Pos(), st.Cond, st.Post)
	case *ast.RangeStmt:
		x.loopTop(st.Body, st.Pos(), st.X)
	case *ast.LabeledStmt, *ast.BlockStmt, *ast.EmptyStmt, *ast.BranchStmt, *ast.SelectStmt:
		return
	case *ast.CaseClause, *ast.CommClause:
		// Nothing can go before "case": the switch has its point, and
		// the clause's statements theirs.
		return
	}
	names, writes := x.accesses(s)
	if len(names) == 0 {
		return
	}
	kind := byte('r')
	if writes {
		kind = 'w'
	}
	g.r.Before(s, x.access(s.Pos(), names, kind)+"; ")
}

// loopTop adds a point at the top of a loop's body if the loop's own
// parts (condition, post statement, ranged value) touch shared memory.
// Rewrites that write a loop's body anew put it there too (see loopBody).
func (x *explorer) loopTop(body *ast.BlockStmt, pos token.Pos, parts ...ast.Node) {
	names := x.sharedIn(parts...)
	if len(names) == 0 {
		return
	}
	point := x.access(pos, names, 'r') + "; "
	x.g.r.At(body, body.Lbrace+1, point)
	if x.g.checks == nil {
		x.g.checks = map[*ast.BlockStmt]string{}
	}
	x.g.checks[body] += point
}

// access writes a call of the Access hook.
func (x *explorer) access(pos token.Pos, names []string, kind byte) string {
	return fmt.Sprintf("%s.Access(%s, %s, %d)", HooksName, x.g.where(pos), strconv.Quote(strings.Join(names, ", ")), kind)
}

// split rewrites s, an assignment of lhs (op "" for ++ and --, "=" or an
// operation's "+=") from rhs, into a read of lhs, a point, and a write,
// when lhs is shared memory that is read to compute the new value.
func (x *explorer) split(s ast.Stmt, lhs ast.Expr, op string, rhs ast.Expr) bool {
	g := x.g
	name, ok := x.sharedPlace(lhs)
	if !ok {
		return false
	}
	if op == "=" && len(x.sharedIn(rhs)) == 0 {
		return false // a plain store: the point before it is enough
	}
	if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok {
		if _, isMap := g.c.info.TypeOf(ix.X).Underlying().(*types.Map); isMap {
			return false // a map element has no address: the point before it is enough
		}
	}
	t := g.c.info.TypeOf(lhs)
	if t == nil {
		return false
	}
	typ, ok := g.localType(t)
	if !ok {
		return false
	}
	// Seen labels an access with its value, for a number, string or bool.
	b, isBasic := t.Underlying().(*types.Basic)
	labelled := isBasic && b.Info()&(types.IsNumeric|types.IsString|types.IsBoolean) != 0
	g.addressed[s] = true
	g.r.Replace(s, func() string {
		p, v, e := g.r.Temp("p"), g.r.Temp("v"), g.r.Temp("e")
		var out strings.Builder
		seen := func(value string) {
			if labelled {
				fmt.Fprintf(&out, "%s.Seen(%s); ", HooksName, value)
			}
		}
		read := func() {
			fmt.Fprintf(&out, "%s; %s := *%s; ", x.access(s.Pos(), []string{name}, 'r'), v, p)
			seen(v)
		}
		write := func(value string) {
			fmt.Fprintf(&out, "%s; *%s = %s; ", x.access(s.Pos(), []string{name}, 'w'), p, value)
			seen("*" + p)
		}
		if star, ok := ast.Unparen(lhs).(*ast.StarExpr); ok {
			// The pointer itself: Yaegi's &*p of a nil p panicked with
			// reflect's words ("reflect.Value.Addr of unaddressable
			// value"), where *p panics as Go's nil dereference.
			fmt.Fprintf(&out, "{ %s := %s; ", p, g.r.Source(star.X))
		} else if pointer, ok := g.fieldPointerOf(lhs); ok {
			fmt.Fprintf(&out, "{ %s := %s; ", p, pointer()) // (Yaegi takes no &*p of a call)
		} else {
			fmt.Fprintf(&out, "{ %s := &%s; ", p, g.r.Source(lhs))
		}
		switch op {
		case "":
			read()
			write(v + " " + s.(*ast.IncDecStmt).Tok.String()[:1] + " 1")
		case "=":
			// x = f(x): what the right side reads, then the write.
			fmt.Fprintf(&out, "%s; var %s %s = %s; ", x.access(s.Pos(), x.sharedIn(rhs), 'r'), e, typ, g.r.Source(rhs))
			write(e)
		default:
			// x op= e: e is evaluated once, x read, then written.
			fmt.Fprintf(&out, "var %s %s = %s; ", e, x.operandType(rhs, typ), g.r.Source(rhs))
			read()
			write(v + " " + strings.TrimSuffix(op, "=") + " " + e)
		}
		out.WriteString("}")
		return out.String()
	})
	return true
}

// operandType is the type of the right operand of an operation assignment:
// a shift's count keeps its own type, any other operand the left one's.
func (x *explorer) operandType(rhs ast.Expr, lhsType string) string {
	if t := x.g.c.info.TypeOf(rhs); t != nil {
		if b, ok := t.(*types.Basic); ok && b.Info()&types.IsUntyped == 0 {
			if s, ok := x.g.localType(t); ok {
				return s
			}
		}
	}
	return lhsType
}

// hasRecv reports whether a statement receives from a channel, which the
// channel rewrites handle.
func hasRecv(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if u, ok := m.(*ast.UnaryExpr); ok && u.Op == token.ARROW {
			found = true
		}
		_, lit := m.(*ast.FuncLit)
		return !found && !lit
	})
	return found
}

// sharedPlace reports whether e, the left side of an assignment, is shared
// memory whose address can be taken, and names it.
func (x *explorer) sharedPlace(e ast.Expr) (string, bool) {
	names := x.sharedIn(e)
	if len(names) == 0 {
		return "", false
	}
	switch ast.Unparen(e).(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr, *ast.StarExpr:
		return x.g.r.Original(e), true
	}
	return "", false
}

// accesses returns the shared memory statement s reads or writes (outside
// the function literals it holds, whose statements get their own points)
// and whether it writes any.
func (x *explorer) accesses(s ast.Stmt) (names []string, writes bool) {
	names = x.sharedIn(s)
	// An atomic operation is one indivisible access: a point before it.
	for _, call := range x.atomicCalls(s) {
		names = append(names, strings.Join(strings.Fields(x.g.r.Original(call.Fun)), " "))
		if sel, ok := call.Fun.(*ast.SelectorExpr); !ok || !strings.HasPrefix(sel.Sel.Name, "Load") {
			writes = true
		}
	}
	switch st := s.(type) {
	case *ast.AssignStmt:
		for _, l := range st.Lhs {
			if len(x.sharedIn(l)) > 0 {
				writes = true
			}
		}
	case *ast.IncDecStmt:
		writes = true
	}
	return names, writes
}

// atomicCalls returns the calls of package sync/atomic that s makes
// (outside the function literals it holds).
func (x *explorer) atomicCalls(s ast.Stmt) []*ast.CallExpr {
	var out []*ast.CallExpr
	ast.Inspect(s, func(n ast.Node) bool {
		switch e := n.(type) {
		case *ast.FuncLit, *ast.BlockStmt:
			return n == ast.Node(s)
		case *ast.CallExpr:
			var id *ast.Ident
			switch f := ast.Unparen(e.Fun).(type) {
			case *ast.SelectorExpr:
				id = f.Sel
			case *ast.Ident:
				id = f
			}
			if id == nil {
				return true
			}
			if fn, ok := x.g.c.info.Uses[id].(*types.Func); ok && fn.Pkg() != nil && fn.Pkg().Path() == "sync/atomic" {
				out = append(out, e)
			}
		}
		return true
	})
	return out
}

// sharedIn names the shared memory the nodes read or write: variables by
// name, memory reached through a pointer, slice or map by the expression.
func (x *explorer) sharedIn(nodes ...ast.Node) []string {
	var names []string
	seen := map[string]bool{}
	add := func(s string) {
		s = strings.Join(strings.Fields(s), " ")
		if len(s) > 24 {
			s = s[:21] + "..."
		}
		if !seen[s] {
			seen[s] = true
			names = append(names, s)
		}
	}
	for _, n := range nodes {
		if isNil(n) {
			continue
		}
		ast.Inspect(n, func(m ast.Node) bool {
			switch e := m.(type) {
			case *ast.FuncLit, *ast.BlockStmt:
				return false // their own statements
			case *ast.UnaryExpr:
				if e.Op == token.AND {
					return false // taking an address reads nothing
				}
			case *ast.CallExpr:
				if id := calleeIdent(e.Fun); id != nil {
					if _, isBuiltin := x.g.c.info.Uses[id].(*types.Builtin); isBuiltin && (id.Name == "len" || id.Name == "cap") {
						if t := x.g.c.info.TypeOf(e.Args[0]); t != nil {
							if _, isChan := t.Underlying().(*types.Chan); isChan {
								return false
							}
						}
					}
				}
				if sel, ok := e.Fun.(*ast.SelectorExpr); ok {
					// A method's receiver is the method's business.
					if s := x.g.c.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
						for _, a := range e.Args {
							ast.Inspect(a, func(k ast.Node) bool { return x.visit(k, add) })
						}
						return false
					}
				}
			}
			return x.visit(m, add)
		})
	}
	return names
}

// isNil reports whether n is nil, also when it is a nil expression or
// statement (a loop without a condition).
func isNil(n ast.Node) bool {
	return n == nil || reflect.ValueOf(n).IsNil()
}

func calleeIdent(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// visit adds the shared memory m is, and reports whether to look inside.
func (x *explorer) visit(m ast.Node, add func(string)) bool {
	g := x.g
	switch e := m.(type) {
	case *ast.FuncLit, *ast.BlockStmt:
		return false
	case *ast.Ident:
		v, ok := g.c.info.Uses[e].(*types.Var)
		if !ok || v.IsField() || !dataType(v.Type()) {
			return false
		}
		if v.Pkg() != nil && v.Parent() == v.Pkg().Scope() || x.captured[v] {
			add(e.Name)
		}
	case *ast.StarExpr:
		if dataType(g.c.info.TypeOf(e)) {
			add(g.r.Original(e))
			return false
		}
	case *ast.SelectorExpr:
		if s := g.c.info.Selections[e]; s != nil && s.Kind() == types.FieldVal {
			if !dataType(s.Type()) {
				return false
			}
			if s.Indirect() {
				add(g.r.Original(e))
				return false
			}
			// A field of a struct variable is shared if the variable is.
			var inner []string
			ast.Inspect(e.X, func(k ast.Node) bool { return x.visit(k, func(s string) { inner = append(inner, s) }) })
			if len(inner) > 0 {
				add(g.r.Original(e))
			}
			return false
		}
	case *ast.IndexExpr:
		t := g.c.info.TypeOf(e.X)
		if t == nil || !dataType(g.c.info.TypeOf(e)) {
			return true
		}
		switch u := t.Underlying().(type) {
		case *types.Slice, *types.Map, *types.Pointer:
			add(g.r.Original(e.X) + "[…]")
			ast.Inspect(e.Index, func(k ast.Node) bool { return x.visit(k, add) })
			return false
		case *types.Basic: // a string: immutable bytes
			_ = u
		}
	}
	return true
}

// dataType reports whether a value of type t is data whose accesses race:
// not a channel, a function, or one of the synchronising types, whose
// operations are scheduling points of their own.
func dataType(t types.Type) bool {
	if t == nil {
		return false
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		switch p := n.Obj().Pkg().Path(); {
		case p == "sync", p == "sync/atomic", p == "context", p == "time", strings.HasPrefix(p, "github.com/goconc/goconc/lib/"), strings.HasPrefix(p, "golang.org/x/sync/"):
			return false
		}
	}
	switch t.Underlying().(type) {
	case *types.Chan, *types.Signature:
		return false
	}
	return true
}
