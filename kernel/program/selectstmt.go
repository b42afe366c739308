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
//	{ c0 := ch0; var r0 T0; c1 := ch1; var v1 T1 = x   // operands, in source order, once
//	  i, ok := Select("[5]:3", false, RecvCase(c0, &r0, ...), SendCase(c1, &v1, ...))
//	  switch i { case 0: v := r0; <body 0>; case 1: <body 1> } }
//
// With a default case, Select returns -1 when no case is ready, and the
// switch runs the default's body.
func (g *gen) rewriteSelect(s *ast.SelectStmt, label *ast.LabeledStmt, cr *chanRewrites) {
	type kase struct {
		cc          *ast.CommClause
		recv        *ast.UnaryExpr
		assign      *ast.AssignStmt // v := <-ch, v, ok = <-ch
		send        *ast.SendStmt
		elem        string
		name, where string
		v           string // the variable sent, or received into
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
		idx, okx := g.r.Temp("i"), g.r.Temp("ok")
		var cs []string
		for _, k := range cases {
			c, v := g.r.Temp("c"), g.r.Temp("v")
			if k.send != nil {
				fmt.Fprintf(&b, "%s := %s; var %s %s = %s; ", c, g.r.Source(k.send.Chan), v, k.elem, g.r.Source(k.send.Value))
				cs = append(cs, fmt.Sprintf("%s.SendCase(%s, &%s, %s, %s)", H, c, v, k.name, k.where))
			} else {
				fmt.Fprintf(&b, "%s := %s; var %s %s; ", c, g.r.Source(k.recv.X), v, k.elem)
				cs = append(cs, fmt.Sprintf("%s.RecvCase(%s, &%s, %s, %s)", H, c, v, k.name, k.where))
			}
			k.v = v
		}
		fmt.Fprintf(&b, "%s, %s := %s.Select(%s, %v%s); _ = %s; ", idx, okx, H, where, dflt != nil, prefixEach(", ", cs), okx)
		fmt.Fprintf(&b, "%sswitch %s { ", labelText, idx)
		for i, k := range cases {
			fmt.Fprintf(&b, "case %d: ", i)
			if k.send == nil {
				if k.assign != nil {
					rhs := k.v
					if len(k.assign.Lhs) == 2 {
						rhs += ", " + okx
					}
					var lhs []string
					for _, l := range k.assign.Lhs {
						lhs = append(lhs, g.r.Source(l))
					}
					fmt.Fprintf(&b, "%s %s %s; ", strings.Join(lhs, ", "), k.assign.Tok, rhs)
					if k.assign.Tok == token.DEFINE {
						for _, l := range k.assign.Lhs {
							if id, ok := l.(*ast.Ident); !ok || id.Name != "_" { // case _, ok := <-c
								fmt.Fprintf(&b, "_ = %s; ", g.r.Text(l))
							}
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

func prefixEach(sep string, xs []string) string {
	var b strings.Builder
	for _, x := range xs {
		b.WriteString(sep + x)
	}
	return b.String()
}
