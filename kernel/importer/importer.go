// Package importer makes go/types packages from the interpreter's symbol
// tables, so that cells are type-checked against exactly what the interpreter
// can run, with no Go toolchain needed.
//
// A symbol table maps an import path to the package's exported names, each a
// reflect.Value in the form `yaegi extract` writes: a nil pointer for a type,
// an addressable value for a variable, a function value for a function, a
// go/constant.Value for an untyped constant and a plain value for a typed
// one. Import turns those into types.Objects, converting reflect types to
// go/types types; a named type keeps its identity across packages, so
// http.Request.TLS and tls.ConnectionState are the same type.
package importer

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"sort"
	"strings"
	"sync"
)

// Symbols is the interpreter's table: "import/path/name" -> symbol -> value.
type Symbols = map[string]map[string]reflect.Value

// Importer is a types.Importer over a symbol table. It is safe for
// concurrent use.
type Importer struct {
	mu     sync.Mutex
	syms   map[string]map[string]reflect.Value // by import path
	names  map[string]string                   // import path -> package name
	pkgs   map[string]*types.Package
	filled map[string]bool
	named  map[reflect.Type]*types.Named
	// namedReflect maps back, for adding methods.
	namedReflect map[*types.Named]reflect.Type
	reexports    map[string]string // package path -> path of a package that re-exports its types
	pending      []*types.Named    // named types whose methods are still to add
	// sealed are the interfaces with unexported methods, and concrete the
	// other named types with methods, by package (see sealedMethods).
	sealed   map[string][]*types.Named
	concrete map[string][]*types.Named

	// Packages read from source (SetSource): their generic code has no
	// compiled form for the table to hold.
	sourcePaths map[string]bool
	source      func(path string) (*types.Package, error)
	sourceErr   map[string]error
	sourcePkgs  map[string]*types.Package // those read so far

	spellings map[string]string // see SetSpellings

	// The import graph (SetImports), and the paths of the packages whose
	// imports are set.
	imports     map[string][]string
	importNames map[string]string
	linked      map[string]bool

	aliases map[string]*types.Alias // by "import/path.Name"; see alias
}

// SetSource makes Import take the packages of paths from load, which reads
// them from source; when load fails, Import falls back to the table's
// package, if it has one, and SourceError says why.
func (im *Importer) SetSource(paths map[string]bool, load func(path string) (*types.Package, error)) {
	im.mu.Lock()
	defer im.mu.Unlock()
	im.sourcePaths, im.source, im.sourceErr = paths, load, map[string]error{}
	im.sourcePkgs = map[string]*types.Package{}
}

// SourceError returns why package path could not be read from source, or
// nil.
func (im *Importer) SourceError(path string) error {
	im.mu.Lock()
	defer im.mu.Unlock()
	return im.sourceErr[path]
}

// FromSource reports whether package path is read from source, so that the
// interpreter has no compiled package for it.
func (im *Importer) FromSource(path string) bool {
	im.mu.Lock()
	defer im.mu.Unlock()
	return im.sourcePaths[path] && im.sourceErr[path] == nil
}

// New returns an importer for the symbol table.
func New(table Symbols) *Importer {
	im := &Importer{
		syms:   map[string]map[string]reflect.Value{},
		names:  map[string]string{},
		pkgs:   map[string]*types.Package{},
		filled: map[string]bool{},
		named:  map[reflect.Type]*types.Named{},

		namedReflect: map[*types.Named]reflect.Type{},
		sealed:       map[string][]*types.Named{},
		concrete:     map[string][]*types.Named{},
		reexports:    map[string]string{},
		aliases:      map[string]*types.Alias{},
	}
	for key, syms := range table {
		i := strings.LastIndexByte(key, '/')
		if i < 0 {
			continue // "." and other non-package entries
		}
		path, name := key[:i], key[i+1:]
		if len(im.syms[path]) == 0 {
			im.syms[path] = map[string]reflect.Value{}
		}
		for k, v := range syms {
			im.syms[path][k] = v
		}
		im.names[path] = name
	}
	return im
}

// Has reports whether the table holds the package.
func (im *Importer) Has(path string) bool {
	_, ok := im.syms[path]
	return ok || im.sourcePaths[path]
}

// Compiled reports whether the table holds the package (the interpreter
// can import it), not only its source.
func (im *Importer) Compiled(path string) bool {
	_, ok := im.syms[path]
	return ok
}

// Name returns the package name of path ("rand" for "math/rand").
func (im *Importer) Name(path string) string { return im.names[path] }

