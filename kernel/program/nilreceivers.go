package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/goconc/goconc/kernel/cell"
)

// checkNilReceivers makes a method called through an interface that holds
// a nil pointer panic as Go's does, when the pointer's type has the method
// with a value receiver:
//
//	for _, a := range animals {
//		fmt.Println(a.Sound())
//
// becomes
//
//	for _, a := range animals {
//		if __goconc_p, __goconc_ok := a.(*Cat); __goconc_ok && __goconc_p == nil { __goconc.ValueMethodNil("main.Cat.Sound", "Cat") }; fmt.Println(a.Sound())
//
// Go calls (*Cat).Sound, the method the compiler writes for the value
// method, which panics with the runtime error "value method
// main.Cat.Sound called using nil *Cat pointer"; the interpreter
// dereferenced the pointer to copy the receiver and panicked "invalid
// memory address or nil pointer dereference". It is the typed-nil lesson:
// an error variable holding a nil *MyErr, err.Error() called.
//
// The check goes before the statement where nothing the statement does
// before the call can be seen or panic: the call is the first of its calls
// and receives, and its receiver and arguments are plain operands (so the
// loop that sums s.Area() pays nearly nothing). Elsewhere (a second call,
// an argument that calls, a loop's condition, the right of && or ||) the
// call goes through a function literal that takes the receiver and the
// arguments in Go's order and checks before it calls:
//
//	func(__goconc_x Animal, __goconc_a0 string) string { <check>; return __goconc_x.Say(__goconc_a0) }(a, name())
//
// Where gc knows the interface's dynamic type at the call, it calls the
// method of that type directly, and a nil *T panics as a dereference:
//
//	var c *Cat
//	var a Animal = c
//	a.Sound()          invalid memory address or nil pointer dereference
//
// (gc's devirtualize.StaticCall: a local interface variable every
// assignment of which gives it one concrete type, devirtualize.go).
// Such calls are left as they are.
//
// The types checked are the notebook's with a value method of the name
// whose pointer has the interface's methods; a later cell that declares
// one recompiles the functions that call the method so (plan). A method
// value of an interface checks when it is called (methodvalues.go), as
// does the method of a go statement, which is one (gostmt.go); the call of
// a defer statement goes through the literal, given the receiver and the
// arguments the statement evaluates (rewriteDefers writes it).
func (g *gen) checkNilReceivers() {
	calls := map[*ast.CallExpr][]*types.Named{}
	later := g.goAndDeferCalls() // (go statements' are methodvalues.go's)
	deferred := func(call *ast.CallExpr) bool {
		_, ok := later[call].(*ast.DeferStmt)
		return ok // (which gc never devirtualizes)
	}
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		switch x := n.(type) {
		case *ast.CallExpr:
			if _, goes := later[x].(*ast.GoStmt); !goes {
				if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
					if ts := g.nilReceiverTypes(sel); len(ts) > 0 {
						calls[x] = ts
					}
				}
			}
		}
		return true
	})
	if len(calls) == 0 {
		return
	}
	dv := g.devirtualizer()
	g.deferChecks = map[*ast.CallExpr][]*types.Named{}
	for call, ts := range calls {
		switch {
		case deferred(call):
			g.deferChecks[call] = ts
			delete(calls, call)
		case dv.devirtualized(ast.Unparen(call.Fun).(*ast.SelectorExpr).X):
			delete(calls, call)
		}
	}
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		for _, s := range stmtList(n) {
			if call := g.firstEffect(s, calls); call != nil {
				ts := calls[call]
				delete(calls, call)
				recv := ast.Unparen(call.Fun).(*ast.SelectorExpr).X
				g.r.BeforeFunc(s, func() string {
					return g.nilReceiverChecks(g.r.Source(recv), ast.Unparen(call.Fun).(*ast.SelectorExpr).Sel.Name, ts) + "; "
				})
			}
		}
		return true
	})
	for call, ts := range calls {
		g.checkInLiteral(call, ts)
	}
}

// nilReceiverTypes returns the types whose nil pointers sel, a method of
// an interface, must panic for: the notebook's types declaring the method
// with a value receiver, whose pointers implement the interface.
func (g *gen) nilReceiverTypes(sel *ast.SelectorExpr) []*types.Named {
	s := g.c.info.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return nil
	}
	recv := s.Recv()
	if _, param := types.Unalias(recv).(*types.TypeParam); param {
		return nil
	}
	iface, ok := recv.Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	var out []*types.Named
	scope := g.c.pkg.Scope()
	inner := scope.Innermost(sel.Pos())
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok || n.TypeParams().Len() > 0 || isInterface(n) {
			continue
		}
		obj, index, _ := types.LookupFieldOrMethod(n, false, g.c.pkg, sel.Sel.Name)
		m, ok := obj.(*types.Func)
		if !ok || len(index) != 1 {
			continue // none, or promoted: Go's panic is a nil dereference
		}
		if _, ptr := m.Signature().Recv().Type().(*types.Pointer); ptr {
			continue
		}
		if !types.Implements(types.NewPointer(n), iface) {
			continue
		}
		if inner != nil {
			if _, o := inner.LookupParent(name, sel.Pos()); o != tn {
				continue // another T where the call is: the check cannot name it
			}
		}
		out = append(out, n)
	}
	return out
}

