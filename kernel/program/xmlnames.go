package program

import "go/ast"

// xmlElementNames has encoding/xml name the elements of the notebook's
// struct types after their types:
//
//	xml.Marshal(b)              becomes    __goconc.XMLMarshal(b)
//	xml.MarshalIndent(b, p, i)  becomes    __goconc.XMLMarshalIndent(b, p, i)
//	enc.Encode(b)               becomes    __goconc.XMLEncode(enc, b)
//	xml.Unmarshal(data, &b)     becomes    __goconc.XMLUnmarshal(data, &b)
//	dec.Decode(&b)              becomes    __goconc.XMLDecode(dec, &b)
//
// xml names an element by its value's type when no XMLName field or tag
// does, and the interpreter's struct types have no name: it said
// "xml: unsupported type: struct {...}". The hooks (kernel/fieldnames)
// give such a value at the top, or in a slice there, its type's declared
// name; and xml encodes and decodes the fields of an embedded struct
// (type Person struct{ Address; ... }) as promoted, through a type of the
// same layout whose embedded fields are flagged Anonymous, which the
// interpreter's are not: <Address><City>... for <City>..., and decoding
// left them out.
func (g *gen) xmlElementNames() {
	g.calls(func(call *ast.CallExpr, name string) {
		switch name {
		case "encoding/xml.Marshal", "encoding/xml.MarshalIndent":
			hook := HooksName + ".XMLMarshal"
			if name == "encoding/xml.MarshalIndent" {
				hook += "Indent"
			}
			g.r.Replace(call.Fun, func() string { return hook })
		case "encoding/xml.Unmarshal":
			g.r.Replace(call.Fun, func() string { return HooksName + ".XMLUnmarshal" })
		case "(*xml.Encoder).Encode", "(*xml.Decoder).Decode":
			if len(call.Args) != 1 {
				return
			}
			hook := "XMLEncode"
			if name == "(*xml.Decoder).Decode" {
				hook = "XMLDecode"
			}
			g.methodCallAsHook(call, hook)
		}
	})
}
