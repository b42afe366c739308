// Package stdsource reads the standard library's generic packages (slices,
// maps, cmp, iter) from the Go source tree and type-checks them, so that
// cells are checked against their real generic API and kernel/generics can
// instantiate their real code.
//
// The interpreter's symbol tables hold compiled code, and generic code
// cannot be compiled before it is instantiated: the tables have no
// slices.Sort. The Go toolchain's source is on every machine goconc runs
// on (it needs the go command for %%race): GOROOT/src/slices is the code
// Go itself would compile.
//
// A few functions of these packages have no Go body (they are linked to
// the runtime) or use unsafe, which cells cannot; Patches replaces them
// with Go that means the same.
package stdsource

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"embed"
)

// Paths are the packages read from source, whole.
var Paths = map[string]bool{"cmp": true, "iter": true, "maps": true, "slices": true, "unique": true}

//go:embed extensions/*.go.txt
var extensionFiles embed.FS

// texts are packages, or parts, that goconc writes itself instead of
// reading Go's: Go's are built on the runtime (unique's weak pointers) or
// on unsafe (atomic.Pointer). Each keeps Go's API and meaning.
var texts = map[string]string{"unique": "extensions/unique.go.txt"}

// Extension is generic code added to a package the interpreter has
// compiled, whose generic part it cannot have.
type Extension struct {
	Path string // the package extended
	// One of: a file of GOROOT/src, or a file of goconc's (extensions/).
	GOROOT, Text string
	// Dot says the code names the package's compiled objects unqualified
	// (Once in sync), as code inside the package does.
	Dot bool
	// Self says patched code names the compiled package by its name
	// (errors.As in errors' own code).
	Self bool
}

// ExtensionPrefix begins the path of the package an extension is checked
// as: goconc/extension/sync.
const ExtensionPrefix = "goconc/extension/"

// Extensions are the generic parts of compiled packages.
var Extensions = []Extension{
	// Cells get goconc's lib/sync for sync, instrumented: its own generic
	// functions, so that OnceValue's Once shows in timelines.
	{Path: "sync", Text: "extensions/sync_oncefunc.go.txt", Dot: true},
	{Path: "sync/atomic", Text: "extensions/atomic_pointer.go.txt", Dot: true},
	{Path: "errors", GOROOT: "errors/wrap.go", Self: true},
	// Go's are built on its internals (abi, unsafe, the FIPS 140 module):
	// these are written on the packages' public API.
	{Path: "math/rand/v2", Text: "extensions/rand_n.go.txt", Dot: true},
	{Path: "reflect", Text: "extensions/reflect_typefor.go.txt", Dot: true},
	{Path: "crypto/pbkdf2", Text: "extensions/pbkdf2_key.go.txt", Dot: true},
	{Path: "crypto/hkdf", Text: "extensions/hkdf.go.txt", Dot: true},
}

// Package is a package read from source and checked.
type Package struct {
	Types *types.Package
	Info  *types.Info
	Files []*ast.File
	// Src holds each file's text, by its token.File.
	Src map[*token.File]string
}

// Loader reads packages from one GOROOT. It is safe for concurrent use.
type Loader struct {
	Fset *token.FileSet
	// Imports resolves the imports of source packages that are not
	// source packages themselves (math/bits).
	Imports types.Importer

	mu     sync.Mutex
	goroot string // as asked for; found is the tree in use
	found  string
	pkgs   map[string]*Package
	errs   map[string]error
	decls  map[types.Object]ast.Node
	files  map[types.Object]*ast.File
}

// NewLoader returns a loader for the Go source tree at goroot ("" finds it:
// $GOROOT, the toolchain goconc was built with, `go env GOROOT`).
func NewLoader(goroot string, imports types.Importer) *Loader {
	return &Loader{Fset: token.NewFileSet(), Imports: imports, goroot: goroot,
		pkgs: map[string]*Package{}, errs: map[string]error{}, decls: map[types.Object]ast.Node{}, files: map[types.Object]*ast.File{}}
}

// GOROOT returns the Go source tree the loader reads, or an error saying
// why there is none.
func (l *Loader) GOROOT() (string, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.root()
}

func (l *Loader) root() (string, error) {
	if l.found != "" {
		return l.found, nil
	}
	var tried []string
	candidates := []func() string{func() string { return l.goroot }}
	if l.goroot == "" {
		goEnv := func() string {
			out, err := exec.Command("go", "env", "GOROOT").Output()
			if err != nil {
				return ""
			}
			return strings.TrimSpace(string(out))
		}
		// Cheapest first: asking the go command takes a process.
		candidates = []func() string{
			func() string { return os.Getenv("GOROOT") },
			runtime.GOROOT,
			goEnv,
			func() string { return "/usr/local/go" },
			func() string { return "/usr/lib/go" },
		}
	}
	for _, candidate := range candidates {
		c := candidate()
		if c == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(c, "src", "slices", "slices.go")); err == nil {
			l.found = c
			return c, nil
		}
		tried = append(tried, c)
	}
	return "", fmt.Errorf("goconc instantiates the standard library's generic code from the Go source tree, and found none (looked in %s): install Go, or set GOROOT to its directory", strings.Join(tried, ", "))
}

// Load returns the source package path, checked.
func (l *Loader) Load(path string) (*Package, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.load(path)
}

