package program

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// go build names a package by its quoted path where two packages of the
// program share its name: the program is everything its imports import
// (sync imports internal/sync; net/http's imports import crypto/rand;
// fmt's, internal/runtime/atomic), and a goconc package standing in for a
// standard one (lib/sync) is named as the standard one. Each program is
// built by go build, and its messages compared with the cell's.
func TestPackagePathsAsGoBuild(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command to compare with")
	}
	programs := []string{
		`import "sync"
func main() { var wg sync.WaitGroup; wg = 3; _ = wg }`,
		`import ("math/rand"; "net/http")
func main() { var r *rand.Rand = 4; var c http.Client = 5; _, _ = r, c }`,
		`import ("math/rand"; "mime/multipart")
func main() { var r *rand.Rand = 4; _, _ = r, multipart.ErrMessageTooLarge }`,
		`import "sync/atomic"
func main() { var x atomic.Int32 = 5; _ = x }`,
		`import ("fmt"; "sync/atomic")
func main() { var x atomic.Int32 = 5; fmt.Println(&x) }`,
		`import ("context"; "text/template")
func main() { var c context.Context = 1; var t *template.Template = 2; _, _ = c, t }`,
		`import ("crypto/ecdsa"; "crypto/ed25519")
func main() { var x int = ecdsa.GenerateKey; var y int = ed25519.GenerateKey; _, _ = x, y }`,
	}
	dir := t.TempDir()
	for i, body := range programs {
		file := filepath.Join(dir, "main.go")
		if err := os.WriteFile(file, []byte("package main\n\n"+body+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("go", "build", "-o", os.DevNull, "main.go")
		cmd.Dir = dir
		out, _ := cmd.CombinedOutput()
		var want []string
		for _, line := range strings.Split(string(out), "\n") {
			if _, msg, ok := strings.Cut(line, ".go:"); ok {
				want = append(want, message(msg))
			}
		}
		if len(want) == 0 {
			t.Fatalf("program %d: go build found no errors:\n%s", i, out)
		}
		var got []string
		_, err := New(imp).Compile("[1]", strings.Replace(body, "func main()", "func program()", 1))
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if msg, ok := strings.CutPrefix(line, "[1]:"); ok {
					got = append(got, message(msg))
				}
			}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("program %d:\n%s\ngoconc:\n%s\ngo build:\n%s", i, body, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// message returns msg without its line and column ("3:20: cannot use..."):
// the programs' lines are laid out otherwise for go build.
func message(msg string) string {
	_, msg, _ = strings.Cut(msg, ": ")
	return msg
}
