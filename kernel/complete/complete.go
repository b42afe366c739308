// Package complete answers a notebook's completion and is-complete
// questions about Go code: what may follow the cursor, and whether a cell
// typed so far is finished (for consoles that run it on Enter).
package complete

import (
	"go/token"
	"go/types"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/goconc/goconc/kernel/program"
)

// Result is a completion: matches replace the code between Start and End
// (byte offsets).
type Result struct {
	Matches    []string
	Start, End int
}

// keywords are Go's keywords.
var keywords = []string{"break", "case", "chan", "const", "continue", "default", "defer", "else",
	"fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map", "package",
	"range", "return", "select", "struct", "switch", "type", "var"}

// Complete returns what may complete the identifier before the cursor at
// byte offset cursor of code.
func Complete(p *program.Program, code string, cursor int) Result {
	if cursor > len(code) {
		cursor = len(code)
	}
	start := cursor
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(code[:start])
		if !isIdent(r) {
			break
		}
		start -= size
	}
	end := cursor
	for end < len(code) {
		r, size := utf8.DecodeRuneInString(code[end:])
		if !isIdent(r) {
			break
		}
		end += size
	}
	prefix := code[start:cursor]
	res := Result{Start: start, End: end}
	if start > 0 && code[start-1] == '.' {
		base := identBefore(code, start-1)
		res.Matches = filter(members(p, base), prefix)
		return res
	}
	if prefix == "" {
		return res
	}
	var names []string
	names = append(names, keywords...)
	names = append(names, types.Universe.Names()...)
	names = append(names, p.PackageNames()...)
	if pkg, err := p.Package(); err == nil {
		for _, n := range pkg.Scope().Names() {
			if !strings.HasPrefix(n, "__goconc") {
				names = append(names, n)
			}
		}
	}
	for _, id := range identifiers(code[:start] + code[end:]) {
		names = append(names, id)
	}
	res.Matches = filter(names, prefix)
	// The identifier being typed is not a completion of itself.
	if len(res.Matches) == 1 && res.Matches[0] == prefix {
		res.Matches = nil
	}
	return res
}

func isIdent(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

// identBefore returns the identifier ending at offset end.
func identBefore(code string, end int) string {
	start := end
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(code[:start])
		if !isIdent(r) {
			break
		}
		start -= size
	}
	return code[start:end]
}

// members returns the names after "base.": a package's exported members,
// or the fields and methods of a program variable or type.
func members(p *program.Program, base string) []string {
	if base == "" {
		return nil
	}
	pkg, _ := p.Package()
	if pkg != nil {
		if obj := pkg.Scope().Lookup(base); obj != nil {
			if pn, ok := obj.(*types.PkgName); ok {
				return exported(pn.Imported())
			}
			return fieldsAndMethods(obj.Type(), pkg)
		}
	}
	if path, ok := p.ImportPath(base); ok {
		if ip, err := p.Importer().Import(path); err == nil {
			return exported(ip)
		}
	}
	return nil
}

func exported(pkg *types.Package) []string {
	var out []string
	for _, n := range pkg.Scope().Names() {
		if token.IsExported(n) {
			out = append(out, n)
		}
	}
	return out
}

func fieldsAndMethods(t types.Type, from *types.Package) []string {
	var out []string
	ms := types.NewMethodSet(types.NewPointer(t))
	if _, isPtr := t.Underlying().(*types.Pointer); isPtr {
		ms = types.NewMethodSet(t)
	}
	for i := 0; i < ms.Len(); i++ {
		out = append(out, ms.At(i).Obj().Name())
	}
	st := t.Underlying()
	if pt, ok := st.(*types.Pointer); ok {
		st = pt.Elem().Underlying()
	}
	if s, ok := st.(*types.Struct); ok {
		for i := 0; i < s.NumFields(); i++ {
			f := s.Field(i)
			if f.Exported() || f.Pkg() == from {
				out = append(out, f.Name())
			}
		}
	}
	return out
}

// identifiers returns the identifiers written in code.
func identifiers(code string) []string {
	var out []string
	f := strings.FieldsFunc(code, func(r rune) bool { return !isIdent(r) })
	for _, w := range f {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsDigit(r) {
			out = append(out, w)
		}
	}
	return out
}

func filter(names []string, prefix string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		if strings.HasPrefix(n, prefix) && !seen[n] && !strings.HasPrefix(n, "__goconc") {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}