// nilReceiverChecks returns the statements that panic as Go does if recv,
// the receiver of a call of method, holds a nil pointer to one of ts. With
// several types, one type switch lists their pointers first: a receiver
// holding none of them (a value) costs next to nothing.
func (g *gen) nilReceiverChecks(recv, method string, ts []*types.Named) string {
	var checks, pointers []string
	for _, t := range ts {
		name := t.Obj().Name()
		pointers = append(pointers, "*"+name)
		checks = append(checks, "if __goconc_p, __goconc_ok := "+recv+".(*"+name+"); __goconc_ok && __goconc_p == nil { "+
			HooksName+".ValueMethodNil("+strconv.Quote(g.goName(t)+"."+method)+", "+strconv.Quote(name)+") }")
	}
	if len(ts) == 1 {
		return checks[0]
	}
	return "switch " + recv + ".(type) { case " + strings.Join(pointers, ", ") + ": " + strings.Join(checks, "; ") + " }"
}

// firstEffect returns the call of calls in s that s makes before anything
// else that can be seen or panic, with plain operands, or nil: a check
// written before s then panics where Go would.
func (g *gen) firstEffect(s ast.Stmt, calls map[*ast.CallExpr][]*types.Named) *ast.CallExpr {
	var exprs []ast.Expr
	switch x := s.(type) {
	case *ast.ExprStmt:
		exprs = []ast.Expr{x.X}
	case *ast.AssignStmt:
		exprs = append(append(exprs, x.Lhs...), x.Rhs...)
	case *ast.IncDecStmt:
		exprs = []ast.Expr{x.X}
	case *ast.ReturnStmt:
		exprs = x.Results
	case *ast.SendStmt:
		exprs = []ast.Expr{x.Chan, x.Value}
	case *ast.DeclStmt:
		if gd, ok := x.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
			for _, spec := range gd.Specs {
				exprs = append(exprs, spec.(*ast.ValueSpec).Values...)
			}
		}
	case *ast.IfStmt:
		if x.Init == nil {
			exprs = []ast.Expr{x.Cond}
		}
	case *ast.SwitchStmt:
		if x.Init == nil && x.Tag != nil {
			exprs = []ast.Expr{x.Tag}
		}
	case *ast.RangeStmt:
		exprs = []ast.Expr{x.X}
	}
	var effects []ast.Node
	var first *ast.CallExpr
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false // its calls are made when it is called
		case *ast.BinaryExpr:
			if x.Op == token.LAND || x.Op == token.LOR {
				// The right operand may not be evaluated: no check
				// for it, but its calls come after the left's.
				ast.Inspect(x.X, visit)
				if hasCall(x.Y) {
					effects = append(effects, x.Y)
				}
				return false
			}
		}
		if g.effect(n) {
			effects = append(effects, n)
		}
		if call, ok := n.(*ast.CallExpr); ok && calls[call] != nil && first == nil {
			first = call
		}
		return true
	}
	for _, e := range exprs {
		ast.Inspect(e, visit)
	}
	if first == nil || !g.plainOperands(first) {
		return nil
	}
	for _, e := range effects {
		if e == first || e.Pos() <= first.Pos() && first.End() <= e.End() {
			continue // it, or made after it (its operands first)
		}
		if e.Pos() < first.End() {
			return nil
		}
	}
	return first
}

// plainOperands reports whether the receiver and the arguments of call
// are read without a call, a receive, or an operation that may panic: an
// argument's panic comes, in Go, before the method's.
func (g *gen) plainOperands(call *ast.CallExpr) bool {
	recv := ast.Unparen(call.Fun).(*ast.SelectorExpr).X
	if !g.harmlessRead(recv, true) {
		return false
	}
	for _, a := range call.Args {
		if !g.harmlessRead(a, false) {
			return false
		}
	}
	return true
}

