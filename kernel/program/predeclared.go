package program

import (
	"go/ast"
	"go/types"
	"sort"
	"strings"
	"unicode"
)

// renamePredeclared renames, in a cell's source, the variables and
// constants its functions declare with a predeclared name (len, cap, new,
// copy, max, true, nil...), keeping the name's length:
//
//	cap := 4                 caP := 4
//	for i := 0; i < cap; i++ for i := 0; i < caP; i++
//
// The code the rules write calls the builtins by name: an index's check
// len(t), a slice's stack buffer cap(s), a zero value *new(T). In the
// scope of a local len, the interpreter refused the cell ("too many
// arguments"): valid Go. A local's name shows nowhere (but as a channel's
// or a WaitGroup's in a timeline); the length kept keeps every position
// the cell's messages give. Types keep their names (%T prints them), and
// so do the notebook's variables, which later cells name too.
//
// It returns the source renamed and true, or false if c, the cell checked,
// declares no such name.
func renamePredeclared(c *checked, src string) (string, bool) {
	type use struct {
		line, col     int
		name, variant string
	}
	var uses []use
	renames := map[types.Object]string{}
	taken := map[string]bool{}
	for id := range c.info.Defs {
		taken[id.Name] = true
	}
	for id := range c.info.Uses {
		taken[id.Name] = true
	}
	visit := func(id *ast.Ident, obj types.Object) {
		if obj == nil || types.Universe.Lookup(id.Name) == nil || obj.Pkg() == nil || obj.Parent() == nil || obj.Parent() == obj.Pkg().Scope() {
			return
		}
		if id.Name == "iota" {
			// No rule writes it; and const ( A = iota; iota = iota; B )
			// repeats an iota that is the universe's where it is written
			// and the local one where it is repeated (Go's test/const8.go).
			return
		}
		switch o := obj.(type) {
		case *types.Var:
			if o.IsField() {
				return
			}
		case *types.Const:
		default:
			return
		}
		if s := c.a.segmentAt(c.offset(id.Pos())); s == nil || !s.mine {
			return
		}
		if _, ok := renames[obj]; !ok {
			renames[obj] = unusedVariant(id.Name, taken)
		}
		p := c.fset.Position(id.Pos())
		uses = append(uses, use{p.Line, p.Column, id.Name, renames[obj]})
	}
	// In the order written, so that each cell's names are the same.
	var ids []*ast.Ident
	for id := range c.info.Defs {
		ids = append(ids, id)
	}
	for id := range c.info.Uses {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i].Pos() < ids[j].Pos() })
	for _, id := range ids {
		obj := c.info.Defs[id]
		if obj == nil {
			obj = c.info.Uses[id]
		}
		visit(id, obj)
	}
	if len(uses) == 0 {
		return src, false
	}
	offset := sourceOffsets(src)
	b := []byte(src)
	for _, u := range uses { // (in place: each name keeps its length)
		off, ok := offset(u.line, u.col)
		if !ok {
			return src, false
		}
		end := off
		for end < len(b) && (b[end] == '_' || unicode.IsLetter(rune(b[end])) || unicode.IsDigit(rune(b[end]))) {
			end++
		}
		if string(b[off:end]) != u.name || len(u.variant) != len(u.name) {
			return src, false // (not where the check said: leave the cell as it is)
		}
		copy(b[off:end], u.variant)
	}
	return string(b), true
}

// sourceOffsets returns a function giving the offset in src of a line and
// a column (in bytes, from 1), false if src has no such place.
func sourceOffsets(src string) func(line, col int) (int, bool) {
	starts := []int{0}
	for i := range len(src) {
		if src[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return func(line, col int) (int, bool) {
		if line < 1 || line > len(starts) || col < 1 {
			return 0, false
		}
		off := starts[line-1] + col - 1
		return off, off <= len(src)
	}
}

// unusedVariant returns name with letters turned upper case from its end,
// the first such spelling no identifier of the program has taken, and
// marks it taken.
func unusedVariant(name string, taken map[string]bool) string {
	r := []rune(name)
	for mask := 1; mask < 1<<len(r); mask++ {
		v := make([]rune, len(r))
		copy(v, r)
		for i := range v {
			if mask&(1<<i) != 0 {
				v[len(v)-1-i] = unicode.ToUpper(v[len(v)-1-i])
			}
		}
		s := string(v)
		if !taken[s] && types.Universe.Lookup(s) == nil && !strings.HasPrefix(s, "__") {
			taken[s] = true
			return s
		}
	}
	return name
}
