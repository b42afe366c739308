package program

import (
	"go/ast"
	"go/types"
	"strconv"
)

// scanOperands hands fmt's scanning functions each operand that points to
// a value of the notebook's types with a Scan method through a hook:
//
//	fmt.Sscanf("(3,4)", "%v", &c)    becomes    fmt.Sscanf("(3,4)", "%v", __goconc.Scannable(&c, ""))
//
// Compiled fmt sees no method of the interpreter's types: it said "can't
// scan type: *struct {...}" where Go's calls the method. The hook gives
// fmt a fmt.Scanner calling it (kernel/evaluator's scanners.go).
func (g *gen) scanOperands() {
	fixed := map[string]int{
		"fmt.Scan": 0, "fmt.Scanln": 0, "fmt.Scanf": 1,
		"fmt.Sscan": 1, "fmt.Sscanln": 1, "fmt.Sscanf": 2,
		"fmt.Fscan": 1, "fmt.Fscanln": 1, "fmt.Fscanf": 2,
	}
	g.calls(func(call *ast.CallExpr, name string) {
		n, ok := fixed[name]
		if !ok {
			return
		}
		for _, arg := range call.Args[min(n, len(call.Args)):] {
			if name, ok := g.scansItself(g.c.info.TypeOf(arg)); ok {
				g.r.Before(arg, HooksName+".Scannable(")
				g.r.After(arg, ", "+strconv.Quote(name)+")")
			}
		}
	})
}

// scansItself reports whether t is a pointer to one of the notebook's
// types whose method set holds a Scan method, and the type's Go name if
// it is not a struct (to reflect, a value of it is of its underlying
// type, which kernel/methodsets knows its methods by the name with).
func (g *gen) scansItself(t types.Type) (string, bool) {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok || !g.notebookType(p.Elem()) || isInterface(p.Elem()) {
		return "", false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, false, g.c.pkg, "Scan")
	if _, isMethod := obj.(*types.Func); !isMethod {
		return "", false
	}
	named, ok := types.Unalias(p.Elem()).(*types.Named)
	if _, isStruct := p.Elem().Underlying().(*types.Struct); isStruct || !ok {
		return "", true
	}
	return codecName(named), true
}
