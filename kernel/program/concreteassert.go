package program

import (
	"go/ast"
	"go/types"
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
	if commaOK || from == nil || to == nil || isInterface(to) || isEmptyInterface(from) || g.boxedFromInterface(from, to) {
		return
	}
	fromText, ok1 := g.localType(from)
	toText, ok2 := g.localType(to)
	if !ok1 || !ok2 {
		return
	}
	call := HooksName + ".BadConversion(__goconc_x, " + strconv.Quote(g.goName(from)) + ", " + strconv.Quote(g.goName(to)) + g.underlyingImplementers(from) + ")"
	wrapped := ""
	if g.wrappedTarget(to) {
		wrapped = "if __goconc_v, __goconc_ok := " + HooksName + ".WrappedValue(__goconc_x).(" + toText + "); __goconc_ok { return __goconc_v }; "
	}
	g.r.Replace(ta, func() string {
		return "func(__goconc_x " + fromText + ") " + toText + " { if __goconc_v, __goconc_ok := __goconc_x.(" + g.r.Source(ta.Type) + "); __goconc_ok { return __goconc_v }; " +
			wrapped + call + "; return *new(" + toText + ") }(" + g.literalArg(ta.X) + ")"
	})
}

// wrappedTarget reports whether t is a struct type of the notebook with
// methods, or a pointer to one: a value of it that went through a compiled
// interface (an error, a fmt.Stringer) and on into another interface is in
// the interpreter's wrapper there, which an assertion to t misses.
func (g *gen) wrappedTarget(t types.Type) bool {
	n, ok := types.Unalias(deref(t)).(*types.Named)
	if !ok || n.Obj().Pkg() != g.c.pkg {
		return false
	}
	_, isStruct := n.Underlying().(*types.Struct)
	return isStruct && types.NewMethodSet(types.NewPointer(n)).Len() > 0
}

// assertWrapped asserts an interface that may hold the interpreter's
// wrapper of a notebook value to the value's type (wrappedTarget): the
// value in the wrapper is asserted when the interface's is not.
//
//	_, ok := a.(MyErr)    (a an any holding an error that holds a MyErr)
//
// was false; a type switch's case MyErr: missed it too (typeSwitch). A
// panicking assertion from an interface with methods is assertConcrete's.
func (g *gen) assertWrapped(ta *ast.TypeAssertExpr, commaOK bool) {
	from, to := g.c.info.TypeOf(ta.X), g.c.info.TypeOf(ta.Type)
	if from == nil || to == nil || !types.IsInterface(from) || types.IsInterface(to) || !g.wrappedTarget(to) {
		return
	}
	if isEmptyInterface(from) && g.unnamedToReflect(to) || g.boxedFromInterface(from, to) {
		return // (a struct without fields is assertBoxed's)
	}
	if !commaOK && !isEmptyInterface(from) {
		return
	}
	text, ok := g.localType(to)
	if !ok {
		return
	}
	if as := g.statementAsserts[ta]; commaOK && as != nil {
		g.assertWrappedInStatements(as, ta, text)
		return
	}
	g.r.Replace(ta, func() string {
		if commaOK {
			return "func(__goconc_x any) (" + text + ", bool) { if __goconc_x == nil { return *new(" + text + "), false }; if __goconc_v, __goconc_ok := __goconc_x.(" + text + "); __goconc_ok { return __goconc_v, true }; __goconc_v, __goconc_ok := " + HooksName + ".WrappedValue(__goconc_x).(" + text + "); return __goconc_v, __goconc_ok }(" + g.literalArg(ta.X) + ")"
		}
		return "func(__goconc_x any) " + text + " { if __goconc_v, __goconc_ok := __goconc_x.(" + text + "); __goconc_ok { return __goconc_v }; if __goconc_v, __goconc_ok := " + HooksName + ".WrappedValue(__goconc_x).(" + text + "); __goconc_ok { return __goconc_v }; return __goconc_x.(" + text + ") }(" + g.literalArg(ta.X) + ")"
	})
}

// assertWrappedInStatements is assertWrapped's comma-ok assertion where
// it is a statement of its own or an if statement's init (definedAssertion),
// written as statements before it (the if statement goes in a block), which
// the interpreter runs seven times faster than the call of a function
// literal (a loop of 100,000 assertions: 0.10 s against 0.72 s):
//
//	c, ok := s.(Circle)
//
// becomes
//
//	var __goconc_v1 Circle; var __goconc_ok2 bool; { var __goconc_x any = s; if !(__goconc_x == nil) { if __goconc_v1, __goconc_ok2 = __goconc_x.(Circle); !__goconc_ok2 { __goconc_v1, __goconc_ok2 = __goconc.WrappedValue(__goconc_x).(Circle) } } }; c, ok := __goconc_v1, __goconc_ok2
//
// (the value is its type's zero when the assertion fails: the variables
// are new at each run of the statement).
func (g *gen) assertWrappedInStatements(as *ast.AssignStmt, ta *ast.TypeAssertExpr, text string) {
	v, ok := g.r.Temp("v"), g.r.Temp("ok")
	prelude := func() string {
		// (The interpreter's x != nil is true of an any holding a nil
		// Shape, where x == nil is true too.)
		return "var " + v + " " + text + "; var " + ok + " bool; { var __goconc_x any = " + g.r.Source(ta.X) + "; if !(__goconc_x == nil) { if " +
			v + ", " + ok + " = __goconc_x.(" + text + "); !" + ok + " { " + v + ", " + ok + " = " + HooksName + ".WrappedValue(__goconc_x).(" + text + ") } } }; "
	}
	if is := g.ifAsserts[ta]; is != nil {
		// if c, ok := s.(Circle); ok { becomes { prelude; if c, ok := v, ok; ok { ... } }
		g.r.BeforeFunc(is, func() string { return "{ " + prelude() })
		g.r.After(is, " }")
	} else {
		g.r.BeforeFunc(as, prelude)
	}
	g.r.Replace(ta, func() string { return v + ", " + ok })
}
