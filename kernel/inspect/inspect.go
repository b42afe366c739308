// Package inspect answers "what is this?" about the Go name under the
// cursor: its declaration, its signature and its documentation, from the
// notebook's program or from the standard library's source when the Go
// toolchain is installed.
package inspect

import (
	"fmt"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/goconc/goconc/kernel/program"
)

// Inspect describes the name at byte offset cursor of code. detail 1 adds
// the full source of notebook declarations.
func Inspect(p *program.Program, code string, cursor, detail int) (string, bool) {
	base, name := nameAt(code, cursor)
	if name == "" {
		return "", false
	}
	if base != "" {
		if path, ok := p.ImportPath(base); ok {
			return packageMember(p, path, name)
		}
		return "", false
	}
	if text, ok := keywordDocs[name]; ok {
		return text, true
	}
	if src, label, ok := p.DeclSource(name); ok {
		text := fmt.Sprintf("%s (declared in cell %s)", firstLineOf(src), label)
		if pkg, err := p.Package(); err == nil {
			if obj := pkg.Scope().Lookup(name); obj != nil {
				text = types.ObjectString(obj, types.RelativeTo(pkg)) + "  (declared in cell " + label + ")"
			}
		}
		if detail > 0 {
			text += "\n\n" + src
		} else if doc := leadingComment(src); doc != "" {
			text += "\n\n" + doc
		}
		return text, true
	}
	if path, ok := p.ImportPath(name); ok {
		return fmt.Sprintf("package %s (import %q)\n\n%s", name, path, packageDoc(path)), true
	}
	if obj := types.Universe.Lookup(name); obj != nil {
		text := types.ObjectString(obj, nil)
		if d := builtinDoc(name); d != "" {
			text += "\n\n" + d
		}
		return text, true
	}
	return "", false
}

// nameAt returns the identifier at or before the cursor and, for a selector
// a.b, the identifier before the dot.
func nameAt(code string, cursor int) (base, name string) {
	if cursor > len(code) {
		cursor = len(code)
	}
	isID := func(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }
	start, end := cursor, cursor
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(code[:start])
		if !isID(r) {
			break
		}
		start -= size
	}
	for end < len(code) {
		r, size := utf8.DecodeRuneInString(code[end:])
		if !isID(r) {
			break
		}
		end += size
	}
	if start == end && cursor > 0 && code[cursor-1] == '(' {
		// Just after "f(": inspect f.
		return nameAt(code, cursor-1)
	}
	name = code[start:end]
	if start > 0 && code[start-1] == '.' {
		b := start - 1
		for b > 0 {
			r, size := utf8.DecodeLastRuneInString(code[:b])
			if !isID(r) {
				break
			}
			b -= size
		}
		base = code[b : start-1]
	}
	return base, name
}

func packageMember(p *program.Program, path, name string) (string, bool) {
	pkg, err := p.Importer().Import(path)
	if err != nil {
		return "", false
	}
	obj := pkg.Scope().Lookup(name)
	if obj == nil {
		return "", false
	}
	text := describe(obj)
	if d := memberDoc(path, name); d != "" {
		text += "\n\n" + d
	}
	return text, true
}

// describe writes an object of a package, qualified by package names; a
// type shows its exported fields and its methods rather than its layout.
func describe(obj types.Object) string {
	qual := func(p *types.Package) string { return p.Name() }
	tn, ok := obj.(*types.TypeName)
	if !ok {
		return types.ObjectString(obj, qual)
	}
	var b strings.Builder
	kind := "struct"
	switch u := tn.Type().Underlying().(type) {
	case *types.Interface:
		kind = "interface"
	case *types.Struct:
		var fields []string
		for i := 0; i < u.NumFields(); i++ {
			if f := u.Field(i); f.Exported() {
				fields = append(fields, f.Name()+" "+types.TypeString(f.Type(), qual))
			}
		}
		if len(fields) > 0 {
			kind = "struct{ " + strings.Join(fields, "; ") + " }"
		}
	default:
		kind = types.TypeString(u, qual)
	}
	fmt.Fprintf(&b, "type %s.%s %s", obj.Pkg().Name(), obj.Name(), kind)
	ms := types.NewMethodSet(types.NewPointer(tn.Type()))
	var methods []string
	for i := 0; i < ms.Len(); i++ {
		m := ms.At(i).Obj()
		if m.Exported() {
			sig := types.TypeString(m.Type(), qual)
			methods = append(methods, m.Name()+strings.TrimPrefix(sig, "func"))
		}
	}
	if len(methods) > 0 {
		b.WriteString("\nmethods: " + strings.Join(methods, ", "))
	}
	return b.String()
}

