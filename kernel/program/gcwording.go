package program

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// gcContinued returns msg with the continuation cont go/types reports
// as an error of its own after it ("\tother declaration of x", at p),
// as go build writes the two: one message of two lines,
//
//	x redeclared in this block
//		[1]:3:2: other declaration of x
//
// or, for a label, "label L already defined at [1]:3:1".
func gcContinued(msg, cont string, p token.Position) string {
	at := fmt.Sprintf("%s:%d:%d", p.Filename, p.Line, p.Column)
	if name, ok := strings.CutPrefix(msg, "label "); ok {
		if name, ok := strings.CutSuffix(name, " already declared"); ok && cont == "\tother declaration of "+name {
			return "label " + name + " already defined at " + at
		}
	}
	return msg + "\n\t" + at + ": " + strings.TrimPrefix(cont, "\t")
}

// continuedAt returns where the other declaration a continuation te
// ("\tother declaration of x") names is: in the program, or, for a name
// a dot import brings, in the standard library's source ($GOROOT/src/
// slices/slices.go:117:6); false if it is not known (a package made from
// reflect has no positions), and the continuation is left out. go/types
// gives the position in the file set of the object's package, which is
// not the program's for a package read from source.
func (c *checked) continuedAt(te types.Error) (token.Position, bool) {
	name, ok := strings.CutPrefix(te.Msg, "\tother declaration of ")
	if !ok || c.info == nil {
		return c.fset.Position(te.Pos), true
	}
	for id := range c.info.Defs {
		if id.Pos() == te.Pos && id.Name == name {
			return c.fset.Position(te.Pos), true
		}
	}
	for _, spec := range c.file.Imports {
		if spec.Name == nil || spec.Name.Name != "." || c.sourceFset == nil {
			continue
		}
		pn, _ := c.info.Defs[spec.Name].(*types.PkgName) // (the dot stands for the package)
		if pn == nil {
			continue
		}
		if obj := pn.Imported().Scope().Lookup(name); obj != nil && obj.Pos() == te.Pos && obj.Pos().IsValid() {
			p := c.sourceFset.Position(obj.Pos())
			p.Filename = "$GOROOT/src/" + sourceName(p.Filename)
			return p, true
		}
	}
	return token.Position{}, false
}

// selectCaseAt returns where go build places the expression of a select
// case at pos that is neither a send nor a receive: where the compiler's
// parser places an expression, at its operator (case x > 0: at the >), a
// call's or an index's opening bracket, a selector's dot.
func selectCaseAt(file *ast.File, pos token.Pos) token.Pos {
	var at token.Pos = pos
	ast.Inspect(file, func(n ast.Node) bool {
		cc, ok := n.(*ast.CommClause)
		if !ok {
			return at == pos
		}
		es, ok := cc.Comm.(*ast.ExprStmt)
		if !ok || es.Pos() != pos {
			return true
		}
		switch x := ast.Unparen(es.X).(type) {
		case *ast.BinaryExpr:
			at = x.OpPos
		case *ast.CallExpr:
			at = x.Lparen
		case *ast.IndexExpr:
			at = x.Lbrack
		case *ast.SelectorExpr:
			at = x.X.End()
		}
		return false
	})
	return at
}

// gcPosition returns where go build places te, where go/types places it
// elsewhere: "not enough arguments in call to f" at the call's last
// argument, or at the call if it has none (go/types: its closing
// parenthesis); "in call to f, cannot infer T", and a type argument
// inferred for a call that does not satisfy its constraint, at the
// call's opening parenthesis (go/types: the call); a send it refuses at
// the channel (go/types: the arrow).
func gcPosition(file *ast.File, te types.Error) token.Pos {
	if strings.HasPrefix(te.Msg, "invalid operation: cannot send to ") {
		if send := sendAt(file, te.Pos); send != nil {
			return send.Chan.Pos()
		}
		return te.Pos
	}
	if te.Msg == "select case must be send or receive (possibly with assignment)" {
		return selectCaseAt(file, te.Pos)
	}
	notEnough := strings.HasPrefix(te.Msg, "not enough arguments in call to ")
	if !notEnough && !inference(te.Msg) && !strings.Contains(te.Msg, " does not satisfy ") {
		return te.Pos
	}
	call := callAt(file, te.Pos, notEnough)
	switch {
	case call == nil:
		return te.Pos
	case !notEnough:
		return call.Lparen
	case len(call.Args) > 0:
		return call.Args[len(call.Args)-1].Pos()
	}
	return call.Pos()
}

// inference reports whether msg is go/types' message of a type argument
// it could not infer for a call.
func inference(msg string) bool {
	return strings.HasPrefix(msg, "in call to ") && strings.Contains(msg, ", cannot infer ")
}

