package program

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
)

// stackAppends gives the appends to a slice that never leaves its function
// the capacities Go's compiler gives them. Since Go 1.26, gc backs such a
// slice's first growth with a 32-byte buffer on the stack, where the
// interpreter's append grows from nothing as the runtime does:
//
//	var s []int
//	for i := 0; i < 10; i++ {
//		s = append(s, i)
//		fmt.Println(len(s), cap(s)) // go run: cap 4 4 4 4 8 ...; Yaegi: 1 2 4 4 8 ...
//	}
//
// A lesson on how slices grow printed other capacities, silently. gc's
// rules (cmd/compile/internal/ssagen's append, internal/slice, the
// runtime's growsliceBuf and moveSliceNoCap) come in three cases, for a
// slice variable declared in the function whose elements take 1 to 32
// bytes:
//
//   - The slice never leaves the function. The first append in the
//     function that adds a fixed number of elements, when it finds the
//     slice empty and too small, and for the first time in the call, takes
//     a buffer of 32 bytes: cap 4 for an int, 2 for a string, 32 for a
//     byte. Other appends grow it as the runtime does.
//
//     if __goconc_sb1 { if len(s) == 0 && cap(s) < 1 { __goconc_sb1 = false; s = make([]int, 0, 4) } }
//     s = append(s, i)
//
//   - The slice leaves by one return statement, at the loop depth of its
//     declaration, appended to twice or in a loop, and its capacity is
//     read (cap, reslicing, a literal): every growth that fits in the
//     buffer goes one size class up (cap 1, 2, 3, 4 for an int), and the
//     slice leaves with the capacity it has.
//
//   - The same without its capacity read: the first append takes the
//     buffer, and the slice leaves with the size class of its length
//     (cap 3 for three ints, where Yaegi gives 4).
//
// Every other slice is on the heap in gc as in Yaegi. What may be done with
// the slice is what both gc's escape analysis and its slice pass accept:
// len, cap, its elements read and written (not addressed), range, s =
// append(s, ...), s = s[i:j], s = nil, s = []T{...}, return s; copy,
// string(b) and s == nil too, which the slice pass does not know, so a
// slice they use is returned from the heap. Anything else (a call it is
// handed to, a closure using it, t := s) leaves it as it is. A
// function gc may inline is left too: inlined into a loop, the buffer is
// taken once per call of the caller, not of the function. One that calls
// fmt's Print, Println or Printf (whose inlined bodies cost 78 of the 80 gc
// allows), or has a go or defer statement or calls recover, is never
// inlined, and neither are main, a function started by a go statement and
// the cell's own statements (whose top-level variables are the notebook's,
// package-level: on the heap).
func (g *gen) stackAppends() {
	for _, fd := range g.rewritable() {
		cell := fd.Recv == nil && fd.Name.Name == cellFunc
		main := fd.Recv == nil && fd.Name.Name == "main"
		g.stackAppendsIn(fd.Body, cell || main, cell)
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if lit, ok := n.(*ast.FuncLit); ok {
				g.stackAppendsIn(lit.Body, g.startedByGo(fd.Body, lit), false)
			}
			return true
		})
	}
}

// startedByGo reports whether lit is the function of a go statement in body.
func (g *gen) startedByGo(body *ast.BlockStmt, lit *ast.FuncLit) bool {
	started := false
	ast.Inspect(body, func(n ast.Node) bool {
		if gs, ok := n.(*ast.GoStmt); ok && ast.Unparen(gs.Call.Fun) == lit {
			started = true
		}
		return !started
	})
	return started
}

// stackSlice is what stackAppends learns of one slice variable.
type stackSlice struct {
	v         *types.Var
	elem      string // the element type, as written in the function
	size      int64  // of an element
	declDepth int    // loops around the declaration
	heapDecl  bool   // made by make: gc's slice pass gives up on it
	unpassed  bool   // used as its slice pass does not know: copied, compared
	capRead   bool   // cap(s), s = s[i:j], s = []T{...}
	appends   []stackAppend
	weight    int // gc's appendWeight: 1 + the loops an append is in, summed
	returns   []stackReturn
	left      bool // used otherwise than listed: gc may put it on the heap
}

type stackAppend struct {
	stmt   *ast.AssignStmt
	n      int  // elements added; 0 for append(s, t...)
	inList bool // the statement is in a block or clause: code can go before it
}

type stackReturn struct {
	stmt   *ast.ReturnStmt
	depth  int
	inList bool
}

