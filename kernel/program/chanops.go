package program

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// The rewrites in this file make every channel operation of a cell
// interruptible and visible. The interpreter's own cancellation cannot be
// used: after it, every closure made earlier silently stops working. So a
// receive, a send, a range over a channel and a select become calls of the
// evaluator's Receive, Send and Select, which try without blocking first;
// if they would block, they say so (for deadlock reports and timelines)
// and also wait on the cell's stop channel, which an interrupt closes.
// Loops check for an interrupt every 256 iterations. The meaning of the
// code does not change: operands are evaluated once, in source order, the
// same values move in the same order, with the same panics (a send on a
// closed channel).

// chanRewrites holds what the walk decided.
type chanRewrites struct {
	handled map[ast.Node]bool // receives and sends already rewritten by an enclosing statement
	inList  map[ast.Stmt]bool // statements directly in a statement list
}

// concurrency registers the rewrites of channel operations and loops.
func (g *gen) concurrency() {
	cr := &chanRewrites{handled: map[ast.Node]bool{}, inList: map[ast.Stmt]bool{}}
	labels := map[ast.Stmt]*ast.LabeledStmt{}
	defer func() { g.nameSyncVars(cr.inList); g.markBlockingCalls(cr.inList) }()
	for _, fd := range g.rewritable() {
		ast.Inspect(fd, func(n ast.Node) bool {
			cr.list(stmtList(n))
			if x, ok := n.(*ast.LabeledStmt); ok {
				labels[x.Stmt] = x
				cr.inList[x.Stmt] = cr.inList[x]
			}
			return true
		})
		ast.Inspect(fd, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.SelectStmt:
				g.rewriteSelect(x, labels[x], cr)
			case *ast.RangeStmt:
				if t := g.c.info.TypeOf(x.X); t != nil {
					if _, ok := t.Underlying().(*types.Chan); ok {
						g.rewriteRangeChan(x, labels[x])
						return true
					}
				}
				g.loopCheck(x, x.Body, labels[x])
			case *ast.ForStmt:
				if !g.lapLoop(x, labels[x], fd) {
					g.loopCheck(x, x.Body, labels[x])
				}
			case *ast.SendStmt:
				if !cr.handled[x] {
					g.rewriteSend(x)
				}
			case *ast.ExprStmt:
				if u := recvOf(x.X); u != nil && cr.inList[x] && x != g.shown {
					cr.handled[u] = true
					g.recvStatement(x, nil, u)
				}
			case *ast.AssignStmt:
				if len(x.Rhs) == 1 && len(x.Lhs) <= 2 {
					if u := recvOf(x.Rhs[0]); u != nil && !cr.handled[u] {
						cr.handled[u] = true
						if cr.inList[x] {
							g.recvStatement(x, x, u)
						} else {
							g.rewriteRecv(u, len(x.Lhs) == 2)
						}
					}
				}
			case *ast.ValueSpec:
				if len(x.Values) == 1 && len(x.Names) == 2 {
					if u := recvOf(x.Values[0]); u != nil && !cr.handled[u] {
						cr.handled[u] = true
						g.rewriteRecv(u, true)
					}
				}
			case *ast.UnaryExpr:
				if x.Op == token.ARROW && !cr.handled[x] {
					g.rewriteRecv(x, false)
				}
			}
			return true
		})
	}
}

// stmtList returns the statements n holds as a list (a block's, a case's),
// or nil.
func stmtList(n ast.Node) []ast.Stmt {
	switch x := n.(type) {
	case *ast.BlockStmt:
		return x.List
	case *ast.CaseClause:
		return x.Body
	case *ast.CommClause:
		return x.Body
	}
	return nil
}

func (cr *chanRewrites) list(stmts []ast.Stmt) {
	for _, s := range stmts {
		cr.inList[s] = true
	}
}

// reexportsAll returns the packages of the named types in t whose every
// such type the package re-exporting them has, by the same name: os
// re-exports io/fs's FileMode and PathError, but has no FS, which
// localType spelled os.FS ("undefined selector os.FS").
func (g *gen) reexportsAll(t types.Type) map[string]bool {
	out, bad := map[string]bool{}, map[string]bool{}
	eachType(t, func(t types.Type) bool {
		n, ok := t.(*types.Named)
		if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg() == g.c.pkg {
			return true
		}
		path := n.Obj().Pkg().Path()
		std, ok := g.p.imp.ReexportedBy(path)
		if !ok {
			return true
		}
		if re, err := g.p.imp.Import(std); err == nil {
			if tn, isType := re.Scope().Lookup(n.Obj().Name()).(*types.TypeName); isType && types.Identical(tn.Type(), n.Origin()) {
				out[path] = true
				return true
			}
		}
		bad[path] = true
		return true
	})
	for p := range bad {
		delete(out, p)
	}
	return out
}