// Paths returns every import path in the table, sorted.
func (im *Importer) Paths() []string {
	out := make([]string, 0, len(im.syms))
	for p := range im.syms {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// ReexportedBy returns the path of the package that re-exports the types
// of package path, such as "sync" for goconc's lib/sync, which stands in
// for it; ok is false if there is none.
func (im *Importer) ReexportedBy(path string) (string, bool) {
	im.mu.Lock()
	defer im.mu.Unlock()
	p, ok := im.reexports[path]
	return p, ok
}

// Symbols returns the raw symbols of path.
func (im *Importer) Symbols(path string) map[string]reflect.Value { return im.syms[path] }

// Import implements types.Importer.
func (im *Importer) Import(path string) (*types.Package, error) {
	im.mu.Lock()
	load := im.source
	if !im.sourcePaths[path] || im.sourceErr[path] != nil {
		load = nil
	}
	im.mu.Unlock()
	if load != nil {
		// Not under the lock: the source package imports others.
		pkg, err := load(path)
		im.mu.Lock()
		if err == nil {
			im.sourcePkgs[path] = pkg
			im.mu.Unlock()
			return pkg, nil
		}
		im.sourceErr[path] = err
		im.mu.Unlock()
	}
	if path == "unsafe" {
		// The language's own: Sizeof, Alignof and Offsetof are constants
		// go/types computes; the table holds Yaegi's conversions.
		return types.Unsafe, nil
	}
	im.mu.Lock()
	defer im.mu.Unlock()
	syms, ok := im.syms[path]
	if !ok {
		if err := im.sourceErr[path]; err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("package %q is not available in goconc", path)
	}
	pkg := im.pkg(path, im.names[path])
	if !im.filled[path] {
		im.filled[path] = true
		im.fill(pkg, syms)
		im.addPendingMethods()
		im.linkImports(pkg)
		pkg.MarkComplete()
	}
	return pkg, nil
}

func (im *Importer) pkg(path, name string) *types.Package {
	if p := im.pkgs[path]; p != nil {
		return p
	}
	if name == "" {
		name = im.names[path]
	}
	if name == "" {
		name = path[strings.LastIndexByte(path, '/')+1:]
	}
	p := types.NewPackage(path, name)
	im.pkgs[path] = p
	return p
}

func (im *Importer) fill(pkg *types.Package, syms map[string]reflect.Value) {
	names := make([]string, 0, len(syms))
	for n := range syms {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		if strings.HasPrefix(name, "_") || !token.IsExported(name) {
			continue // interface wrappers of the interpreter
		}
		if obj := im.object(pkg, name, syms[name]); obj != nil && pkg.Scope().Lookup(name) == nil {
			pkg.Scope().Insert(obj)
		}
	}
}

// alias returns the alias package path declares, name, of another
// standard package's type (os.FileMode, which is fs.FileMode), nil if
// name is none. Messages name the type as the alias where the
// declarations do, as go build's do: func(name string, mode os.FileMode)
// error. goconc's packages standing in for standard ones (lib/sync) are
// not aliases: their types are the standard ones to cells.
func (im *Importer) alias(path, name string) *types.Alias {
	key := path + "." + name
	if a, ok := im.aliases[key]; ok {
		return a
	}
	var a *types.Alias
	if v := im.syms[path][name]; v.IsValid() && v.Kind() == reflect.Pointer && v.IsNil() {
		elem := v.Type().Elem()
		if elem.Name() != "" && elem.PkgPath() != path && standard(path) && standard(elem.PkgPath()) {
			if n, ok := im.typ(elem).(*types.Named); ok {
				a = types.NewAlias(types.NewTypeName(token.NoPos, im.pkg(path, ""), name, nil), n)
			}
		}
	}
	im.aliases[key] = a
	return a
}

// standard reports whether path is a standard package's: its first
// element has no dot.
func standard(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return path != "" && !strings.Contains(first, ".")
}

var constantValue = reflect.TypeOf((*constant.Value)(nil)).Elem()

// object converts one symbol.
func (im *Importer) object(pkg *types.Package, name string, v reflect.Value) types.Object {
	if !v.IsValid() {
		return nil
	}
	t := v.Type()
	key := pkg.Path() + "." + name
	switch {
	case v.CanAddr():
		return types.NewVar(token.NoPos, pkg, name, im.spelled(key, im.typ(t)))
	case t.Kind() == reflect.Pointer && v.IsNil():
		if a := im.alias(pkg.Path(), name); a != nil {
			return a.Obj()
		}
		elem := t.Elem()
		if elem.Name() == name && elem.PkgPath() != "" {
			n := im.typ(elem)
			if named, ok := n.(*types.Named); ok && named.Obj().Pkg() == pkg {
				return named.Obj()
			}
			// The package re-exports a type of another package (an alias,
			// or a replacement type the interpreter substitutes).
			if named, ok := n.(*types.Named); ok && named.Obj().Pkg() != nil {
				im.reexports[named.Obj().Pkg().Path()] = pkg.Path()
			}
			return types.NewTypeName(token.NoPos, pkg, name, n)
		}
		return types.NewTypeName(token.NoPos, pkg, name, im.typ(elem))
	case t.Implements(constantValue) && t.Kind() != reflect.Interface:
		c := v.Interface().(constant.Value)
		return types.NewConst(token.NoPos, pkg, name, im.spelled(key, untypedFor(c)), c)
	case t.Kind() == reflect.Func:
		sig, _ := im.spelled(key, im.typ(t)).(*types.Signature)
		if sig == nil {
			return nil
		}
		return types.NewFunc(token.NoPos, pkg, name, sig)
	default:
		if c := constantOf(v); c != nil {
			return types.NewConst(token.NoPos, pkg, name, im.spelled(key, im.typ(t)), c)
		}
		return types.NewVar(token.NoPos, pkg, name, im.spelled(key, im.typ(t)))
	}
}

func untypedFor(c constant.Value) types.Type {
	switch c.Kind() {
	case constant.Bool:
		return types.Typ[types.UntypedBool]
	case constant.String:
		return types.Typ[types.UntypedString]
	case constant.Float:
		return types.Typ[types.UntypedFloat]
	case constant.Complex:
		return types.Typ[types.UntypedComplex]
	}
	return types.Typ[types.UntypedInt]
}

func constantOf(v reflect.Value) constant.Value {
	switch v.Kind() {
	case reflect.Bool:
		return constant.MakeBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return constant.MakeInt64(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return constant.MakeUint64(v.Uint())
	case reflect.Float32, reflect.Float64:
		return constant.MakeFloat64(v.Float())
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		return constant.BinaryOp(constant.MakeFloat64(real(c)), token.ADD, constant.MakeImag(constant.MakeFloat64(imag(c))))
	case reflect.String:
		return constant.MakeString(v.String())
	}
	return nil
}
