package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// panickingPlaces makes an assignment's calls before a place that may
// panic when assigned: an element of a slice or an array at an index no
// loop proves in range, a field through a pointer. Go evaluates the
// right side, calls first, then assigns; the interpreter indexed the
// place, or followed its pointer, before it made the calls:
//
//	s[i] = f()     f's output was lost, and the panic said "index out of range"
//	p.n = f()      f was never called for a nil p
//
// The calls go before the statement as callsFirst hoists them
// (__goconc_c1 := f(); s[i] = __goconc_c1), and with no call left in it
// an index gets its check, after them, with Go's message ("index out of
// range [5] with length 0"). A map entry (a nil map) and *p the
// interpreter assigns after the calls already.
//
// It returns the checks to write after the hoisted calls, and the event
// of o.events the place must come after: the last effect, or -1.
func (o *evalOrder) panickingPlaces(s ast.Stmt) (string, int) {
	as, ok := s.(*ast.AssignStmt)
	if !ok || as.Tok == token.DEFINE || o.g.phased[as] {
		return "", -1 // (tupleAssigns' phases assign after the values)
	}
	info := o.g.c.info
	var checks strings.Builder
	panics := false
	for _, l := range as.Lhs {
		switch x := ast.Unparen(l).(type) {
		case *ast.IndexExpr:
			if !o.g.indexedAtRun(x) || o.g.inRange(x, o.stack) {
				continue
			}
			panics = true
			if o.g.indexChecked(x) {
				checks.WriteString(o.g.indexCheck(x, o.stack))
			}
		case *ast.SelectorExpr:
			if sel := info.Selections[x]; sel != nil && sel.Kind() == types.FieldVal && sel.Indirect() {
				panics = true
			}
		}
	}
	if !panics {
		return "", -1
	}
	last := -1
	for j, e := range o.events {
		if e.effect {
			last = j
		}
	}
	return checks.String(), last
}
