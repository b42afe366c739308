package program

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"
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
// the notebook's types by their MarshalJSON and MarshalText methods, given
// the shape of the argument's type (marshalers.go), and xml's through
// PlainXML, by their MarshalText methods; templates' data goes
// through PlainTemplate, which gives the values of the notebook's named
// types with a String method a type that has it (stringers.go).
func (g *gen) plainEncoderArgs() {
	var deferred map[*ast.CallExpr]ast.Stmt
	// json promotes the fields of an embedded struct, and leaves out the
	// unexported fields of a struct type literal, which the interpreter
	// exported (a ~ in the shape).
	all := g.hasBoxedTypes() || g.hasEmbeddedStructs()
	g.calls(func(call *ast.CallExpr, name string) {
		i, ok := encoderArg[name]
		if !ok || i >= len(call.Args) {
			return
		}
		if name == "(*gob.Encoder).Encode" {
			// gob leaves out the fields the notebook declared
			// unexported, which the interpreter exported.
			g.methodCallAsHook(call, "EncodeGob")
			return
		}
		t := g.c.info.TypeOf(call.Args[i])
		if t == nil {
			return
		}
		hook, shaped := shapedPlain[name]
		shape := "-"
		if shaped {
			shape = g.codecShape(t)
		}
		if !all && !strings.Contains(shape, "~") {
			return
		}
		if shape == "-" && !holdsInterface(t, map[types.Type]bool{}) {
			return
		}
		if !shaped {
			g.r.Before(call.Args[i], HooksName+".Plain(")
			g.r.After(call.Args[i], ")")
			return
		}
		g.r.Before(call.Args[i], HooksName+"."+hook+"(")
		g.r.After(call.Args[i], ", "+strconv.Quote(shape)+")")
		if result, ok := jsonResults[name]; ok {
			if deferred == nil {
				deferred = g.goAndDeferCalls()
			}
			if deferred[call] == nil {
				// An error of a method names the notebook's type.
				g.r.Before(call, HooksName+"."+result+"(")
				g.r.After(call, ")")
			}
		}
	})
}

// shapedPlain gives the calls of encoderArg whose argument goes through a
// hook given its static type's shape, and the hook: json's encoders call
// the notebook's Marshal methods (marshalers.go), templates its String
// methods (stringers.go).
var shapedPlain = map[string]string{
	"encoding/json.Marshal": "PlainJSON", "encoding/json.MarshalIndent": "PlainJSON", "(*json.Encoder).Encode": "PlainJSON",
	"encoding/xml.Marshal": "PlainXML", "encoding/xml.MarshalIndent": "PlainXML", "(*xml.Encoder).Encode": "PlainXML", "(*xml.Encoder).EncodeElement": "PlainXML",
	"(*template.Template).Execute": "PlainTemplate", "(*template.Template).ExecuteTemplate": "PlainTemplate",
}

// jsonResults gives json's encoders the hook their result goes through,
// which names the notebook's type in the error of one of its methods.
var jsonResults = map[string]string{
	"encoding/json.Marshal": "JSONResult", "encoding/json.MarshalIndent": "JSONResult", "(*json.Encoder).Encode": "JSONError",
}

// boxedCalls calls f with each call in the code rewritten, but calls
// spreading a slice, and the name of its callee (calleeName), when the
// interpreter boxes some of the notebook's values: the rules that hand
// them to compiled code through hooks have nothing to do otherwise.
func (g *gen) boxedCalls(f func(call *ast.CallExpr, name string)) {
	if !g.hasBoxedTypes() {
		return
	}
	g.calls(f)
}

// calls calls f with each call in the code rewritten, but calls
// spreading a slice, and the name of its callee.
func (g *gen) calls(f func(call *ast.CallExpr, name string)) {
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

// goAndDeferCalls returns the calls of go and defer statements, with the
// statements: a hook cannot wrap one without calling it at once, nor can
// a function literal hold it.
func (g *gen) goAndDeferCalls() map[*ast.CallExpr]ast.Stmt {
	calls := map[*ast.CallExpr]ast.Stmt{}
	g.inspect(func(n ast.Node, _ *ast.LabeledStmt) bool {
		switch s := n.(type) {
		case *ast.GoStmt:
			calls[s.Call] = s
		case *ast.DeferStmt:
			calls[s.Call] = s
		}
		return true
	})
	return calls
}

// hasEmbeddedStructs reports whether a struct type of the notebook embeds
// a struct (tagStructs marks the field for json).
func (g *gen) hasEmbeddedStructs() bool {
	embeds := func(t types.Type) bool {
		if st, ok := t.Underlying().(*types.Struct); ok {
			for f := range st.Fields() {
				if f.Embedded() && embedsStruct(f.Type()) {
					return true
				}
			}
		}
		return false
	}
	for _, named := range g.packageTypes() {
		if embeds(named) {
			return true
		}
	}
	found := false // (a struct type declared inside a function of the cell)
	g.walk(func(n ast.Node) bool {
		if ts, ok := n.(*ast.TypeSpec); ok && !found {
			if obj := g.c.info.Defs[ts.Name]; obj != nil && embeds(obj.Type()) {
				found = true
			}
		}
		return !found
	})
	return found
}
