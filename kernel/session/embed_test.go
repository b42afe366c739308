package session

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// embedFiles are the files beside the programs of TestEmbedAsGoBuild.
var embedFiles = map[string]string{
	"a.txt": "hi\n", "d/x.txt": "x\n", "d/sub/y.txt": "y\n", "d/.hidden": "z\n", "d/_w.txt": "w\n",
}

// embedPrograms are pasted whole into a cell, beside embedFiles, and
// must do what go run does there: print the files, or fail to build with
// go build's message at its place.
var embedPrograms = map[string]string{
	"files": `package main

import (
	"embed"
	"fmt"
	"io/fs"
)

//go:embed a.txt
var greeting string

//go:embed "a.txt"
var raw []byte

var (
	//go:embed a.txt d
	files embed.FS

	// all: keeps the files whose names begin with . or _
	//go:embed all:d
	all embed.FS
)

//go:embed d/*.txt
//go:embed d/sub
var some embed.FS

func list(name string, f embed.FS) {
	fs.WalkDir(f, ".", func(p string, d fs.DirEntry, err error) error {
		fmt.Println(name, p, d.IsDir(), err)
		return nil
	})
}

func main() {
	fmt.Printf("%q %q\n", greeting, raw)
	list("files", files)
	list("all", all)
	list("some", some)
	b, err := files.ReadFile("d/sub/y.txt")
	fmt.Printf("%q %v\n", b, err)
	_, err = files.Open("nope")
	fmt.Println(err)
	es, _ := files.ReadDir("d")
	for _, e := range es {
		fmt.Println(e.Name(), e.IsDir())
	}
}
`,
	"no_match":           "package main\n\nimport _ \"embed\"\n\n//go:embed nosuch.txt\nvar s string\n\nfunc main() { println(s) }\n",
	"bad_pattern":        "package main\n\nimport _ \"embed\"\n\n//go:embed ../a.txt\nvar s string\n\nfunc main() { println(s) }\n",
	"empty_dir_files":    "package main\n\nimport \"embed\"\n\n//go:embed d/sub/*.md\nvar f embed.FS\n\nfunc main() { _ = f }\n",
	"inside_func":        "package main\n\nimport _ \"embed\"\n\nfunc main() {\n\t//go:embed a.txt\n\tvar s string\n\tprintln(s)\n}\n",
	"initializer":        "package main\n\nimport _ \"embed\"\n\n//go:embed a.txt\nvar s string = \"x\"\n\nfunc main() { println(s) }\n",
	"no_import":          "package main\n\n//go:embed a.txt\nvar s string\n\nfunc main() { println(s) }\n",
	"two_files":          "package main\n\nimport _ \"embed\"\n\n//go:embed d\nvar s string\n\nfunc main() { println(s) }\n",
	"wrong_type":         "package main\n\nimport _ \"embed\"\n\n//go:embed a.txt\nvar n int\n\nfunc main() { println(n) }\n",
	"misplaced":          "package main\n\nimport _ \"embed\"\n\n//go:embed a.txt\nfunc main() {}\n",
	"no_pattern":         "package main\n\nimport _ \"embed\"\n\n//go:embed\nvar s string\n\nfunc main() { println(s) }\n",
	"not_alone":          "package main\n\nimport _ \"embed\"\n\nfunc main() {\n\tx := 1 //go:embed a.txt\n\tprintln(x)\n}\n",
	"before_a_statement": "package main\n\nimport _ \"embed\"\n\nfunc main() {\n\t//go:embed a.txt\n\tprintln(1)\n}\n",
	"multiple_vars":      "package main\n\nimport _ \"embed\"\n\n//go:embed a.txt\nvar s, t string\n\nfunc main() { println(s, t) }\n",
}

// goBuildPlace matches the place go build or go run gives an error:
// ./main.go:5:12: or main.go:5:12:.
var goBuildPlace = regexp.MustCompile(`(?m)^(\./)?main\.go:(\d+:\d+: )`)

func TestEmbedAsGoBuild(t *testing.T) {
	dir := t.TempDir()
	for name, text := range embedFiles {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir) // (the notebook's directory, which the evaluator inherits)
	for name, src := range embedPrograms {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := goRun(context.Background(), filepath.Join(dir, "main.go")).CombinedOutput()
			want := string(out)
			if err != nil {
				// The first error, at its place: L:C: message.
				m := goBuildPlace.FindStringSubmatchIndex(want)
				if m == nil {
					t.Fatalf("go run failed without a place: %v\n%s", err, want)
				}
				line, _, _ := strings.Cut(want[m[4]:], "\n")
				want = "ERROR " + line
			}
			got, ok := runProgramCell(t, src)
			if !ok {
				s := newTestSession(t)
				c := newCapture()
				r := s.Execute(context.Background(), Request{Code: src, Label: "[1]", Out: c})
				got = "ERROR " + strings.TrimPrefix(r.Evalue, "[1]:")
			}
			if got != want {
				t.Errorf("got:\n%s\nwant (go run):\n%s", got, want)
			}
		})
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Fatal(err)
	}
}