// callAt returns the call of file that starts at pos, or with rparen
// whose closing parenthesis is there.
func callAt(file *ast.File, pos token.Pos, rparen bool) *ast.CallExpr {
	return nodeAt(file, pos, func(call *ast.CallExpr) bool {
		return rparen && call.Rparen == pos || !rparen && call.Pos() == pos
	})
}

// sendAt returns the send statement of file whose arrow is at pos.
func sendAt(file *ast.File, pos token.Pos) *ast.SendStmt {
	return nodeAt(file, pos, func(s *ast.SendStmt) bool { return s.Arrow == pos })
}

// nodeAt returns the node of type N around pos in file that is, the
// zero N if none.
func nodeAt[N ast.Node](file *ast.File, pos token.Pos, is func(N) bool) N {
	var found N
	done := false
	ast.Inspect(file, func(n ast.Node) bool {
		if done || n == nil || pos < n.Pos() || pos > n.End() {
			return false
		}
		if x, ok := n.(N); ok && is(x) {
			found, done = x, true
		}
		return !done
	})
	return found
}

// gcMessage is te's message as go build words it (gcWording), with the
// place of a type parameter of the standard library's generic code,
// which go/types writes as "-" (its positions are not the checked
// file's): "cannot infer S (declared at $GOROOT/src/slices/sort.go:95:10)".
func (c *checked) gcMessage(te types.Error) string {
	msg := c.standInPaths(c.gcLabels(te, gcWording(te.Msg)))
	const unknown = "(declared at -)"
	if c.sourceFset == nil || !inference(msg) || !strings.Contains(msg, unknown) {
		return msg
	}
	name, _, _ := strings.Cut(msg[strings.Index(msg, ", cannot infer ")+len(", cannot infer "):], " ")
	call := callAt(c.file, te.Pos, false)
	if call == nil {
		return msg
	}
	fn, ok := c.info.Uses[funcName(call)].(*types.Func)
	if !ok {
		return msg
	}
	tparams := fn.Signature().TypeParams()
	for i := range tparams.Len() {
		if obj := tparams.At(i).Obj(); obj.Name() == name {
			p := c.sourceFset.Position(obj.Pos())
			if !p.IsValid() {
				return msg
			}
			return strings.Replace(msg, unknown, fmt.Sprintf("(declared at $GOROOT/src/%s:%d:%d)", sourceName(p.Filename), p.Line, p.Column), 1)
		}
	}
	return msg
}

// standInPaths returns msg with the quoted path of each package of
// goconc's that stands in for a standard one ("sync".WaitGroup, where the
// type is lib/sync's, go/types quotes the path since internal/sync is
// named sync too) written as the standard one's.
func (c *checked) standInPaths(msg string) string {
	if c.imp == nil || !strings.Contains(msg, `"github.com/goconc/goconc/`) {
		return msg
	}
	var b strings.Builder
	for {
		i := strings.Index(msg, `"github.com/goconc/goconc/`)
		if i < 0 {
			break
		}
		j := strings.Index(msg[i+1:], `"`)
		if j < 0 {
			break
		}
		path := msg[i+1 : i+1+j]
		if std, ok := c.imp.ReexportedBy(path); ok {
			path = std
		}
		b.WriteString(msg[:i])
		b.WriteString(strconv.Quote(path))
		msg = msg[i+j+2:]
	}
	b.WriteString(msg)
	return b.String()
}

// gcWords are go/types' messages that go build words otherwise: it
// checks branches and labels before its type checker does.
var gcWords = []struct{ goTypes, gc string }{
	{"break not in for, switch, or select statement", "break is not in a loop, switch, or select"},
	{"continue not in for statement", "continue is not in a loop"},
}

// gcWording returns msg, a message of go/types, in the words go build
// uses where the two differ: a function literal is written "func(r int)
// int {…}", where go/types writes "(func(r int) int literal)"; a break
// outside a loop "is not in a loop, switch, or select"; a label is
// "defined", not "declared".
func gcWording(msg string) string {
	for _, w := range gcWords {
		if msg == w.goTypes {
			return w.gc
		}
	}
	if name, ok := strings.CutPrefix(msg, "label "); ok {
		if n, ok := strings.CutSuffix(name, " declared and not used"); ok && !strings.Contains(n, " ") {
			return "label " + n + " defined and not used"
		}
		if n, ok := strings.CutSuffix(name, " not declared"); ok && !strings.Contains(n, " ") {
			return "label " + n + " not defined"
		}
	}
	for from := 0; ; {
		i := strings.Index(msg[from:], "(func")
		if i < 0 {
			return msg
		}
		i += from
		end := closingParen(msg, i)
		const literal = " literal"
		if end < 0 || !strings.HasSuffix(msg[:end], literal) {
			from = i + 1
			continue
		}
		typ := msg[i+1 : end-len(literal)]
		msg = msg[:i] + typ + " {…}" + msg[end+1:]
		from = i + len(typ)
	}
}

