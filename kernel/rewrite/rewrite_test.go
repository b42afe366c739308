package rewrite

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"testing"
)

// parse returns a rewriter for a file holding body in a function, and the
// function's statements.
func parse(t *testing.T, body string) (*Rewriter, []ast.Stmt) {
	t.Helper()
	src := "package p\nfunc f() {\n" + body + "\n}\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	return New(fset, f, src, nil), f.Decls[0].(*ast.FuncDecl).Body.List
}

var directive = regexp.MustCompile(`/\*line [^*]*\*/`)

// render returns the rewritten function body without line directives.
func render(r *Rewriter) string {
	fd := r.File.Decls[0].(*ast.FuncDecl)
	return directive.ReplaceAllString(r.Range(r.Offset(fd.Body.Lbrace)+1, r.Offset(fd.Body.Rbrace)), "")
}

func TestEdits(t *testing.T) {
	tests := []struct {
		name string
		body string
		edit func(r *Rewriter, stmts []ast.Stmt)
		want string
	}{
		{"a statement and its expression span the same text: insertions keep the order made", "g()",
			func(r *Rewriter, s []ast.Stmt) {
				x := s[0].(*ast.ExprStmt).X
				r.Before(s[0], "At(1); ")
				r.Before(x, "Show(")
				r.After(x, ")")
			}, "\nAt(1); Show(g())\n"},
		{"an outer node opens before an inner one that starts with it", "a.b()",
			func(r *Rewriter, s []ast.Stmt) {
				call := s[0].(*ast.ExprStmt).X.(*ast.CallExpr)
				r.Before(call.Fun, "(")
				r.After(call.Fun, ")")
				r.Before(call, "Show(")
				r.After(call, ")")
			}, "\nShow((a.b)())\n"},
		{"closing an inner node comes before closing an outer one", "g(h)",
			func(r *Rewriter, s []ast.Stmt) {
				call := s[0].(*ast.ExprStmt).X.(*ast.CallExpr)
				r.After(call, "]")
				r.After(call.Args[0], ")")
				r.Before(call, "[")
				r.Before(call.Args[0], "(")
			}, "\n[g((h))]\n"},
		{"text around statements goes around text written around the last of them", "a()\nb()",
			func(r *Rewriter, s []ast.Stmt) {
				r.Before(s[1], "{ x; ")
				r.After(s[1], "; y }")
				r.Around(s[0], s[1], "{ ", " }")
			}, "\n{ a()\n{ x; b(); y } }\n"},
		{"and around the one statement, made first, around what is written later", "b()",
			func(r *Rewriter, s []ast.Stmt) {
				r.Around(s[0], s[0], "{ ", " }")
				r.Before(s[0], "{ x; ")
				r.After(s[0], "; y }")
			}, "\n{ { x; b(); y } }\n"},
		{"an insertion inside a replaced node is written once, by the replacement", "ch <- func() {}",
			func(r *Rewriter, s []ast.Stmt) {
				send := s[0].(*ast.SendStmt)
				r.Before(send.Value, "wrap(")
				r.After(send.Value, ")")
				r.Replace(send, func() string { return "Send(" + r.Source(send.Chan) + ", " + r.Source(send.Value) + ")" })
			}, "\nSend(ch, wrap(func() {}))\n"},
		{"an insertion at the start of a node replaced with it is written once, by the replacement", "_ = f().(error)",
			func(r *Rewriter, s []ast.Stmt) {
				ta := s[0].(*ast.AssignStmt).Rhs[0].(*ast.TypeAssertExpr)
				r.Before(ta.X, "hook(")
				r.After(ta.X, ")")
				r.Replace(ta, func() string { return "assert(" + r.Source(ta.X) + ")" })
			}, "\n_ = assert(hook(f()))\n"},
		{"an insertion anchored to the replaced node goes around it", "<-ch",
			func(r *Rewriter, s []ast.Stmt) {
				x := s[0].(*ast.ExprStmt).X
				r.Replace(x, func() string { return "Receive(ch)" })
				r.Before(x, "Show(")
				r.After(x, ")")
			}, "\nShow(Receive(ch))\n"},
		{"text around one node nests: the last opened closes first", "f",
			func(r *Rewriter, s []ast.Stmt) {
				x := s[0].(*ast.ExprStmt).X
				r.Before(x, "wrap(")
				r.After(x, ")")
				r.Before(x, "Show(")
				r.After(x, "]")
			}, "\nwrap(Show(f])\n"},
		{"an insertion rendered late sees edits made after it, and the node's own replacements", "return 1, *p",
			func(r *Rewriter, s []ast.Stmt) {
				rs := s[0].(*ast.ReturnStmt)
				star := rs.Results[1].(*ast.StarExpr)
				r.Replace(rs.Results[1], func() string { return "d1" })
				r.BeforeFunc(rs, func() string { return "{ d1 := *" + r.Source(star.X) + "; " })
				r.After(rs, " }")
				r.Before(star.X, "check(")
				r.After(star.X, ")")
			}, "\n{ d1 := *check(p); return 1, d1 }\n"},
		{"hoisted expressions are evaluated before their statement, in order", "fmt.Println(s[0], f(), g(h()))",
			func(r *Rewriter, s []ast.Stmt) {
				call := s[0].(*ast.ExprStmt).X.(*ast.CallExpr)
				r.Hoist(s[0], call.Args[1:], "c")
			}, "\n__goconc_c1 := f(); __goconc_c2 := g(h()); fmt.Println(s[0], __goconc_c1, __goconc_c2)\n"},
		{"a hoisted expression takes its edits and replacements along", "x := a[i] + f(<-ch)",
			func(r *Rewriter, s []ast.Stmt) {
				sum := s[0].(*ast.AssignStmt).Rhs[0].(*ast.BinaryExpr)
				call := sum.Y.(*ast.CallExpr)
				r.Replace(call.Args[0], func() string { return "Receive(ch)" })
				r.Replace(call, func() string { return "Hook(" + r.Source(call.Args[0]) + ")" })
				r.Hoist(s[0], []ast.Expr{call}, "c")
				r.Before(s[0], "At(1); ")
			}, "\n__goconc_c1 := Hook(Receive(ch)); At(1); x := a[i] + __goconc_c1\n"},
		{"an insertion at a hoisted expression's start, anchored inside it, moves with it", "x := a[i] + f()",
			func(r *Rewriter, s []ast.Stmt) {
				as := s[0].(*ast.AssignStmt)
				ix := as.Rhs[0].(*ast.BinaryExpr).X.(*ast.IndexExpr)
				r.Before(ix.X, "check(")
				r.ReplaceRange(ix.Lbrack, ix.Lbrack+1, ", ")
				r.ReplaceRange(ix.Rbrack, ix.Rbrack+1, ")")
				r.Hoist(as, []ast.Expr{ix, as.Rhs[0].(*ast.BinaryExpr).Y}, "c")
			}, "\n__goconc_c1 := check(a, i); __goconc_c2 := f(); x := __goconc_c1 + __goconc_c2\n"},
		{"text inserted around a hoisted expression stays around its variable", "g(a[i], f())",
			func(r *Rewriter, s []ast.Stmt) {
				call := s[0].(*ast.ExprStmt).X.(*ast.CallExpr)
				r.Before(call.Args[1], "Keep(")
				r.After(call.Args[1], ")")
				r.Hoist(s[0], call.Args[1:], "c")
			}, "\n__goconc_c1 := f(); g(a[i], Keep(__goconc_c1))\n"},
		{"an expression hoisted inside another goes first", "fmt.Println(g, h(s[0], f()), k())",
			func(r *Rewriter, s []ast.Stmt) {
				call := s[0].(*ast.ExprStmt).X.(*ast.CallExpr)
				h := call.Args[1].(*ast.CallExpr)
				r.Hoist(s[0], []ast.Expr{h.Args[1], h, call.Args[2]}, "c")
			}, "\n__goconc_c1 := f(); __goconc_c2 := h(s[0], __goconc_c1); __goconc_c3 := k(); fmt.Println(g, __goconc_c2, __goconc_c3)\n"},
		{"an expression no statement can come before goes into a literal", "for s[0] < next() {}",
			func(r *Rewriter, s []ast.Stmt) {
				cond := s[0].(*ast.ForStmt).Cond
				r.HoistInto(cond, "bool", []ast.Expr{cond.(*ast.BinaryExpr).Y}, "c")
			}, "\nfor func() bool { __goconc_c1 := next(); return s[0] < __goconc_c1 }() {}\n"},
		{"a statement replaced whole is preceded by the hoisted", "x, y := a[i], f()",
			func(r *Rewriter, s []ast.Stmt) {
				as := s[0].(*ast.AssignStmt)
				r.Hoist(as, as.Rhs[1:], "c")
				r.Replace(as, func() string {
					return "{ t1, t2 := " + r.Source(as.Rhs[0]) + ", " + r.Source(as.Rhs[1]) + "; x, y := t1, t2 }"
				})
			}, "\n__goconc_c1 := f(); { t1, t2 := a[i], __goconc_c1; x, y := t1, t2 }\n"},
		{"a statement written from its parts by a replacement around it is written as it was", "{ x, y := a[i], f() }",
			func(r *Rewriter, s []ast.Stmt) {
				as := s[0].(*ast.BlockStmt).List[0].(*ast.AssignStmt)
				r.Hoist(as, as.Rhs[1:], "c")
				r.Replace(s[0], func() string { return "{ t := " + r.Source(as.Rhs[1]) + "; _ = t }" })
			}, "\n{ t := f(); _ = t }\n"},
		{"a statement replaced by something that writes it whole is preceded by the hoisted", "x := a[i] + f()",
			func(r *Rewriter, s []ast.Stmt) {
				as := s[0].(*ast.AssignStmt)
				r.Hoist(as, []ast.Expr{as.Rhs[0].(*ast.BinaryExpr).Y}, "c")
				r.Replace(as.Rhs[0], func() string {
					return "(" + r.Source(as.Rhs[0].(*ast.BinaryExpr).X) + " + " + r.Source(as.Rhs[0].(*ast.BinaryExpr).Y) + ")"
				})
			}, "\n__goconc_c1 := f(); x := (a[i] + __goconc_c1)\n"},
		{"insertions at one offset, same node: in the order made", "g()",
			func(r *Rewriter, s []ast.Stmt) {
				r.Before(s[0], "a; ")
				r.Before(s[0], "b; ")
			}, "\na; b; g()\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, stmts := parse(t, tt.body)
			tt.edit(r, stmts)
			if got := render(r); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDirectivesKeepPositions(t *testing.T) {
	r, stmts := parse(t, "x := 1\ng(x)")
	r.Before(stmts[1], "At(2); ")
	got := r.Range(r.Offset(stmts[0].Pos()), r.Offset(stmts[1].End()))
	want := "x := 1\nAt(2); /*line x.go:4:1*/g(x)"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRename(t *testing.T) {
	r, stmts := parse(t, "t[len-1] = len")
	as := stmts[0].(*ast.AssignStmt)
	ix := as.Lhs[0].(*ast.IndexExpr)
	r.Rename(ix.Index.(*ast.BinaryExpr).X.(*ast.Ident), "__g_len")
	r.Rename(as.Rhs[0].(*ast.Ident), "__g_len")
	if got, want := r.Text(ix.Index), "__g_len-1"; got != want {
		t.Errorf("Text = %q, want %q: the rules that write an operand again take the name", got, want)
	}
	if got, want := r.Text(ix.X), "t"; got != want {
		t.Errorf("Text of another node = %q, want %q", got, want)
	}
	if got, want := render(r), "\nt[__g_len-1] = __g_len\n"; got != want {
		t.Errorf("rendered %q, want %q", got, want)
	}
}