// Import implements types.Importer for source packages.
func (l *Loader) Import(path string) (*types.Package, error) {
	p, err := l.Load(path)
	if err != nil {
		return nil, err
	}
	return p.Types, nil
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

func (l *Loader) load(path string) (*Package, error) {
	if p := l.pkgs[path]; p != nil {
		return p, nil
	}
	if err := l.errs[path]; err != nil {
		return nil, err
	}
	p, err := l.read(path)
	if err != nil {
		l.errs[path] = err
		return nil, err
	}
	l.pkgs[path] = p
	return p, nil
}

func (l *Loader) read(path string) (*Package, error) {
	p := &Package{Src: map[*token.File]string{}}
	add := func(name, src string) error {
		f, err := parser.ParseFile(l.Fset, name, src, parser.SkipObjectResolution)
		if err != nil {
			return fmt.Errorf("parsing the Go source of %s: %v", path, err)
		}
		p.Files = append(p.Files, f)
		p.Src[l.Fset.File(f.Pos())] = src
		return nil
	}
	if text, ok := texts[path]; ok {
		data, err := extensionFiles.ReadFile(text)
		if err != nil {
			return nil, err
		}
		if err := add(path+"/"+strings.TrimSuffix(filepath.Base(text), ".txt"), string(data)); err != nil {
			return nil, err
		}
		return l.check(path, p)
	}
	root, err := l.root()
	if err != nil {
		return nil, err
	}
	ctx := build.Default
	ctx.GOROOT = root
	bp, err := ctx.Import(path, "", 0)
	if err != nil {
		return nil, fmt.Errorf("reading the Go source of %s: %v", path, err)
	}
	names := append([]string(nil), bp.GoFiles...)
	sort.Strings(names)
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(bp.Dir, name))
		if err != nil {
			return nil, err
		}
		if err := add(filepath.Join(bp.Dir, name), patch(path, name, string(data))); err != nil {
			return nil, err
		}
	}
	return l.check(path, p)
}

// Extend reads the generic code of an extension and checks it as a
// package of its own (path goconc/extension/PATH); its objects belong
// there, and the caller adds the generic ones to the extended package.
func (l *Loader) Extend(e Extension) (*Package, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	key := ExtensionPrefix + e.Path
	if p := l.pkgs[key]; p != nil {
		return p, nil
	}
	name, src := e.Text, ""
	if e.Text != "" {
		data, err := extensionFiles.ReadFile(e.Text)
		if err != nil {
			return nil, err
		}
		name, src = e.Path+"/"+strings.TrimSuffix(filepath.Base(e.Text), ".txt"), string(data)
	} else {
		root, err := l.root()
		if err != nil {
			return nil, err
		}
		name = filepath.Join(root, "src", e.GOROOT)
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		src = patch(e.Path, filepath.Base(name), string(data))
	}
	if e.Dot || e.Self {
		// On the package clause's line, so the lines stay.
		imp := fmt.Sprintf("; import . %q", e.Path)
		if e.Self {
			imp = fmt.Sprintf("; import %s %q", filepath.Base(e.Path), e.Path)
		}
		if i := strings.Index(src, "\npackage "); i >= 0 || strings.HasPrefix(src, "package ") {
			j := strings.IndexByte(src[i+1:], '\n') + i + 1
			src = src[:j] + imp + src[j:]
		}
	}
	p := &Package{Src: map[*token.File]string{}}
	f, err := parser.ParseFile(l.Fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("parsing %s: %v", name, err)
	}
	p.Files = []*ast.File{f}
	p.Src[l.Fset.File(f.Pos())] = src
	p, err = l.check(key, p)
	if err != nil {
		return nil, err
	}
	l.pkgs[key] = p
	return p, nil
}

// check type-checks the files of p as package path and indexes their
// declarations.
func (l *Loader) check(path string, p *Package) (*Package, error) {
	p.Info = &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Instances:  map[*ast.Ident]types.Instance{},
	}
	conf := types.Config{
		Importer: importerFunc(func(imp string) (*types.Package, error) {
			if Paths[imp] {
				q, err := l.load(imp)
				if err != nil {
					return nil, err
				}
				return q.Types, nil
			}
			if imp == "unsafe" {
				return types.Unsafe, nil
			}
			return l.Imports.Import(imp)
		}),
		// The runtime's internal packages are not needed by what cells
		// instantiate; an error in code that needs them stays unused.
		Error: func(error) {},
	}
	p.Types, _ = conf.Check(path, l.Fset, p.Files, p.Info)
	if p.Types == nil {
		return nil, fmt.Errorf("type-checking the Go source of %s failed", path)
	}
	for _, f := range p.Files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if obj := p.Info.Defs[d.Name]; obj != nil {
					l.decls[obj], l.files[obj] = d, f
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if obj := p.Info.Defs[s.Name]; obj != nil {
							l.decls[obj], l.files[obj] = s, f
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if obj := p.Info.Defs[n]; obj != nil {
								l.decls[obj], l.files[obj] = s, f
							}
						}
					}
				}
			}
		}
	}
	return p, nil
}

// Decl returns the declaration of a package-level object of a source
// package (a *ast.FuncDecl, *ast.TypeSpec or *ast.ValueSpec), the package
// and the file it is in; ok is false for other objects.
func (l *Loader) Decl(obj types.Object) (decl ast.Node, p *Package, f *ast.File, ok bool) {
	if obj == nil || obj.Pkg() == nil {
		return nil, nil, nil, false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	p = l.pkgs[obj.Pkg().Path()]
	if p == nil || p.Types != obj.Pkg() {
		return nil, nil, nil, false
	}
	d := l.decls[obj]
	return d, p, l.files[obj], d != nil
}

// Methods returns the method declarations of a named type of a source
// package.
func (l *Loader) Methods(tn *types.TypeName) []*ast.FuncDecl {
	l.mu.Lock()
	defer l.mu.Unlock()
	n, ok := tn.Type().(*types.Named)
	if !ok {
		return nil
	}
	var out []*ast.FuncDecl
	for i := 0; i < n.NumMethods(); i++ {
		if fd, ok := l.decls[n.Method(i)].(*ast.FuncDecl); ok {
			out = append(out, fd)
		}
	}
	return out
}
