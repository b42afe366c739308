package program

import (
	"go/ast"
	"go/types"
	"strconv"
)

// callUnmarshalers makes encoding/json call the UnmarshalJSON and
// UnmarshalText methods of the notebook's types, wherever they are in the
// value it decodes into, and xml.Unmarshal the UnmarshalText methods
// (DecodeXML):
//
//	json.Unmarshal(data, &zoo)
//	dec.Decode(&zoo)
//
// become
//
//	__goconc.DecodeJSON(json.Unmarshal, data, &zoo, "*[@main.Animal;-")
//	__goconc.DecodeJSONFrom(dec, &zoo, "*[@main.Animal;-")
//
// with the shape of the target's type (marshalers.go). Compiled json sees
// none of the interpreter's methods, and Yaegi hands it a *T with methods
// as a wrapper struct of the interface it implements: json.Unmarshal said
// "json: Unmarshal(non-pointer std._encoding_json_Unmarshaler)" and
// decoded nothing, and an Animal in a slice was decoded as the int it is
// to reflection. The function (for Decode, the Decoder, whose UseNumber
// and DisallowUnknownFields the hook keeps) is the hook's first argument,
// evaluated first as Go evaluates it.
func (g *gen) callUnmarshalers() {
	_, usesJSON := g.importName("encoding/json")
	if _, usesXML := g.importName("encoding/xml"); !usesJSON && !usesXML {
		return
	}
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || call.Ellipsis.IsValid() {
			return true
		}
		var hook string
		var p ast.Expr
		switch g.calleeName(call.Fun) {
		case "encoding/json.Unmarshal":
			if len(call.Args) != 2 {
				return true
			}
			hook, p = "DecodeJSON", call.Args[1]
		case "encoding/xml.Unmarshal":
			if len(call.Args) != 2 {
				return true
			}
			hook, p = "DecodeXML", call.Args[1]
		case "(*json.Decoder).Decode":
			if len(call.Args) != 1 {
				return true
			}
			hook, p = "DecodeJSONFrom", call.Args[0]
		default:
			return true
		}
		t := g.c.info.TypeOf(p)
		if t == nil {
			return true
		}
		shape := g.codecShape(t)
		if shape == "-" {
			return true
		}
		if hook == "DecodeJSONFrom" {
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok || g.c.info.Selections[sel] == nil || g.c.info.Selections[sel].Kind() != types.MethodVal {
				return true // (*json.Decoder).Decode(dec, &v), a method expression
			}
			g.r.Replace(call.Fun, func() string { return g.r.Source(sel.X) })
		}
		g.r.Before(call, HooksName+"."+hook+"(")
		g.r.ReplaceRange(call.Lparen, call.Lparen+1, ", ")
		g.r.At(call, call.Rparen, ", "+strconv.Quote(shape))
		return true
	})
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
