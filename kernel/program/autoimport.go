package program

import (
	"sort"
	"strings"
)

// preferred says which package a name means when several share it.
var preferred = map[string]string{
	"rand":         "math/rand",
	"template":     "text/template",
	"scanner":      "text/scanner",
	"pprof":        "runtime/pprof",
	"trace":        "github.com/goconc/goconc/lib/trace",
	"errgroup":     "golang.org/x/sync/errgroup",
	"singleflight": "golang.org/x/sync/singleflight",
	"semaphore":    "golang.org/x/sync/semaphore",
	"parser":       "go/parser",
	"constant":     "go/constant",
	"format":       "go/format",
	"build":        "go/build",
	"doc":          "go/doc",
	"syntax":       "regexp/syntax",
	"ast":          "go/ast",
	"types":        "go/types",
	"token":        "go/token",
	"importer":     "go/importer",
	"printer":      "go/printer",
	"color":        "image/color",
	"draw":         "image/draw",
	"palette":      "image/color/palette",
	"atomic":       "sync/atomic",
	"signal":       "os/signal",
	"exec":         "os/exec",
	"user":         "os/user",
	"url":          "net/url",
	"filepath":     "path/filepath",
	"json":         "encoding/json",
	"xml":          "encoding/xml",
	"csv":          "encoding/csv",
	"hex":          "encoding/hex",
	"base64":       "encoding/base64",
	"binary":       "encoding/binary",
}

// autoImportTable maps package names to the path a cell means when it uses
// the name without importing it, as goimports would choose.
func autoImportTable(imp interface {
	Paths() []string
	Name(string) string
}) map[string]string {
	out := map[string]string{}
	paths := imp.Paths()
	sort.SliceStable(paths, func(i, j int) bool { return rank(paths[i]) < rank(paths[j]) })
	for _, path := range paths {
		if strings.Contains(path, "internal") || strings.Contains(path, "gophernotes") {
			continue
		}
		name := imp.Name(path)
		if _, ok := out[name]; !ok {
			out[name] = path
		}
	}
	for name, path := range preferred {
		for _, p := range paths {
			if p == path {
				out[name] = path
			}
		}
	}
	return out
}

// rank orders paths: the standard library first, shorter paths first.
func rank(path string) int {
	r := strings.Count(path, "/") * 10
	if strings.Contains(strings.SplitN(path, "/", 2)[0], ".") {
		r += 1000
	}
	return r
}

// autoImport adds an import for each package name the cell uses without
// importing it, and reports whether it added any.
func (p *Program) autoImport(c *checked, ps *parsed, next *state) bool {
	added := false
	for _, te := range c.errs {
		name, ok := strings.CutPrefix(te.Msg, "undefined: ")
		if !ok {
			continue
		}
		path, known := p.autoPkgs[name]
		if !known || next.importNamed(name) != nil {
			continue
		}
		off := c.offset(te.Pos)
		if end := off + len(name); end < len(c.src) && c.src[end] == '.' {
			next.imports = append(next.imports, &Import{Name: name, Path: path, Auto: true})
			added = true
		}
	}
	return added
}
