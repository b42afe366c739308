package program

import (
	"go/ast"
	"go/types"
)

// plainEncoderArgs passes the value an encoder or a template reads through
// the Plain hook, when it may hold the interpreter's boxes:
//
//	json.Marshal(map[string]any{"temp": Celsius(21)})
//
// becomes
//
//	json.Marshal(__goconc.Plain(map[string]any{"temp": Celsius(21)}))
//
// A value of one of the notebook's types with methods (and every named
// type that is not a struct: boxMarkers) is boxed in an interface, and
// compiled code that reads a box by reflection sees the interpreter's
// struct of two unexported fields: json wrote {"temp":{}} where Go writes
// {"temp":21}. The interpreter unboxes an argument itself, but not what is
// inside one. Plain copies only what holds a box.
//
// json's encoders go through PlainJSON, which also encodes the values of
// the notebook's struct types by their MarshalJSON and MarshalText
// methods (marshalers.go).
func (g *gen) plainEncoderArgs() {
	g.boxedCalls(func(call *ast.CallExpr, name string) {
		i, ok := encoderArg[name]
		if !ok || i >= len(call.Args) {
			return
		}
		t := g.c.info.TypeOf(call.Args[i])
		if t == nil {
			return
		}
		hook := "Plain"
		if jsonEncoders[name] {
			hook = "PlainJSON"
		}
		if holdsInterface(t, map[types.Type]bool{}) || hook == "PlainJSON" && g.marshalsInside(t, map[types.Type]bool{}) {
			g.r.Before(call.Args[i], HooksName+"."+hook+"(")
			g.r.After(call.Args[i], ")")
		}
	})
}

// jsonEncoders are the encoders of encodingArg that are json's.
var jsonEncoders = map[string]bool{
	"encoding/json.Marshal": true, "encoding/json.MarshalIndent": true, "(*json.Encoder).Encode": true,
}

// boxedCalls calls f with each call in the code rewritten, but calls
// spreading a slice, and the name of its callee (calleeName), when the
// interpreter boxes some of the notebook's values: the rules that hand
// them to compiled code through hooks have nothing to do otherwise.
func (g *gen) boxedCalls(f func(call *ast.CallExpr, name string)) {
	if !g.hasBoxedTypes() {
		return
	}
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		if call, ok := n.(*ast.CallExpr); ok && !call.Ellipsis.IsValid() {
			f(call, g.calleeName(call.Fun))
		}
		return true
	})
}

// encoderArg gives the functions that read a value by reflection, and the
// index of the value among their arguments.
var encoderArg = map[string]int{
	"encoding/json.Marshal":                0,
	"encoding/json.MarshalIndent":          0,
	"(*json.Encoder).Encode":               0,
	"encoding/xml.Marshal":                 0,
	"encoding/xml.MarshalIndent":           0,
	"(*xml.Encoder).Encode":                0,
	"(*xml.Encoder).EncodeElement":         0,
	"(*gob.Encoder).Encode":                0,
	"(*template.Template).Execute":         1,
	"(*template.Template).ExecuteTemplate": 2,
}

// holdsInterface reports whether a value of type t is or holds an
// interface: in an element, a key, a field or under a pointer.
func holdsInterface(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch u := t.Underlying().(type) {
	case *types.Interface:
		return true
	case *types.Pointer:
		return holdsInterface(u.Elem(), seen)
	case *types.Slice:
		return holdsInterface(u.Elem(), seen)
	case *types.Array:
		return holdsInterface(u.Elem(), seen)
	case *types.Map:
		return holdsInterface(u.Key(), seen) || holdsInterface(u.Elem(), seen)
	case *types.Struct:
		for f := range u.Fields() {
			if holdsInterface(f.Type(), seen) {
				return true
			}
		}
	}
	return false
}
