package stdsource

import (
	"go/ast"
	"os"
	"strings"
	"testing"

	"github.com/goconc/goconc/kernel/importer"
	"github.com/goconc/goconc/kernel/symbols"
)

func TestEveryPackageLoads(t *testing.T) {
	l := NewLoader("", importer.New(symbols.All()))
	for path := range Paths {
		p, err := l.Load(path)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		if len(p.Types.Scope().Names()) == 0 {
			t.Errorf("%s declares nothing", path)
		}
	}
	for _, e := range Extensions {
		p, err := l.Extend(e)
		if err != nil {
			t.Errorf("extension of %s: %v", e.Path, err)
			continue
		}
		generic := 0
		for _, name := range p.Types.Scope().Names() {
			if fd, ok := l.decls[p.Types.Scope().Lookup(name)].(*ast.FuncDecl); ok && fd.Type.TypeParams != nil {
				generic++
			}
		}
		if generic == 0 && e.Path != "sync/atomic" {
			t.Errorf("extension of %s has no generic function", e.Path)
		}
	}
}

// A patch names a function of Go's source: if a Go release renames it,
// the patch would silently stop applying.
func TestEveryPatchApplies(t *testing.T) {
	l := NewLoader("", importer.New(symbols.All()))
	root, err := l.GOROOT()
	if err != nil {
		t.Fatal(err)
	}
	for path, fns := range Patches {
		var src strings.Builder
		dir := root + "/src/" + path
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".go") && !strings.HasSuffix(e.Name(), "_test.go") {
				data, _ := os.ReadFile(dir + "/" + e.Name())
				src.WriteString(patch(path, e.Name(), string(data)))
			}
		}
		for name, text := range fns {
			if !strings.Contains(src.String(), text) {
				t.Errorf("the patch of %s.%s did not apply: Go's source has no such function", path, name)
			}
		}
	}
}

// The copy of lib/sync's generic functions that cells instantiate is the
// code lib/sync compiles (go generate makes it).
func TestExtensionsAreCurrent(t *testing.T) {
	lib, err := os.ReadFile("../../lib/sync/oncefunc.go")
	if err != nil {
		t.Fatal(err)
	}
	copied, err := extensionFiles.ReadFile("extensions/sync_oncefunc.go.txt")
	if err != nil {
		t.Fatal(err)
	}
	if string(lib) != string(copied) {
		t.Error("extensions/sync_oncefunc.go.txt differs from lib/sync/oncefunc.go: run go generate ./kernel/stdsource")
	}
}

func TestNoGoSourceSaysWhatToDo(t *testing.T) {
	l := NewLoader("/nonexistent/go", importer.New(symbols.All()))
	_, err := l.Load("slices")
	if err == nil || !strings.Contains(err.Error(), "found none (looked in /nonexistent/go): install Go, or set GOROOT") {
		t.Errorf("loading from a missing tree: %v", err)
	}
	// unique is goconc's own text: it needs no tree.
	if _, err := l.Load("unique"); err != nil {
		t.Errorf("unique: %v", err)
	}
}