func firstLineOf(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "//") {
			return strings.TrimSuffix(t, "{")
		}
	}
	return s
}

func leadingComment(src string) string {
	var out []string
	for _, l := range strings.Split(src, "\n") {
		t := strings.TrimSpace(l)
		if !strings.HasPrefix(t, "//") {
			break
		}
		out = append(out, strings.TrimSpace(strings.TrimPrefix(t, "//")))
	}
	return strings.Join(out, "\n")
}

// Documentation from the Go source tree, when it is installed.

var (
	docMu    sync.Mutex
	docCache = map[string]*doc.Package{}
	goroot   string
	rootOnce sync.Once
)

func sourceRoot() string {
	rootOnce.Do(func() {
		for _, dir := range []string{os.Getenv("GOROOT"), runtime.GOROOT()} {
			if dir != "" {
				if _, err := os.Stat(filepath.Join(dir, "src", "fmt")); err == nil {
					goroot = dir
					return
				}
			}
		}
		if out, err := exec.Command("go", "env", "GOROOT").Output(); err == nil {
			goroot = strings.TrimSpace(string(out))
		}
	})
	return goroot
}

// docFor parses a standard package's documentation.
func docFor(path string) *doc.Package {
	docMu.Lock()
	defer docMu.Unlock()
	if d, ok := docCache[path]; ok {
		return d
	}
	docCache[path] = nil
	root := sourceRoot()
	if root == "" || strings.Contains(path, ".") {
		return nil
	}
	dir := filepath.Join(root, "src", path)
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, dir, func(fi os.FileInfo) bool {
		return !strings.HasSuffix(fi.Name(), "_test.go")
	}, parser.ParseComments)
	if err != nil {
		return nil
	}
	name := filepath.Base(path)
	var files []*ast.File
	for pn, p := range pkgs {
		if pn == name || len(pkgs) == 1 {
			for _, f := range p.Files {
				files = append(files, f)
			}
		}
	}
	d, err := doc.NewFromFiles(fset, files, path)
	if err != nil {
		return nil
	}
	docCache[path] = d
	return d
}

func packageDoc(path string) string {
	if d := docFor(path); d != nil {
		return d.Synopsis(d.Doc)
	}
	return ""
}

func memberDoc(path, name string) string {
	d := docFor(path)
	if d == nil {
		return ""
	}
	for _, f := range d.Funcs {
		if f.Name == name {
			return f.Doc
		}
	}
	for _, t := range d.Types {
		if t.Name == name {
			return t.Doc
		}
		for _, f := range t.Funcs {
			if f.Name == name {
				return f.Doc
			}
		}
	}
	for _, group := range [][]*doc.Value{d.Vars, d.Consts} {
		for _, v := range group {
			for _, n := range v.Names {
				if n == name {
					return v.Doc
				}
			}
		}
	}
	return ""
}

func builtinDoc(name string) string { return memberDoc("builtin", name) }

// keywordDocs explain the keywords of concurrency, which learners inspect.
var keywordDocs = map[string]string{
	"go":     "go f(x) starts f(x) in a new goroutine. f and x are evaluated now, in the current goroutine; the call runs concurrently. The program does not wait for it: use a sync.WaitGroup or a channel to wait.",
	"chan":   "chan T is a channel of T values. make(chan T) is unbuffered: a send waits for a receiver. make(chan T, n) holds up to n values. chan<- T can only send, <-chan T can only receive.",
	"select": "select waits on several channel operations and runs the first that can proceed; if several can, it picks one at random. A default case runs when none is ready. A nil channel's case never proceeds.",
	"defer":  "defer f(x) calls f(x) when the surrounding function returns, in last-in-first-out order. f and x are evaluated at the defer statement. Deferred calls run even when the function panics, and may recover().",
	"range":  "for v := range ch receives from ch until it is closed. for i, v := range s iterates a slice, for k, v := range m a map, for i := range n counts from 0 to n-1.",
}
