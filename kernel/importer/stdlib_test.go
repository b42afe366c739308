package importer

import (
	"go/importer"
	"go/token"
	"go/types"
	"os/exec"
	"sort"
	"strings"
	"testing"

	"github.com/goconc/goconc/kernel/stdsource"
	"github.com/goconc/goconc/kernel/symbols"
	"github.com/goconc/goconc/kernel/symbols/std"
)

// knownGaps are exported objects of the standard library that cells do not
// have, each with the reason. The test fails on any other, and on an entry
// here that is no longer a gap.
var knownGaps = map[string]string{
	"database/sql.Null":            "generic, and its Scan converts through database/sql's unexported convertAssign",
	"hash/maphash.Comparable":      "generic, built on the runtime's hash of a value's memory, which the interpreter's values do not share",
	"hash/maphash.WriteComparable": "as Comparable",
	"runtime.AddCleanup":           "generic, and tied to the garbage collector freeing an object, which an interpreted value is not alone in holding",
	"weak.Make":                    "generic: the garbage collector's weak pointers; a stand-in that holds on strongly would never become nil, a silent difference",
	"weak.Pointer":                 "as Make",
}

// TestEveryStandardSymbol checks what cells can import against go/types'
// view of GOROOT's source: every package `go list std` names (but those
// excluded), every exported constant, variable, function and type, and
// every exported method, with the same kind and signature. Cells see the
// table goconc runs with (symbols.All: goconc's sync and context stand in
// for the standard ones) and the generic packages and functions read from
// source (kernel/stdsource), as a session does.
func TestEveryStandardSymbol(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the whole standard library's source")
	}
	out, err := exec.Command("go", "list", "std").Output()
	if err != nil {
		t.Fatalf("go list std: %v", err)
	}
	im := New(symbols.All())
	stdsource.NewLoader("", im).Attach(im)
	fset := token.NewFileSet()
	src := importer.ForCompiler(fset, "source", nil)

	// goconc's packages that stand in for standard ones are named by the
	// standard paths, as cells name them.
	var pairs []string
	for std, lib := range symbols.Replaced {
		pairs = append(pairs, lib[:strings.LastIndexByte(lib, '/')]+".", std[:strings.LastIndexByte(std, '/')]+".")
	}
	standIns := strings.NewReplacer(pairs...)
	var gaps, wrong []string
	packages, objects := 0, 0
	for _, path := range strings.Fields(string(out)) {
		if strings.HasPrefix(path, "cmd/") || strings.Contains(path, "internal") || strings.Contains(path, "vendor") {
			continue
		}
		if _, ok := std.Excluded[path]; ok {
			if im.Has(path) {
				t.Errorf("%s is listed as excluded but cells can import it", path)
			}
			continue
		}
		want, err := src.Import(path)
		if err != nil {
			t.Fatalf("reading %s from source: %v", path, err)
		}
		got, err := im.Import(path)
		if err != nil {
			gaps = append(gaps, path+" (the package)")
			continue
		}
		packages++
		for _, name := range want.Scope().Names() {
			w := want.Scope().Lookup(name)
			if !w.Exported() {
				continue
			}
			objects++
			key := path + "." + name
			g := got.Scope().Lookup(name)
			if g == nil {
				gaps = append(gaps, key)
				continue
			}
			if d := differs(g, w, standIns.Replace); d != "" {
				wrong = append(wrong, key+": "+d)
				continue
			}
			tn, ok := w.(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			if _, isIface := tn.Type().Underlying().(*types.Interface); isIface {
				continue
			}
			have := methods(g.Type())
			for m, ws := range methods(w.Type()) {
				objects++
				gs, ok := have[m]
				switch {
				case !ok:
					gaps = append(gaps, key+"."+m)
				case standIns.Replace(gs) != ws:
					wrong = append(wrong, key+"."+m+":\n    got  "+gs+"\n    want "+ws)
				}
			}
		}
	}
	t.Logf("%d packages, %d exported objects and methods compared: %d missing, %d different", packages, objects, len(gaps), len(wrong))
	sort.Strings(gaps)
	for _, g := range gaps {
		if _, known := knownGaps[g]; !known {
			t.Errorf("cells lack %s", g)
		}
	}
	for k := range knownGaps {
		if !contains(gaps, k) {
			t.Errorf("%s is listed as a known gap but cells have it: take it off the list", k)
		}
	}
	for _, w := range wrong {
		t.Errorf("%s", w)
	}
}

// differs says how object g, as cells see it, differs from w, as the
// source declares it, or returns "". norm writes g's signature with the
// standard paths of goconc's stand-in packages.
func differs(g, w types.Object, norm func(string) string) string {
	if kind(g) != kind(w) {
		if _, isConst := w.(*types.Const); isConst {
			if _, isVar := g.(*types.Var); isVar {
				// A typed constant reaches the table as a value.
				if norm(sig(g.Type(), 0)) == sig(w.Type(), 0) {
					return ""
				}
			}
		}
		return kind(g) + ", the source says " + kind(w)
	}
	gs, ws := sig(g.Type(), 0), sig(w.Type(), 0)
	if _, isType := g.(*types.TypeName); isType {
		gs, ws = sig(g.Type().Underlying(), 0), sig(w.Type().Underlying(), 0)
	}
	if gs = norm(gs); gs != ws && !(isUntyped(g) && isUntyped(w)) {
		return "\n    got  " + gs + "\n    want " + ws
	}
	return ""
}

// methods returns the exported methods of *T, by name, as signatures.
func methods(t types.Type) map[string]string {
	ms := types.NewMethodSet(types.NewPointer(t))
	out := map[string]string{}
	for i := 0; i < ms.Len(); i++ {
		if f := ms.At(i).Obj(); f.Exported() {
			out[f.Name()] = sig(f.Type(), 0)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	i := sort.SearchStrings(list, s)
	return i < len(list) && list[i] == s
}
