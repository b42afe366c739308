package program

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// Constants are go/types' to compute: it evaluates them exactly, as Go
// does. Yaegi evaluates them again, and errs on some: an untyped constant
// too big for int64 in a constant comparison ("constant
// 1267650600228229401496703205376 overflows int64", Go's test/const.go),
// an implicitly repeated iota in a conversion ("constant definition loop",
// test/iota.go). So the cell gives it their values:
//
//	chuge > chuge_1          true
//	const ( s = string(iota + 'a'); t )    const ( s string = "a"; t string = "b" )
//
// Literals, names and complex values are left as written.

// foldConstants replaces constant operations (x + y, -x, (x)) of function
// bodies, and calls of builtins and conversions to strings that are
// constants anywhere, by their values:
//
//	len(p)              10, p a *[10]int, even nil: p is not evaluated
//	len(s[10])          30, s a [][30]int: s[10] is not evaluated
//	unsafe.Sizeof(x)    uintptr(24), with gc's sizes
//	min(2, 3.5)         2.0
//
// Go does not evaluate the argument of a constant len (test/const4.go,
// test/nil.go); Yaegi does, and dereferences or indexes it. Sizeof,
// Alignof and Offsetof are functions of its own representation to Yaegi,
// and min and max missing.
func (g *gen) foldConstants() {
	bodies := map[*ast.BlockStmt]bool{}
	for _, fd := range g.rewritable() {
		bodies[fd.Body] = true
	}
	var walk func(n ast.Node, inBody bool)
	walk = func(n ast.Node, inBody bool) {
		ast.Inspect(n, func(c ast.Node) bool {
			if b, ok := c.(*ast.BlockStmt); ok && bodies[b] && !inBody {
				walk(b, true)
				return false
			}
			e, ok := c.(ast.Expr)
			if !ok {
				return true
			}
			if at, ok := e.(*ast.ArrayType); ok {
				g.foldArrayLength(at)
				return true
			}
			switch x := e.(type) {
			case *ast.BinaryExpr, *ast.UnaryExpr, *ast.ParenExpr:
				if !inBody {
					return true
				}
			case *ast.CallExpr:
				if g.builtinOf(x) == nil && !g.stringConversion(x) {
					return true
				}
			default:
				return true // literals and names are left as written
			}
			tv := g.c.info.Types[e]
			if tv.Value == nil {
				return true
			}
			if text, ok := g.constLiteral(tv.Value, tv.Type); ok {
				g.r.Replace(e, func() string { return text })
				return false
			}
			return true
		})
	}
	for _, d := range g.scoped() {
		walk(d, false)
	}
}

// stringConversion reports whether call converts to a string type: of a
// constant, string(1<<100) is "\uFFFD", which Yaegi refused ("cannot
// convert expression of type string to type string", Go's
// test/fixedbugs/issue15039.go).
func (g *gen) stringConversion(call *ast.CallExpr) bool {
	tv := g.c.info.Types[call.Fun]
	return tv.IsType() && isStringType(tv.Type)
}

// foldArrayLength writes the length of an array type as an integer
// literal when it is another constant (Go's test/fixedbugs/bug254.go:
// var b [1e1]int): Yaegi panicked with "10 not an Int", its own panic
// reported as the cell's.
func (g *gen) foldArrayLength(at *ast.ArrayType) {
	if at.Len == nil {
		return
	}
	if lit, ok := at.Len.(*ast.BasicLit); ok && lit.Kind == token.INT {
		return
	}
	tv := g.c.info.Types[at.Len]
	if tv.Value == nil || tv.Value.Kind() == constant.Int {
		return
	}
	if n := constant.ToInt(tv.Value); n.Kind() == constant.Int {
		g.r.Replace(at.Len, func() string { return n.ExactString() })
	}
}

// funcName returns the name a call calls by (f of f(x), or of pkg.f(x)
// and x.f()), nil for a call of another expression.
func funcName(call *ast.CallExpr) *ast.Ident {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	}
	return nil
}

// builtinOf returns the builtin a call calls (unsafe's too), or nil.
func (g *gen) builtinOf(call *ast.CallExpr) *types.Builtin {
	id := funcName(call)
	if id == nil {
		return nil
	}
	b, _ := g.c.info.Uses[id].(*types.Builtin)
	return b
}

