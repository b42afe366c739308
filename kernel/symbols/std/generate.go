//go:build ignore

// generate writes the symbol table of every standard package into this
// directory, one file per package, with `yaegi extract`'s generator; it is
// run by the go:generate line in std.go.
//
// Yaegi's generator hands os.Exit, os.FindProcess, log.Fatal* and log.New
// to stand-ins of its own stdlib package (which panic instead of exiting,
// and a *log.Logger that is a different type with fewer methods); here they
// are the real ones: the evaluator makes os.Exit and log.Fatal end it as
// they end a program, and a logger is a *log.Logger.
package main

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"

	"github.com/traefik/yaegi/extract"
)

// excluded are std.go's Excluded (generate cannot import the package it
// writes), and unsafe, which is the language's: Yaegi's own table has its
// conversions (kernel/symbols), go/types its constants.
var excluded = map[string]bool{
	"unsafe": true, "syscall/js": true, "plugin": true,
	"runtime/cgo": true, "runtime/race": true, "runtime/msan": true, "runtime/asan": true,
}

var untypedBools = regexp.MustCompile(`reflect\.ValueOf\((syscall\.ImplementsGetwd)\)`)

var standIns = regexp.MustCompile(`\b(os|log)(Exit|FindProcess|Fatal|Fatalf|Fatalln|Logger|New)\b`)

func main() {
	out, err := exec.Command("go", "list", "std").Output()
	if err != nil {
		log.Fatalf("go list std: %v", err)
	}
	old, _ := filepath.Glob("*.go")
	stale := map[string]bool{}
	for _, f := range old {
		if f != "std.go" && f != "generate.go" && f != "maptypes.go" && !strings.HasSuffix(f, "_test.go") {
			stale[f] = true
		}
	}
	ext := extract.Extractor{Dest: "std"}
	names := strings.NewReplacer("/", "-", ".", "_")
	for _, path := range strings.Fields(string(out)) {
		if excluded[path] || strings.HasPrefix(path, "cmd/") ||
			strings.Contains(path, "internal") || strings.Contains(path, "vendor") {
			continue
		}
		var buf bytes.Buffer
		if _, err := ext.Extract(path, "std", &buf); err != nil {
			log.Fatalf("extract %s: %v", path, err)
		}
		text := buf.Bytes()
		if path == "os" || path == "log" {
			text = standIns.ReplaceAll(text, []byte("$1.$2"))
		}
		file := names.Replace(path) + ".go"
		// The extractor writes an untyped bool constant as a bool value;
		// the interpreter and kernel/importer take a constant.Value as
		// untyped (TestEveryStandardSymbol finds any other).
		text = untypedBools.ReplaceAll(text, []byte("reflect.ValueOf(constant.MakeBool($1))"))
		if path == "syscall" {
			// Its symbols are the platform's: the file's name says which
			// one, so that a build for another leaves it out.
			file = "syscall_" + runtime.GOOS + "_" + runtime.GOARCH + ".go"
		}
		if err := os.WriteFile(file, text, 0o644); err != nil {
			log.Fatal(err)
		}
		delete(stale, file)
	}
	for f := range stale {
		os.Remove(f)
	}
	fmt.Println("generated the symbol tables of the standard library")
}