// recvOf returns e as a receive expression, or nil.
func recvOf(e ast.Expr) *ast.UnaryExpr {
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
		return u
	}
	return nil
}

// localTypes is localType for each type of a tuple (a signature's
// results), all or none.
func (g *gen) localTypes(t *types.Tuple) ([]string, bool) {
	var out []string
	for i := range t.Len() {
		text, ok := g.localType(t.At(i).Type())
		if !ok {
			return nil, false
		}
		out = append(out, text)
	}
	return out, true
}

// localType writes t for use inside the function where it appears: local
// and unexported types of the program are fine there.
func (g *gen) localType(t types.Type) (string, bool) {
	ok := true
	reexported := g.reexportsAll(t)
	s := types.TypeString(t, func(p *types.Package) string {
		if p == g.c.pkg {
			return ""
		}
		for _, im := range g.u.next.imports {
			if im.Path == p.Path() {
				return im.Name
			}
		}
		if std, ok := g.p.imp.ReexportedBy(p.Path()); ok && reexported[p.Path()] {
			for _, im := range g.u.next.imports {
				if im.Path == std {
					return im.Name
				}
			}
		}
		if !g.p.imp.Has(p.Path()) {
			ok = false
			return p.Name()
		}
		name := "__goconc_" + strings.NewReplacer("/", "_", ".", "_", "-", "_").Replace(p.Path())
		g.u.next.imports = append(g.u.next.imports, &Import{Name: name, Path: p.Path(), Auto: true})
		return name
	})
	return s, ok
}

// chanType returns the type of channel expression ch, or nil.
func (g *gen) chanType(ch ast.Expr) *types.Chan {
	if t := g.c.info.TypeOf(ch); t != nil {
		ct, _ := t.Underlying().(*types.Chan)
		return ct
	}
	return nil
}

// chanElem returns the element type of channel expression ch.
func (g *gen) chanElem(ch ast.Expr) (string, bool) {
	ct := g.chanType(ch)
	if ct == nil {
		return "", false
	}
	return g.localType(ct.Elem())
}

// where returns the quoted cell position of pos: "[5]:7".
func (g *gen) where(pos token.Pos) string {
	p := g.c.fset.Position(pos)
	return strconv.Quote(fmt.Sprintf("%s:%d", p.Filename, p.Line))
}

// nameOf returns the quoted source text of a channel expression, which
// names the channel on timelines.
func (g *gen) nameOf(e ast.Expr) string {
	// (Instances by Go's names: Map[int, string], not Mapᐸintᐧstringᐳ.)
	s := strings.Join(strings.Fields(g.p.names.Demangle(g.r.Original(e))), " ")
	if r := []rune(s); len(r) > 24 {
		s = string(r[:21]) + "..."
	}
	return strconv.Quote(s)
}

// recvInto receives from channel variable c into the declared variables v
// and ok, interruptibly, and records it.
func (g *gen) recvInto(c, v, ok, name, where string) string {
	return fmt.Sprintf("%[3]s = %[6]s.Receive(%[1]s, &%[2]s, %[4]s, %[5]s)", c, v, ok, name, where, HooksName)
}

// recvStatement rewrites a statement that is a receive (<-ch) or assigns
// one (v := <-ch, v, ok = <-ch) into plain statements.
func (g *gen) recvStatement(stmt ast.Stmt, as *ast.AssignStmt, u *ast.UnaryExpr) {
	if g.typedRecv(u, as != nil && len(as.Lhs) == 2) {
		return
	}
	elem, ok := g.chanElem(u.X)
	if !ok {
		return
	}
	name, where := g.nameOf(u.X), g.where(u.Pos())
	g.r.Replace(stmt, func() string {
		c, v, okv := g.r.Temp("c"), g.r.Temp("v"), g.r.Temp("ok")
		s := fmt.Sprintf("%s := %s; var %s %s; var %s bool; %s", c, g.r.Source(u.X), v, elem, okv, g.recvInto(c, v, okv, name, where))
		if as != nil {
			rhs := v
			if len(as.Lhs) == 2 {
				rhs += ", " + okv
			}
			lhs := make([]string, len(as.Lhs))
			for i, l := range as.Lhs {
				lhs[i] = g.r.Source(l)
			}
			s += "; " + g.r.Directive(as.Pos()) + strings.Join(lhs, ", ") + " " + as.Tok.String() + " " + rhs
		}
		return s
	})
}