// lowerConstDecl writes each constant of a const declaration with its
// value, typed as it is; false if one cannot be written so.
func (g *gen) lowerConstDecl(gd *ast.GenDecl) (string, bool) {
	var b strings.Builder
	b.WriteString("const (\n")
	for _, spec := range gd.Specs {
		for _, id := range spec.(*ast.ValueSpec).Names {
			if id.Name == "_" {
				continue
			}
			c, ok := g.c.info.Defs[id].(*types.Const)
			if !ok {
				return "", false
			}
			text, ok := g.constLiteral(c.Val(), c.Type())
			if !ok {
				return "", false
			}
			name := id.Name
			if c.Parent() == g.c.pkg.Scope() {
				name = builtinGlobal(name)
			}
			b.WriteString(g.r.Directive(id.Pos()) + name + " = " + text + "\n")
		}
	}
	b.WriteString(")")
	return b.String(), true
}

// exactRatio writes an untyped float constant that no float64 holds
// (1.0 / 3) as the quotient of two integers, which keeps it exact as Go
// does (1.0/3 * 3 == 1), where the interpreter's constants are exact too.
func exactRatio(v constant.Value) (string, bool) {
	num, den := constant.Num(v), constant.Denom(v)
	if num.Kind() != constant.Int || den.Kind() != constant.Int {
		return "", false
	}
	n, d := num.ExactString(), den.ExactString()
	if len(n)+len(d) > 400 {
		return "", false
	}
	return "(" + n + ".0 / " + d + ".0)", true
}

// constLiteral writes v, of type t, as Go source that means the same
// constant: typed as t, or of the same kind if untyped.
func (g *gen) constLiteral(v constant.Value, t types.Type) (string, bool) {
	b, ok := t.Underlying().(*types.Basic)
	if !ok {
		return "", false
	}
	var text string
	switch {
	case b.Info()&types.IsBoolean != 0:
		text = strconv.FormatBool(constant.BoolVal(v))
	case b.Info()&types.IsString != 0:
		text = strconv.Quote(constant.StringVal(v))
	case b.Info()&types.IsComplex != 0:
		return "", false
	case b.Info()&types.IsFloat != 0:
		// Rounded once, to the constant's own type: an untyped value
		// only if a float64 holds it exactly (it may be converted to a
		// float32 later, and rounding twice can differ, test/float_lit2.go).
		var f float64
		bits := 64
		if b.Kind() == types.Float32 {
			f32, _ := constant.Float32Val(constant.ToFloat(v))
			f, bits = float64(f32), 32
		} else {
			var exact bool
			f, exact = constant.Float64Val(constant.ToFloat(v))
			if !exact && b.Info()&types.IsUntyped != 0 {
				return exactRatio(constant.ToFloat(v))
			}
		}
		text = strconv.FormatFloat(f, 'g', -1, bits)
		if !strings.ContainsAny(text, ".eEI") {
			text += ".0"
		}
		if strings.Contains(text, "Inf") || strings.Contains(text, "NaN") {
			return "", false
		}
	case b.Kind() == types.UntypedRune:
		r, ok := constant.Int64Val(v)
		if !ok {
			return "", false
		}
		text = strconv.QuoteRune(rune(r))
		if !strings.HasPrefix(text, "'") || strings.Contains(text, `\ufffd`) && r != 0xfffd {
			return "", false
		}
	case b.Info()&types.IsInteger != 0:
		v = constant.ToInt(v)
		if v.Kind() != constant.Int {
			return "", false
		}
		text = v.ExactString()
		if b.Info()&types.IsUntyped != 0 {
			// An untyped integer Yaegi holds in an int64.
			if _, exact := constant.Int64Val(v); !exact {
				return "", false
			}
		}
	default:
		return "", false
	}
	if b.Info()&types.IsUntyped != 0 {
		return text, true
	}
	if t == types.Typ[types.Bool] || t == types.Typ[types.String] {
		return text, true // as typed as the untyped literal will be
	}
	typ, ok := g.localType(t)
	if !ok {
		return "", false
	}
	if strings.HasPrefix(text, "-") {
		text = "(" + text + ")"
	}
	return typ + "(" + text + ")", true
}