// stackAppendsIn rewrites the appends of the slices declared in body, a
// function's, which gc never inlines when notInlined; with cell, the
// variables body declares at its top level are the notebook's.
func (g *gen) stackAppendsIn(body *ast.BlockStmt, notInlined, cell bool) {
	notInlined = notInlined || g.neverInlined(body)
	slices := map[*types.Var]*stackSlice{}
	var order []*stackSlice
	consumed := map[*ast.Ident]bool{}
	var stack []ast.Node
	depth := 0 // loops around the node
	leaveUsedIn := func(n ast.Node) {
		ast.Inspect(n, func(m ast.Node) bool {
			if id, ok := m.(*ast.Ident); ok {
				if s := slices[g.usedVar(id)]; s != nil {
					s.left = true
				}
			}
			return true
		})
	}
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		if n == nil {
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if isLoop(top) {
				depth--
			}
			return false
		}
		// A use in a function literal, or in the body of a range over a
		// function (a closure to gc), leaves the slice to gc's escape
		// analysis of the closure.
		if lit, ok := n.(*ast.FuncLit); ok && len(stack) > 0 {
			leaveUsedIn(lit.Body)
			return false
		}
		if rs, ok := n.(*ast.RangeStmt); ok {
			if _, overFunc := underlyingOf(g.c.info.TypeOf(rs.X)).(*types.Signature); overFunc {
				leaveUsedIn(rs.Body)
			}
		}
		switch x := n.(type) {
		case *ast.DeclStmt:
			if !(cell && len(stack) == 1) {
				g.declareStackSlices(x, depth, slices, &order)
			}
		case *ast.AssignStmt:
			if x.Tok == token.DEFINE && !(cell && len(stack) == 1) {
				g.defineStackSlices(x, depth, slices, &order)
			}
		case *ast.Ident:
			if s := slices[g.usedVar(x)]; s != nil && !consumed[x] {
				g.classifyStackUse(s, x, stack, depth, consumed)
			}
		}
		stack = append(stack, n)
		if isLoop(n) {
			depth++
		}
		return true
	}
	ast.Inspect(body, visit)
	for _, s := range order {
		g.rewriteStackSlice(body, s, notInlined)
	}
}

func isLoop(n ast.Node) bool {
	switch n.(type) {
	case *ast.ForStmt, *ast.RangeStmt:
		return true
	}
	return false
}

// usedVar returns the variable id uses, or nil.
func (g *gen) usedVar(id *ast.Ident) *types.Var {
	v, _ := g.c.info.Uses[id].(*types.Var)
	return v
}

// neverInlined reports whether gc never inlines the function of body
// whatever its size: it has a go or defer statement or calls recover, or it
// calls fmt.Print, Println or Printf, whose inlined bodies cost 78 of the 80
// gc's inliner allows (with a slice declared and appended to, the least such
// function costs 86).
func (g *gen) neverInlined(body *ast.BlockStmt) bool {
	never := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.GoStmt, *ast.DeferStmt:
			never = true
		case *ast.CallExpr:
			if g.isBuiltinNamed(x.Fun, "recover") {
				never = true
			} else if fn := g.calledFunc(x); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "fmt" {
				switch fn.Name() {
				case "Print", "Println", "Printf":
					never = true
				}
			}
		}
		return !never
	})
	return never
}

// declareStackSlices records the slice variables of a var declaration.
func (g *gen) declareStackSlices(d *ast.DeclStmt, depth int, slices map[*types.Var]*stackSlice, order *[]*stackSlice) {
	gd, ok := d.Decl.(*ast.GenDecl)
	if !ok || gd.Tok != token.VAR {
		return
	}
	for _, spec := range gd.Specs {
		vs := spec.(*ast.ValueSpec)
		if len(vs.Values) != 0 && len(vs.Values) != len(vs.Names) {
			continue
		}
		for i, name := range vs.Names {
			var value ast.Expr
			if len(vs.Values) != 0 {
				value = vs.Values[i]
			}
			g.addStackSlice(name, value, depth, slices, order)
		}
	}
}

// defineStackSlices records the slice variables a := statement declares.
func (g *gen) defineStackSlices(as *ast.AssignStmt, depth int, slices map[*types.Var]*stackSlice, order *[]*stackSlice) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		if id, ok := lhs.(*ast.Ident); ok && g.c.info.Defs[id] != nil {
			g.addStackSlice(id, as.Rhs[i], depth, slices, order)
		}
	}
}

