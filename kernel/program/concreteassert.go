package program

import (
	"go/ast"
	"strconv"
)

// assertConcrete gives a failed assertion from an interface with methods
// to a type that is not an interface Go's panic:
//
//	err.(*MyErr)    func(__goconc_x error) *MyErr { if __goconc_v, __goconc_ok := __goconc_x.(*MyErr); __goconc_ok { return __goconc_v }; __goconc.BadConversion(__goconc_x, "error", "*main.MyErr"); return nil }(err)
//
// Yaegi's panic named the value's and the wanted type by the interpreter's
// structures, or said the value missed a method ("interface conversion:
// *errors.errorString is not *struct { Code int ... }: missing method"),
// where Go says "interface conversion: error is *errors.errorString, not
// *main.MyErr". The hook names the dynamic type as %T does (a value of a
// notebook interface arrives without its box: the interface's implementers
// that are not structs name it). The comma-ok form does not panic and is
// left as it is; so are assertions from an any (namedassert.go).
func (g *gen) assertConcrete(ta *ast.TypeAssertExpr, commaOK bool) {
	from, to := g.c.info.TypeOf(ta.X), g.c.info.TypeOf(ta.Type)
	if commaOK || from == nil || to == nil || isInterface(to) || isEmptyInterface(from) {
		return
	}
	fromText, ok1 := g.localType(from)
	toText, ok2 := g.localType(to)
	if !ok1 || !ok2 {
		return
	}
	call := HooksName + ".BadConversion(__goconc_x, " + strconv.Quote(g.goName(from)) + ", " + strconv.Quote(g.goName(to)) + g.underlyingImplementers(from) + ")"
	g.r.Replace(ta, func() string {
		return "func(__goconc_x " + fromText + ") " + toText + " { if __goconc_v, __goconc_ok := __goconc_x.(" + g.r.Source(ta.Type) + "); __goconc_ok { return __goconc_v }; " +
			call + "; return *new(" + toText + ") }(" + g.r.Source(ta.X) + ")"
	})
}
