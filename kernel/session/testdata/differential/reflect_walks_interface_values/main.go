// A walker of values by reflect, over a tree whose nodes are held in one
// of the notebook's interfaces (an expression's operands, a slice of
// them, a map of them, a pointer to one): an element, a field or a
// pointer's target of an interface type is of kind Interface, its Elem
// the value in it, with its own type (main.Var, not string), as in Go.
// The interpreter's own representation of such an interface is a struct
// of the value and its syntax tree: the walk went into the tree, through
// its parents' pointers, until the evaluator ran out of memory.
package main

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

type (
	Var     string
	literal float64
)

type Expr interface {
	Eval(env map[Var]float64) float64
}

type (
	unary struct {
		op rune
		x  Expr
	}
	binary struct {
		op   rune
		x, y Expr
	}
	call struct {
		fn   string
		args []Expr
	}
)

func (v Var) Eval(env map[Var]float64) float64    { return env[v] }
func (l literal) Eval(map[Var]float64) float64    { return float64(l) }
func (u unary) Eval(env map[Var]float64) float64  { return -u.x.Eval(env) }
func (b binary) Eval(env map[Var]float64) float64 { return b.x.Eval(env) * b.y.Eval(env) }
func (c call) Eval(env map[Var]float64) float64   { return c.args[0].Eval(env) }

func walk(path string, v reflect.Value, out *[]string) {
	switch v.Kind() {
	case reflect.Invalid:
		*out = append(*out, path+" = invalid")
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			walk(fmt.Sprintf("%s[%d]", path, i), v.Index(i), out)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			walk(path+"."+v.Type().Field(i).Name, v.Field(i), out)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			walk(fmt.Sprintf("%s[%q]", path, k.String()), v.MapIndex(k), out)
		}
	case reflect.Pointer:
		if v.IsNil() {
			*out = append(*out, path+" = nil")
			return
		}
		walk("(*"+path+")", v.Elem(), out)
	case reflect.Interface:
		if v.IsNil() {
			*out = append(*out, path+" = nil")
			return
		}
		*out = append(*out, fmt.Sprintf("%s.type = %s", path, v.Elem().Type()))
		walk(path+".value", v.Elem(), out)
	case reflect.String:
		*out = append(*out, fmt.Sprintf("%s = %q", path, v.String()))
	case reflect.Float64:
		*out = append(*out, fmt.Sprintf("%s = %g", path, v.Float()))
	default:
		*out = append(*out, fmt.Sprintf("%s = %v", path, v))
	}
}

func show(name string, x any) {
	var out []string
	walk(name, reflect.ValueOf(x), &out)
	if strings.HasPrefix(name, "m") {
		sort.Strings(out) // (a map's keys come in any order)
	}
	fmt.Println(strings.Join(out, "\n"))
}

func main() {
	e := call{"sqrt", []Expr{binary{'/', Var("A"), Var("pi")}, unary{'-', literal(2)}, nil}}
	show("e", e)
	var root Expr = binary{'*', literal(1.5), Var("x")}
	show("&root", &root)
	show("m", map[string]Expr{"a": Var("a"), "two": literal(2)})
	fmt.Println(e.args[0].Eval(map[Var]float64{"A": 3, "pi": 2}))
}