// addStackSlice records name, declared with value (nil: none), if it is a
// slice of elements of 1 to 32 bytes made without a value, nil, a literal
// or make.
func (g *gen) addStackSlice(name *ast.Ident, value ast.Expr, depth int, slices map[*types.Var]*stackSlice, order *[]*stackSlice) {
	v, ok := g.c.info.Defs[name].(*types.Var)
	if !ok {
		return
	}
	sl, ok := v.Type().Underlying().(*types.Slice)
	if !ok {
		return
	}
	size := gcSizes.Sizeof(sl.Elem())
	if size < 1 || size > stackBufferBytes {
		return
	}
	s := &stackSlice{v: v, size: size, declDepth: depth}
	switch x := ast.Unparen(value).(type) {
	case nil:
	case *ast.CompositeLit:
		s.capRead = true
	case *ast.Ident:
		if _, isNil := g.c.info.Uses[x].(*types.Nil); !isNil {
			return
		}
	case *ast.CallExpr:
		if !g.isBuiltinNamed(x.Fun, "make") {
			return
		}
		s.heapDecl = true
	default:
		return
	}
	elem, ok := g.localType(sl.Elem())
	if !ok {
		return
	}
	s.elem = elem
	slices[v] = s
	*order = append(*order, s)
}

// stackBufferBytes is gc's VariableMakeThreshold: the size of the stack
// buffer an append may take.
const stackBufferBytes = 32

// classifyStackUse looks at id, a use of s, under the nodes of stack.
func (g *gen) classifyStackUse(s *stackSlice, id *ast.Ident, stack []ast.Node, depth int, consumed map[*ast.Ident]bool) {
	parent := stack[len(stack)-1]
	inList := len(stack) > 1 && isStmtList(stack[len(stack)-2])
	switch p := parent.(type) {
	case *ast.AssignStmt:
		if p.Tok != token.ASSIGN || len(p.Lhs) != 1 || len(p.Rhs) != 1 || p.Lhs[0] != id {
			break
		}
		switch rhs := ast.Unparen(p.Rhs[0]).(type) {
		case *ast.CallExpr:
			if len(rhs.Args) == 0 || !g.isBuiltinNamed(rhs.Fun, "append") {
				break
			}
			if first, ok := rhs.Args[0].(*ast.Ident); ok && g.usedVar(first) == s.v {
				consumed[first] = true
				n := len(rhs.Args) - 1
				if rhs.Ellipsis.IsValid() {
					n = 0
				}
				s.appends = append(s.appends, stackAppend{stmt: p, n: n, inList: inList})
				s.weight += 1 + depth - s.declDepth
				return
			}
		case *ast.Ident:
			if _, isNil := g.c.info.Uses[rhs].(*types.Nil); isNil {
				return
			}
		case *ast.SliceExpr:
			if x, ok := ast.Unparen(rhs.X).(*ast.Ident); ok && g.usedVar(x) == s.v {
				consumed[x] = true
				s.capRead = true
				return
			}
		case *ast.CompositeLit:
			s.capRead = true
			return
		}
	case *ast.CallExpr:
		if len(p.Args) == 1 && p.Args[0] == id {
			if g.isBuiltinNamed(p.Fun, "len") {
				return
			}
			if g.isBuiltinNamed(p.Fun, "cap") {
				s.capRead = true
				return
			}
			if tv := g.c.info.Types[p.Fun]; tv.IsType() && isStringType(tv.Type) {
				s.unpassed = true // string(b) copies the bytes
				return
			}
		}
		if g.isBuiltinNamed(p.Fun, "copy") {
			s.unpassed = true
			return
		}
	case *ast.BinaryExpr:
		if p.Op == token.EQL || p.Op == token.NEQ {
			s.unpassed = true // s == nil
			return
		}
	case *ast.IndexExpr:
		if p.X == id && g.elementNotAddressed(stack) {
			return
		}
	case *ast.RangeStmt:
		if p.X == id {
			return
		}
	case *ast.ReturnStmt:
		s.returns = append(s.returns, stackReturn{stmt: p, depth: depth, inList: inList})
		return
	}
	s.left = true
}

// elementNotAddressed reports whether the element expression on top of
// stack (s[i], under field selections, array indexes and parentheses) is
// read or written as a value: not addressed, sliced or a method's receiver,
// which gc counts as the slice leaving.
func (g *gen) elementNotAddressed(stack []ast.Node) bool {
	i := len(stack) - 1
	cur := stack[i]
	for i > 0 {
		up := stack[i-1]
		switch x := up.(type) {
		case *ast.ParenExpr:
		case *ast.SelectorExpr:
			if sel := g.c.info.Selections[x]; sel == nil || sel.Kind() != types.FieldVal {
				return false // a method: its receiver may be the element's address
			}
		case *ast.IndexExpr:
			if x.X != cur {
				return true // cur is the index
			}
			if _, isArray := underlyingOf(g.c.info.TypeOf(x.X)).(*types.Array); !isArray {
				return true // indexing what the element refers to
			}
		case *ast.SliceExpr:
			return x.X != cur // slicing an array element addresses it
		case *ast.UnaryExpr:
			return x.Op != token.AND
		default:
			return true
		}
		cur = up
		i--
	}
	return true
}

