package symbols

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// The generated import graph is the one of the Go that builds goconc:
// regenerate it (go generate ./kernel/symbols/std) when this fails.
func TestImportsAreGoList(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}\t{{.Name}}\t{{join .Imports \" \"}}", "std").Output()
	if err != nil {
		t.Skipf("no go list to compare with: %v", err)
	}
	imports, names := Imports()
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(line, "\t")
		path, name := f[0], f[1]
		if strings.HasPrefix(path, "cmd/") {
			continue
		}
		want := slices.DeleteFunc(strings.Fields(f[2]), func(p string) bool { return p == "C" })
		if got := imports[path]; !slices.Equal(got, want) {
			t.Errorf("%s imports %v, the table says %v: run go generate ./kernel/symbols/std", path, want, got)
		}
		if got, ok := names[path]; ok && got != name || !ok && !strings.HasSuffix(path, "/"+name) && path != name {
			t.Errorf("%s is package %s, the table says %q: run go generate ./kernel/symbols/std", path, name, got)
		}
	}
}
