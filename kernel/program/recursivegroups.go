package program

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"
)

// Mutually recursive types: a List holding its root Element by value,
// whose elements point back to the List; a Tree and its Nodes. The
// interpreter makes such a group's reflect types wrong (see
// kernel/recursivetypes): a field got the other type's, and assigning to
// it panicked, or a struct was laid out without the one it holds and its
// fields read each other's memory. A cell that declares such a group
// declares its types and constants in an Eval of their own, which makes
// no reflect type yet, then has the hook RecursiveTypes make the group's,
// and only then declares the rest, whose functions the interpreter
// compiles with them.

// recursiveGroups returns the groups of two or more of the named types
// that gds declare which lead to each other (through fields, pointers,
// slices, maps, arrays, channels and function types; an interface is a
// box to reflect, and leads nowhere), each sorted by name.
func (g *gen) recursiveGroups(gds []*ast.GenDecl) [][]string {
	declared := map[*types.TypeName]bool{}
	var objs []*types.TypeName
	for _, gd := range gds {
		for _, obj := range g.declaredTypes(gd) {
			if obj.Parent() == g.c.pkg.Scope() {
				declared[obj] = true
				objs = append(objs, obj)
			}
		}
	}
	sort.Slice(objs, func(i, j int) bool { return objs[i].Name() < objs[j].Name() })
	edges := map[*types.TypeName][]*types.TypeName{}
	for _, obj := range objs {
		seen := map[types.Type]bool{}
		var walk func(t types.Type) bool
		walk = func(t types.Type) bool {
			if seen[t] {
				return false
			}
			seen[t] = true
			if n, ok := types.Unalias(t).(*types.Named); ok {
				if declared[n.Obj()] {
					edges[obj] = append(edges[obj], n.Obj())
				}
				return false // (its own declaration's edges are its own)
			}
			anyPart(t, func(part types.Type, _ bool) bool { return walk(part) })
			return false
		}
		if _, iface := obj.Type().Underlying().(*types.Interface); !iface {
			walk(obj.Type().Underlying())
		}
	}
	// Tarjan's strongly connected components.
	index, low := map[*types.TypeName]int{}, map[*types.TypeName]int{}
	onStack := map[*types.TypeName]bool{}
	var stack []*types.TypeName
	var groups [][]string
	var visit func(v *types.TypeName)
	visit = func(v *types.TypeName) {
		index[v], low[v] = len(index), len(index)
		stack = append(stack, v)
		onStack[v] = true
		for _, w := range edges[v] {
			if _, ok := index[w]; !ok {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] != index[v] {
			return
		}
		var group []string
		for {
			w := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			onStack[w] = false
			group = append(group, w.Name())
			if w == v {
				break
			}
		}
		if len(group) > 1 {
			sort.Strings(group)
			groups = append(groups, group)
		}
	}
	for _, obj := range objs {
		if _, ok := index[obj]; !ok {
			visit(obj)
		}
	}
	return groups
}

// planRecursiveTypes decides, for the declarations ds that the cell
// emits, whether their types and constants go first (emitDecl writes them
// to g.typeDecls then), and writes the hook calls that make each group.
func (g *gen) planRecursiveTypes(ds []*Decl) {
	g.typeDecls.Reset()
	var gds []*ast.GenDecl
	for _, d := range ds {
		if s := g.segmentOf(d); s != nil {
			if gd, ok := s.node.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
				gds = append(gds, gd)
			}
		}
	}
	var calls strings.Builder
	for _, group := range g.recursiveGroups(gds) {
		quoted := make([]string, len(group))
		for i, n := range group {
			quoted[i] = strconv.Quote(n)
		}
		calls.WriteString(HooksName + ".RecursiveTypes(" + strings.Join(quoted, ", ") + ")\n")
	}
	g.makeTypes = calls.String()
}

// typesFirst reports whether emitDecl writes gd to the Eval of types.
func (g *gen) typesFirst(gd *ast.GenDecl) bool {
	return g.makeTypes != "" && (gd.Tok == token.TYPE || gd.Tok == token.CONST)
}

// withTypesFirst puts the Eval of the types and the hook calls making
// their groups before the declarations chunk of chs.
func (g *gen) withTypesFirst(chs []Chunk) []Chunk {
	if g.makeTypes == "" {
		return chs
	}
	first := []Chunk{{Src: "package main\n" + withSuffix(g.typeDecls.String()), Decl: true}, {Src: ";" + withSuffix(g.makeTypes)}}
	i := 0
	if len(chs) > 0 && strings.HasPrefix(chs[0].Src, "package main\nimport") {
		i = 1 // after the imports, which the types may use
	}
	return append(append(append([]Chunk{}, chs[:i]...), first...), chs[i:]...)
}
