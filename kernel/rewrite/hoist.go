package rewrite

import (
	"go/ast"
	"strings"
)

// Hoist evaluates the expressions es, in their order, before the statement
// s, each in a statement of its own that gives a new variable its value,
// and writes the variable in its place:
//
//	fmt.Println(s[0], set())    becomes    __goconc_c1 := set(); fmt.Println(s[0], __goconc_c1)
//
// es must lie in s, each with one value; one inside another comes before
// it, which then holds its variable. Edits inside them move with them; so
// does another replacement of one of them; text inserted around one of
// them stays, around its variable. The move is made only where s is
// written whole, with its expressions in place: a replacement that writes
// s from some of its parts (or leaves one of es out) writes it as it was,
// with each expression where it stands.
func (r *Rewriter) Hoist(s ast.Node, es []ast.Expr, prefix string) {
	r.hoist(s, es, prefix, "", "")
}

// HoistInto is Hoist for an expression e of type typ that no statement
// can come before (a loop's condition, the right operand of &&): e goes
// into a function literal called in its place, whose statements evaluate
// es first.
//
//	for s[0] < next() {    becomes    for func() bool { __goconc_c1 := next(); return s[0] < __goconc_c1 }() {
func (r *Rewriter) HoistInto(e ast.Expr, typ string, es []ast.Expr, prefix string) {
	r.hoist(e, es, prefix, "func() "+typ+" { ", "return ")
}

func (r *Rewriter) hoist(s ast.Node, es []ast.Expr, prefix, open, ret string) {
	if len(es) == 0 {
		return
	}
	h := &hoisting{names: make([]string, len(es)), off: make([]*bool, len(es)), inner: make([]bool, len(es)), literal: open, ret: ret}
	for i, e := range es {
		for _, o := range es {
			if o != e && o.Pos() <= e.Pos() && e.End() <= o.End() {
				h.inner[i] = true // written in o's statement, not s
			}
		}
		start, end := r.Offset(e.Pos()), r.Offset(e.End())
		h.names[i] = r.Temp(prefix)
		h.off[i] = new(bool)
		r.edits = append(r.edits, edit{start: start, end: end, seq: len(r.edits), anchorStart: start, anchorEnd: end,
			moved: true, off: h.off[i], render: func() string {
				if h.on {
					return h.names[i]
				}
				return r.without(h.off[i], start, end)
			}})
	}
	start, end := r.Offset(s.Pos()), r.Offset(s.End())
	r.edits = append(r.edits, edit{start: start, end: start, seq: len(r.edits), anchorStart: start, anchorEnd: end,
		render: func() string { return h.open(r, es, start, end) }})
	// Past s, its expressions are written in place again, should a
	// replacement write some of its parts later.
	r.edits = append(r.edits, edit{start: end, end: end, seq: len(r.edits), anchorStart: start, anchorEnd: end,
		render: func() string {
			closing := ""
			if h.on && h.literal != "" {
				closing = " }()"
			}
			h.on = false
			return closing
		}})
}

// hoisting is the state of one Hoist: whether its variables stand for its
// expressions in what is being written.
type hoisting struct {
	names    []string
	off      []*bool
	inner    []bool
	on       bool
	checking bool
	// literal and ret, for HoistInto, open the function literal and begin
	// its return statement.
	literal, ret string
}

// open writes the statements that evaluate the expressions, once it has
// checked that the statement, written with the variables, holds each.
func (h *hoisting) open(r *Rewriter, es []ast.Expr, start, end int) string {
	if h.checking {
		return ""
	}
	h.checking, h.on = true, true
	text := r.Range(start, end)
	h.checking = false
	for i, name := range h.names {
		if !h.inner[i] && !holdsName(text, name) {
			h.on = false
			return ""
		}
	}
	h.on = true // (the edit closing s, written in the check, set it off)
	var b strings.Builder
	b.WriteString(h.literal)
	for i, e := range es {
		*h.off[i] = true
		saved := r.hoisting
		r.hoisting = [2]int{r.Offset(e.Pos()), r.Offset(e.End())}
		b.WriteString(h.names[i] + " := " + r.Source(e) + "; ")
		r.hoisting = saved
		*h.off[i] = false
	}
	b.WriteString(h.ret)
	return b.String()
}

// without renders the source from start to end as if the edit switched by
// off were not there.
func (r *Rewriter) without(off *bool, start, end int) string {
	*off = true
	defer func() { *off = false }()
	return r.Range(start, end)
}

// holdsName reports whether text holds the identifier name, not as a part
// of a longer one.
func holdsName(text, name string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], name)
		if j < 0 {
			return false
		}
		k := i + j + len(name)
		if k == len(text) || !isIdentByte(text[k]) {
			return true
		}
		i = k
	}
}

func isIdentByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80
}