// harmlessRead reports whether e is read without a call, a receive, or an
// operation that may panic (an index, a pointer followed, a division); a
// receiver, recv, may follow pointers to fields and index, whose panics
// come where Go's do, as the check reads it first.
func (g *gen) harmlessRead(e ast.Expr, recv bool) bool {
	if tv, ok := g.c.info.Types[e]; ok && (tv.Value != nil || tv.IsNil() || tv.IsType()) {
		return true
	}
	switch x := e.(type) {
	case *ast.Ident, *ast.BasicLit, *ast.FuncLit:
		return true
	case *ast.ParenExpr:
		return g.harmlessRead(x.X, recv)
	case *ast.SelectorExpr:
		if id, ok := x.X.(*ast.Ident); ok && g.isPackage(id) {
			return true
		}
		s := g.c.info.Selections[x]
		return s != nil && s.Kind() == types.FieldVal && (recv || !s.Indirect()) && g.harmlessRead(x.X, recv)
	case *ast.IndexExpr:
		// shapes[i].Area(): the statement's index check (checkIndexes,
		// written before) or its proof comes first.
		return recv && g.harmlessRead(x.X, true) && g.harmlessRead(x.Index, false)
	case *ast.UnaryExpr:
		return x.Op != token.ARROW && g.harmlessRead(x.X, false)
	case *ast.BinaryExpr:
		switch x.Op {
		case token.QUO, token.REM, token.SHL, token.SHR:
			return false
		}
		return g.harmlessRead(x.X, false) && g.harmlessRead(x.Y, false)
	case *ast.CompositeLit:
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			if !g.harmlessRead(el, false) {
				return false
			}
		}
		return true
	}
	return false
}

// checkInLiteral writes call through a function literal that takes its
// receiver and its arguments, in Go's order, and checks the receiver
// before it calls the method.
func (g *gen) checkInLiteral(call *ast.CallExpr, ts []*types.Named) {
	sel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	lit, ok := g.checkingLiteral(sel, ts)
	if !ok {
		return
	}
	g.r.Replace(call, func() string {
		args := []string{g.literalArg(sel.X)}
		for _, a := range call.Args {
			args = append(args, g.r.Source(a))
		}
		ellipsis := ""
		if call.Ellipsis.IsValid() {
			ellipsis = "..."
		}
		return lit + "(" + strings.Join(args, ", ") + ellipsis + ")"
	})
}

// checkingLiteral returns the function literal that calls method sel of
// an interface, given the receiver then the arguments, after checking
// the receiver holds no nil pointer to one of ts.
func (g *gen) checkingLiteral(sel *ast.SelectorExpr, ts []*types.Named) (string, bool) {
	sig, ok := g.c.info.TypeOf(sel).(*types.Signature)
	if !ok {
		return "", false
	}
	iface, ok := g.localType(g.c.info.TypeOf(sel.X))
	if !ok {
		return "", false
	}
	results, ok := g.localTypes(sig.Results())
	if !ok {
		return "", false
	}
	params := []string{"__goconc_x " + iface}
	var passed []string
	for i := range sig.Params().Len() {
		t := sig.Params().At(i).Type()
		name := "__goconc_a" + strconv.Itoa(i)
		dots := ""
		if sig.Variadic() && i == sig.Params().Len()-1 {
			t = t.(*types.Slice).Elem()
			dots = "..."
		}
		text, ok := g.localType(t)
		if !ok {
			return "", false
		}
		params = append(params, name+" "+dots+text)
		passed = append(passed, name+dots)
	}
	do := "__goconc_x." + sel.Sel.Name + "(" + strings.Join(passed, ", ") + ")"
	if len(results) > 0 {
		do = "return " + do
	}
	result := strings.Join(results, ", ")
	if len(results) > 1 {
		result = "(" + result + ")"
	}
	return "func(" + strings.Join(params, ", ") + ") " + result + " { " + g.nilReceiverChecks("__goconc_x", sel.Sel.Name, ts) + "; " + do + " }", true
}

// newValueMethods returns the names of the methods with value receivers
// the cell declares.
func (g *gen) newValueMethods() map[string]bool {
	out := map[string]bool{}
	for _, d := range g.ps.decls {
		if d.Kind != cell.Method {
			continue
		}
		if s := g.segmentOf(d); s != nil {
			if fd, ok := s.node.(*ast.FuncDecl); ok && fd.Recv != nil && len(fd.Recv.List) == 1 {
				if _, ptr := ast.Unparen(fd.Recv.List[0].Type).(*ast.StarExpr); !ptr {
					out[fd.Name.Name] = true
				}
			}
		}
	}
	return out
}

// callsInterfaceMethod reports whether n calls an interface's method of
// one of the names, or makes it a method value.
func (g *gen) callsInterfaceMethod(n ast.Node, names map[string]bool) bool {
	found := false
	if n != nil && len(names) > 0 {
		ast.Inspect(n, func(c ast.Node) bool {
			if sel, ok := c.(*ast.SelectorExpr); ok && names[sel.Sel.Name] {
				if s := g.c.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal && isInterface(s.Recv()) {
					found = true
				}
			}
			return !found
		})
	}
	return found
}
