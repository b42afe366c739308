package program

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// rewriteSelect rewrites a select statement so that it can be interrupted
// and recorded, without changing which case may run:
//
//	{ c0, c1, v1 := ch0, ch1, x          // operands, in source order, once
//	  i := -1
//	  select { case r0, ok0 = <-c0: i = 0; case c1 <- v1: i = 1; default: }
//	  if i == -1 { Block; select { ...same cases...; case <-Stop(): Halt() }; Unblock }
//	  switch i { case 0: v := r0; <body 0>; case 1: <body 1> } }
//
// A select with a default case does not block: the default runs when no
// case is ready, as before.
func (g *gen) rewriteSelect(s *ast.SelectStmt, label *ast.LabeledStmt, cr *chanRewrites) {
	type kase struct {
		cc          *ast.CommClause
		recv        *ast.UnaryExpr
		assign      *ast.AssignStmt // v := <-ch, v, ok = <-ch
		send        *ast.SendStmt
		elem        string
		name, where string
	}
	var cases []*kase
	var dflt *ast.CommClause
	for _, st := range s.Body.List {
		cc := st.(*ast.CommClause)
		k := &kase{cc: cc}
		switch comm := cc.Comm.(type) {
		case nil:
			dflt = cc
			continue
		case *ast.SendStmt:
			k.send = comm
			cr.handled[comm] = true
			k.name, k.where = g.nameOf(comm.Chan), g.where(comm.Pos())
			k.elem, _ = g.chanElem(comm.Chan)
		case *ast.ExprStmt:
			k.recv = recvOf(comm.X)
		case *ast.AssignStmt:
			k.recv, k.assign = recvOf(comm.Rhs[0]), comm
		}
		if k.recv != nil {
			cr.handled[k.recv] = true
			k.name, k.where = g.nameOf(k.recv.X), g.where(k.recv.Pos())
			k.elem, _ = g.chanElem(k.recv.X)
		}
		if k.elem == "" {
			return // a type goconc cannot write: leave this select alone
		}
		cases = append(cases, k)
	}
	var node ast.Node = s
	labelText := ""
	if label != nil {
		node, labelText = label, label.Label.Name+": "
	}
	where := g.where(s.Pos())
	g.r.Replace(node, func() string {
		H := HooksName
		var b strings.Builder
		b.WriteString("{ ")
		idx := g.r.Temp("i")
		type names struct{ c, v, ok string }
		ns := make([]names, len(cases))
		for i, k := range cases {
			ns[i] = names{g.r.Temp("c"), g.r.Temp("v"), g.r.Temp("ok")}
			if k.send != nil {
				fmt.Fprintf(&b, "%s := %s; var %s %s = %s; ", ns[i].c, g.r.Source(k.send.Chan), ns[i].v, k.elem, g.r.Source(k.send.Value))
			} else {
				fmt.Fprintf(&b, "%s := %s; var %s %s; var %s bool; ", ns[i].c, g.r.Source(k.recv.X), ns[i].v, k.elem, ns[i].ok)
			}
		}
		fmt.Fprintf(&b, "%s := -1; ", idx)
		clauses := func() string {
			var c strings.Builder
			for i, k := range cases {
				if k.send != nil {
					fmt.Fprintf(&c, "case %s <- %s: %s = %d; ", ns[i].c, ns[i].v, idx, i)
				} else {
					fmt.Fprintf(&c, "case %s, %s = <-%s: %s = %d; ", ns[i].v, ns[i].ok, ns[i].c, idx, i)
				}
			}
			return c.String()
		}
		var chans []string
		for i := range cases {
			chans = append(chans, ns[i].c)
		}
		fmt.Fprintf(&b, "select { %sdefault: }; ", clauses())
		if dflt == nil {
			fmt.Fprintf(&b, "if %s == -1 { %s.Block(%d, nil, \"select\", %s); select { %scase <-%s.Stop(): %s.Halt() }; %s.Unblock() }; ",
				idx, H, blockSelect, where, clauses(), H, H, H)
		}
		fmt.Fprintf(&b, "%sswitch %s { ", labelText, idx)
		for i, k := range cases {
			fmt.Fprintf(&b, "case %d: ", i)
			if k.send != nil {
				fmt.Fprintf(&b, "%s.Sent(%s, %s, %s, %s); ", H, ns[i].c, ns[i].v, k.name, k.where)
			} else {
				fmt.Fprintf(&b, "%s.Recv(%s, %s, %s, %s, %s); ", H, ns[i].c, ns[i].v, ns[i].ok, k.name, k.where)
				if k.assign != nil {
					rhs := ns[i].v
					if len(k.assign.Lhs) == 2 {
						rhs += ", " + ns[i].ok
					}
					var lhs []string
					for _, l := range k.assign.Lhs {
						lhs = append(lhs, g.r.Source(l))
					}
					fmt.Fprintf(&b, "%s %s %s; ", strings.Join(lhs, ", "), k.assign.Tok, rhs)
					if k.assign.Tok == token.DEFINE {
						for _, l := range k.assign.Lhs {
							fmt.Fprintf(&b, "_ = %s; ", g.r.Text(l))
						}
					}
				}
			}
			b.WriteString(g.clauseBody(k.cc))
		}
		if dflt != nil {
			b.WriteString("default: " + g.clauseBody(dflt))
		}
		b.WriteString("} }")
		return b.String()
	})
}

// clauseBody renders the statements of a select case, each clause ending
// in a newline. (An empty statement ";" in a switch case makes the
// interpreter mix up variables: none is written.)
func (g *gen) clauseBody(cc *ast.CommClause) string {
	if len(cc.Body) == 0 {
		return "\n"
	}
	return "\n" + g.r.SourceRange(cc.Body[0].Pos(), cc.Body[len(cc.Body)-1].End()) + "\n"
}
