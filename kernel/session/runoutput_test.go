package session

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/goconc/goconc/kernel/stdsource"
)

// goRunOutput are the programs of Go's test suite marked "// runoutput":
// each writes a program, which must print what it prints compiled.
// Written by nobody here, they test what generated code finds: bounds of
// every integer type, strength-reduced multiplications, a byte order mark,
// carriage returns in raw strings. The others are left out: index0.go's
// program (4,000 lines of slices and indexes checked for panics), 64bit.go's,
// clearfat.go's, rotate*.go's, slice3.go's, select5.go's, bug449.go's and
// issue5162.go's take minutes each as cells; convinline.go's converts floats
// out of int32's range, which the spec leaves to the implementation (gc on
// amd64 gives -2147483648, the interpreter what int64's does).
var goRunOutput = []string{
	"bom.go", "crlf.go", "mergemul.go", "strength.go",
	"fixedbugs/bug447.go", "fixedbugs/issue10407.go", "fixedbugs/issue7316.go",
}

func TestGoRunOutput(t *testing.T) {
	root, err := stdsource.NewLoader("", nil).GOROOT()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range goRunOutput {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			file := filepath.Join(root, "test", name)
			ctx, cancel := context.WithTimeout(context.Background(), programPatience)
			defer cancel()
			gen, err := goRun(ctx, file).Output()
			if err != nil {
				t.Fatalf("go run %s: %v", name, err)
			}
			dir := t.TempDir()
			prog := filepath.Join(dir, "main.go")
			if err := os.WriteFile(prog, gen, 0o644); err != nil {
				t.Fatal(err)
			}
			want, wantOK := runCompiled(t, prog)
			got, ok := runProgramCell(t, string(gen))
			if got != want || ok != wantOK {
				t.Errorf("the program %s writes: as a cell %.2000q (ok %v), compiled %.2000q (ok %v)", name, got, ok, want, wantOK)
			}
		})
	}
}