// rewriteRecv turns <-ch inside an expression into a function literal
// called in place, so that it is evaluated exactly where the receive was.
// twoValue is for v, ok := <-ch where a statement cannot be split.
func (g *gen) rewriteRecv(u *ast.UnaryExpr, twoValue bool) {
	if g.typedRecv(u, twoValue) {
		return
	}
	elem, ok := g.chanElem(u.X)
	if !ok {
		return
	}
	name, where := g.nameOf(u.X), g.where(u.Pos())
	g.r.Replace(u, func() string {
		c, v, okv := g.r.Temp("c"), g.r.Temp("v"), g.r.Temp("ok")
		result, ret := elem, v
		if twoValue {
			result, ret = "("+elem+", bool)", v+", "+okv
		}
		return fmt.Sprintf("func() %s { %s := %s; var %s %s; var %s bool; %s; return %s }()",
			result, c, g.r.Source(u.X), v, elem, okv, g.recvInto(c, v, okv, name, where), ret)
	})
}

// sendInto sends variable v on channel variable c, interruptibly.
func (g *gen) sendInto(c, v, name, where string) string {
	return fmt.Sprintf("%[5]s.Send(%[1]s, &%[2]s, %[3]s, %[4]s)", c, v, name, where, HooksName)
}

// rewriteSend makes ch <- v interruptible and recorded.
func (g *gen) rewriteSend(s *ast.SendStmt) {
	if g.typedSend(s) {
		return
	}
	elem, ok := g.chanElem(s.Chan)
	if !ok {
		return
	}
	name, where := g.nameOf(s.Chan), g.where(s.Pos())
	g.r.Replace(s, func() string {
		c, v := g.r.Temp("c"), g.r.Temp("v")
		return fmt.Sprintf("{ %s := %s; var %s %s = %s; %s }", c, g.r.Source(s.Chan), v, elem, g.r.Source(s.Value),
			g.sendInto(c, v, name, where))
	})
}

// rewriteRangeChan turns for v := range ch into a loop of interruptible
// receives.
func (g *gen) rewriteRangeChan(rs *ast.RangeStmt, label *ast.LabeledStmt) {
	elem, ok := g.chanElem(rs.X)
	if !ok {
		return
	}
	name, where := g.nameOf(rs.X), g.where(rs.X.Pos())
	var node ast.Node = rs
	labelText := ""
	if label != nil {
		node, labelText = label, label.Label.Name+": "
	}
	suffix, typed := g.typedChan(rs.X)
	g.r.Replace(node, func() string {
		c, v, okv := g.r.Temp("c"), g.r.Temp("v"), g.r.Temp("ok")
		bind := ""
		if id, isID := rs.Key.(*ast.Ident); rs.Key != nil && !(isID && id.Name == "_") {
			bind = g.r.Source(rs.Key) + " " + rs.Tok.String() + " " + v + "; "
		}
		if typed {
			return fmt.Sprintf("{ %s := %s; %sfor { %s, %s := %s.RecvOK%s(%s, %s); if !%s { break }; %s%s } }",
				c, g.r.Source(rs.X), labelText, v, okv, HooksName, suffix, c, site(name, where), okv, bind, g.bodyText(rs.Body))
		}
		return fmt.Sprintf("{ %s := %s; %sfor { var %s %s; var %s bool; %s; if !%s { break }; %s%s } }",
			c, g.r.Source(rs.X), labelText, v, elem, okv, g.recvInto(c, v, okv, name, where), okv, bind, g.bodyText(rs.Body))
	})
}

// FastChanElems names the element types of channels that have hooks of
// their own (SendInt, RecvInt, RecvOKInt...): the value goes to the hook
// and comes back from it directly, with no variable in between and no
// reflection in the hook. Unnamed basic types and struct{}; interfaces and
// the notebook's types take the hooks through pointers (Send, Receive),
// which keep the interpreter's own representation of the value.
var FastChanElems = map[types.BasicKind]string{
	types.Bool: "Bool", types.String: "String",
	types.Int: "Int", types.Int8: "Int8", types.Int16: "Int16", types.Int32: "Int32", types.Int64: "Int64",
	types.Uint: "Uint", types.Uint8: "Uint8", types.Uint16: "Uint16", types.Uint32: "Uint32", types.Uint64: "Uint64",
	types.Float32: "Float32", types.Float64: "Float64",
}