// closingParen returns the index of the parenthesis that closes the one
// at s[open], -1 if none does.
func closingParen(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// gcLabels returns msg, about a label, with what go build says where
// go/types says less: a break or continue of a label the function does
// not define ("break label not defined: M"), where the block a goto jumps
// into starts, and which declaration it jumps over, and where.
func (c *checked) gcLabels(te types.Error, msg string) string {
	var kind, name string
	switch {
	case strings.HasPrefix(msg, "invalid break label "), strings.HasPrefix(msg, "invalid continue label "):
		kind, _, _ = strings.Cut(strings.TrimPrefix(msg, "invalid "), " ")
		name = msg[strings.LastIndexByte(msg, ' ')+1:]
	case strings.HasPrefix(msg, "goto ") && (strings.HasSuffix(msg, " jumps into block") || strings.Contains(msg, " jumps over variable declaration at line ")):
		name, _, _ = strings.Cut(strings.TrimPrefix(msg, "goto "), " ")
	default:
		return msg
	}
	body := enclosingBody(c.file, te.Pos)
	if body == nil {
		return msg
	}
	label, list, start := labelIn(body, name)
	switch {
	case kind != "":
		if label == nil {
			return kind + " label not defined: " + name
		}
	case label == nil:
	case strings.HasSuffix(msg, " jumps into block"):
		return msg + " starting at " + c.place(start)
	default:
		var names string
		var at token.Pos
		for _, st := range list {
			if st == ast.Stmt(label) {
				break
			}
			switch st := st.(type) {
			case *ast.AssignStmt:
				if st.Tok == token.DEFINE {
					var lhs []string
					for _, e := range st.Lhs {
						lhs = append(lhs, types.ExprString(e))
					}
					names, at = strings.Join(lhs, ", "), st.TokPos
				}
			case *ast.DeclStmt:
				if gd, ok := st.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR && len(gd.Specs) > 0 {
					if vs := gd.Specs[0].(*ast.ValueSpec); len(vs.Names) > 0 {
						names, at = vs.Names[0].Name, vs.Names[0].Pos()
					}
				}
			}
		}
		if at.IsValid() {
			return "goto " + name + " jumps over declaration of " + names + " at " + c.place(at)
		}
	}
	return msg
}

// usedLabels returns errs without go/types' "label L defined and not
// used" of a label that a break or continue names where it cannot: go
// build counts that as a use.
func usedLabels(errs Errors) Errors {
	named := map[string]bool{}
	for _, e := range errs {
		for _, prefix := range []string{"invalid break label ", "invalid continue label "} {
			if name, ok := strings.CutPrefix(e.Msg, prefix); ok {
				named[name] = true
			}
		}
	}
	if len(named) == 0 {
		return errs
	}
	var out Errors
	for _, e := range errs {
		if name, ok := strings.CutSuffix(strings.TrimPrefix(e.Msg, "label "), " defined and not used"); ok && strings.HasPrefix(e.Msg, "label ") && named[name] {
			continue
		}
		out = append(out, e)
	}
	return out
}

// place is pos as go build writes it in a message: [1]:4:2.
func (c *checked) place(pos token.Pos) string {
	p := c.fset.Position(pos)
	return fmt.Sprintf("%s:%d:%d", p.Filename, p.Line, p.Column)
}

// enclosingBody returns the body of the innermost function of file
// around pos.
func enclosingBody(file *ast.File, pos token.Pos) *ast.BlockStmt {
	var body *ast.BlockStmt
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil || pos < n.Pos() || pos > n.End() {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncDecl:
			body = n.Body
		case *ast.FuncLit:
			body = n.Body
		}
		return true
	})
	return body
}

// labelIn returns the statement labelled name in body (not in a function
// literal of it), the list of statements it is in, and where the block of
// that list starts (its brace, or its case).
func labelIn(body *ast.BlockStmt, name string) (*ast.LabeledStmt, []ast.Stmt, token.Pos) {
	var found *ast.LabeledStmt
	var list []ast.Stmt
	var start token.Pos
	var visit func(stmts []ast.Stmt, at token.Pos)
	visit = func(stmts []ast.Stmt, at token.Pos) {
		for _, st := range stmts {
			if found != nil {
				return
			}
			ast.Inspect(st, func(n ast.Node) bool {
				if found != nil {
					return false
				}
				switch n := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.LabeledStmt:
					if n.Label.Name == name && found == nil && st == ast.Stmt(n) {
						found, list, start = n, stmts, at
						return false
					}
				case *ast.BlockStmt:
					visit(n.List, n.Lbrace)
					return false
				case *ast.CaseClause:
					visit(n.Body, n.Case)
					return false
				case *ast.CommClause:
					visit(n.Body, n.Case)
					return false
				}
				return true
			})
		}
	}
	visit(body.List, body.Lbrace)
	return found, list, start
}