// isStmtList reports whether n holds its statements in a list, where a
// statement can go before one of them.
func isStmtList(n ast.Node) bool {
	switch n.(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
		return true
	}
	return false
}

// rewriteStackSlice writes gc's capacities for s, declared in body, the
// body of a function gc never inlines if notInlined.
func (g *gen) rewriteStackSlice(body *ast.BlockStmt, s *stackSlice, notInlined bool) {
	if s.left {
		return
	}
	var sites []stackAppend
	for _, a := range s.appends {
		if a.n > 0 {
			sites = append(sites, a)
		}
	}
	if len(sites) == 0 {
		return
	}
	k := stackBufferBytes / s.size
	name := s.v.Name()
	switch {
	case len(s.returns) == 0 && notInlined:
		g.takeStackBuffer(body, s, sites[0], k, "")
	case len(s.returns) == 1 && s.returns[0].depth == s.declDepth && s.weight >= 2 && !s.heapDecl && !s.unpassed:
		if s.capRead {
			// Each growth that fits goes one size class up, in the buffer
			// (growsliceBuf); the slice leaves as it is.
			for _, a := range sites {
				if !a.inList {
					return
				}
			}
			for _, a := range sites {
				n := g.r.Temp("n")
				g.r.Before(a.stmt, fmt.Sprintf("if %[1]s := len(%[2]s) + %[3]d; cap(%[2]s) < %[1]s && %[1]s <= %[4]d { %[2]s = append(make([]%[5]s, 0, %[6]s), %[2]s...) }; ",
					n, name, a.n, k, s.elem, sizeClassCap(n, s.size)))
			}
			return
		}
		// The first append takes the buffer; the slice leaves moved to the
		// heap at the size class of its length (moveSliceNoCap).
		ret := s.returns[0]
		if !ret.inList || !notInlined {
			return
		}
		store := g.r.Temp("store")
		if !g.takeStackBuffer(body, s, sites[0], k, store) {
			return
		}
		g.atFunctionStart(body, fmt.Sprintf("var %s []%s; ", store, s.elem))
		g.r.Before(ret.stmt, fmt.Sprintf("if cap(%[1]s) > 0 && cap(%[2]s) > 0 && &%[1]s[:1][0] == &%[2]s[:1][0] { %[1]s = %[1]s[:len(%[1]s):%[3]s] }; ",
			name, store, sizeClassCap("len("+name+")", s.size)))
	}
}

// takeStackBuffer makes the first append of s, a, take the buffer of k
// elements when gc's does, keeping it in store if store is not empty. It
// reports whether it did.
func (g *gen) takeStackBuffer(body *ast.BlockStmt, s *stackSlice, a stackAppend, k int64, store string) bool {
	if !a.inList || int64(a.n) > k {
		return false
	}
	free := g.r.Temp("sb")
	keep := ""
	if store != "" {
		keep = "; " + store + " = " + s.v.Name()
	}
	// The buffer is free until taken; a loop's later iterations test that
	// alone, a variable, which costs the interpreter least.
	g.atFunctionStart(body, fmt.Sprintf("%s := true; ", free))
	g.r.Before(a.stmt, fmt.Sprintf("if %[1]s { if len(%[2]s) == 0 && cap(%[2]s) < %[3]d { %[1]s = false; %[2]s = make([]%[4]s, 0, %[5]d)%[6]s } }; ",
		free, s.v.Name(), a.n, s.elem, k, keep))
	return true
}

// atFunctionStart writes a declaration before the first statement of body,
// where the rewrites that move a function's statements elsewhere (a go
// statement's literal) take it along.
func (g *gen) atFunctionStart(body *ast.BlockStmt, decl string) {
	g.r.Before(body.List[0], decl)
}

// sizeClassCap writes the capacity of n elements of size bytes rounded up
// to the runtime's size class, for at most 32 bytes: classes 8, 16, 24, 32.
func sizeClassCap(n string, size int64) string {
	return fmt.Sprintf("((%s)*%d+7)/8*8/%d", n, size, size)
}
