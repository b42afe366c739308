package program

import (
	"go/ast"
	"go/types"
	"strconv"
)

// callUnmarshalers makes encoding/json call the UnmarshalJSON method of
// the notebook's type it decodes into, at the top:
//
//	json.Unmarshal(data, &t)
//	dec.Decode(&t)
//
// become
//
//	func(f func([]byte, any) error, d []byte, p *T) error { var raw json.RawMessage; if err := f(d, &raw); err != nil { return err }; return p.UnmarshalJSON(raw) }(json.Unmarshal, data, &t)
//	func(f func(any) error, p *T) error { ... f(&raw) ... }(dec.Decode, &t)
//
// (with names of goconc's own). Yaegi hands compiled code a *T with
// methods as a wrapper struct of the interface it implements, so
// json.Unmarshal said "json: Unmarshal(non-pointer
// std._encoding_json_Unmarshaler)" and decoded nothing. A RawMessage is
// decoded as any Unmarshaler is: the input checked whole first, then given
// the value's own bytes. (Inside another value, a slice or a struct, the
// method is still not called: listed in the README.)
func (g *gen) callUnmarshalers() {
	json, ok := g.importName("encoding/json")
	if !ok {
		return
	}
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || call.Ellipsis.IsValid() {
			return true
		}
		var fun, input, target string
		var p ast.Expr
		switch g.calleeName(call.Fun) {
		case "encoding/json.Unmarshal":
			if len(call.Args) != 2 {
				return true
			}
			fun, input, target, p = "func([]byte, any) error", "__goconc_d, ", "__goconc_d []byte, ", call.Args[1]
		case "(*json.Decoder).Decode":
			if len(call.Args) != 1 {
				return true
			}
			fun, p = "func(any) error", call.Args[0]
		default:
			return true
		}
		typ, ok := g.unmarshalerPointer(p)
		if !ok {
			return true
		}
		g.r.Before(call, "func(__goconc_f "+fun+", "+target+"__goconc_p "+typ+") error { "+
			"if __goconc_p == nil { return __goconc_f("+input+"__goconc_p) }; "+
			"var __goconc_raw "+json+".RawMessage; "+
			"if __goconc_err := __goconc_f("+input+"&__goconc_raw); __goconc_err != nil { return __goconc_err }; "+
			"return __goconc_p.UnmarshalJSON(__goconc_raw) }(")
		// f(args) becomes (f, args): the function is the literal's first
		// argument, evaluated first as Go evaluates it.
		g.r.ReplaceRange(call.Lparen, call.Lparen+1, ", ")
		return true
	})
}

// unmarshalerPointer returns the type text of p, if p is a pointer to a
// named type of the notebook's whose pointer has an UnmarshalJSON method.
func (g *gen) unmarshalerPointer(p ast.Expr) (string, bool) {
	t := g.c.info.TypeOf(p)
	ptr, ok := t.(*types.Pointer)
	if !ok {
		return "", false
	}
	n, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "main" {
		return "", false
	}
	obj, _, _ := types.LookupFieldOrMethod(ptr, false, n.Obj().Pkg(), "UnmarshalJSON")
	if _, ok := obj.(*types.Func); !ok {
		return "", false
	}
	return g.localType(t)
}

// importName returns the name the notebook imports the package path as.
func (g *gen) importName(path string) (string, bool) {
	for _, spec := range g.c.file.Imports {
		if p, err := strconv.Unquote(spec.Path.Value); err != nil || p != path {
			continue
		}
		if spec.Name != nil {
			return spec.Name.Name, spec.Name.Name != "_" && spec.Name.Name != "."
		}
		if pn, ok := g.c.info.Implicits[spec].(*types.PkgName); ok {
			return pn.Name(), true
		}
	}
	return "", false
}