// FastChanEmpty is the hook suffix of channels of struct{}.
const FastChanEmpty = "Empty"

// typedChan returns the hook suffix of channel expression ch's element
// type, if it has hooks of its own.
func (g *gen) typedChan(ch ast.Expr) (string, bool) {
	ct := g.chanType(ch)
	if ct == nil {
		return "", false
	}
	switch e := types.Unalias(ct.Elem()).(type) {
	case *types.Basic:
		s, ok := FastChanElems[e.Kind()]
		return s, ok
	case *types.Struct:
		return FastChanEmpty, e.NumFields() == 0
	}
	return "", false
}

// typedRecv turns a receive of a channel with hooks of its own into a call
// in place: f(<-ch) becomes f(RecvInt(ch, ...)), v, ok := <-ch becomes
// v, ok := RecvOKInt(ch, ...).
func (g *gen) typedRecv(u *ast.UnaryExpr, twoValue bool) bool {
	suffix, ok := g.typedChan(u.X)
	if !ok {
		return false
	}
	name, where := g.nameOf(u.X), g.where(u.Pos())
	hook := "Recv"
	if twoValue {
		hook = "RecvOK"
	}
	g.r.Replace(u, func() string {
		return fmt.Sprintf("%s.%s%s(%s, %s)", HooksName, hook, suffix, g.r.Source(u.X), site(name, where))
	})
	return true
}

// site is the one argument that says where a typed hook's operation is:
// the channel's source text and the position, separated by \x1f.
func site(name, where string) string {
	n, _ := strconv.Unquote(name)
	w, _ := strconv.Unquote(where)
	return strconv.Quote(n + "\x1f" + w)
}

// typedSend turns a send on a channel with hooks of its own into a call:
// ch <- v becomes SendInt(ch, v, ...), which evaluates the channel, then
// the value, as the send does.
func (g *gen) typedSend(s *ast.SendStmt) bool {
	suffix, ok := g.typedChan(s.Chan)
	if !ok {
		return false
	}
	if tv, ok := g.c.info.Types[s.Value]; ok && tv.IsNil() {
		return false
	}
	name, where := g.nameOf(s.Chan), g.where(s.Pos())
	g.r.Replace(s, func() string {
		return fmt.Sprintf("%s.Send%s(%s, %s, %s)", HooksName, suffix, g.r.Source(s.Chan), g.r.Source(s.Value), site(name, where))
	})
	return true
}

// bodyText renders the statements inside a block, without its braces.
func (g *gen) bodyText(b *ast.BlockStmt) string {
	return g.r.Directive(b.Lbrace+1) + g.prologues[b] + g.r.Range(g.r.Offset(b.Lbrace)+1, g.r.Offset(b.Rbrace))
}

// prologue writes text at the start of the function body b, before what
// other rewrites write before its first statement. (Anchored to the body,
// it is not in the range bodyText renders: bodyText writes it.)
func (g *gen) prologue(b *ast.BlockStmt, text string) {
	if g.prologues == nil {
		g.prologues = map[*ast.BlockStmt]string{}
	}
	g.prologues[b] += text
	g.r.At(b, b.Lbrace+1, text)
}

// loopCheck makes a loop check for an interrupt every 256 iterations. The
// count costs the interpreter two steps per iteration (an increment, and a
// comparison with a constant, which branches in the same step).
func (g *gen) loopCheck(loop ast.Stmt, body *ast.BlockStmt, label *ast.LabeledStmt) {
	var outer ast.Node = loop
	if label != nil {
		outer = label
	}
	k := g.r.Temp("k")
	g.r.Before(outer, "{ var "+k+" int; ")
	g.r.After(outer, " }")
	check := fmt.Sprintf(" if %[1]s++; %[1]s == 256 { %[1]s = 0; %[2]s.Check() }; ", k, HooksName)
	g.r.At(body, body.Lbrace+1, check)
	if g.checks == nil {
		g.checks = map[*ast.BlockStmt]string{}
	}
	g.checks[body] = check
}

// loopBody renders a loop's body without its braces, starting with its
// interrupt check.
func (g *gen) loopBody(b *ast.BlockStmt) string { return g.checks[b] + g.bodyText(b) }
