// Package symbols composes the table of compiled packages that cells can
// import: the standard library of the Go that builds goconc (kernel/symbols/std), golang.org/x/sync,
// golang.org/x/time/rate, the Go Tour's packages (golang.org/x/tour), goconc's display API and lib. The interpreter runs with this table and the
// type checker sees exactly the same one, so what checks also runs.
package symbols

import (
	"reflect"
	"strings"
	"sync"

	"github.com/traefik/yaegi/stdlib/unsafe"

	"github.com/goconc/goconc/kernel/symbols/extracted"
	"github.com/goconc/goconc/kernel/symbols/std"
)

// Table is "import/path/name" -> symbol -> value.
type Table = map[string]map[string]reflect.Value

// DisplayPath is the import path of the display API; gophernotes' path is
// an alias of it.
const (
	DisplayPath     = "github.com/goconc/goconc/kernel/display"
	GophernotesPath = "github.com/gopherdata/gophernotes"
)

var (
	once  sync.Once
	table Table
)

// Replaced maps the symbol keys of packages cells import to those of the
// lib packages that stand in for them: same API, instrumented.
var Replaced = map[string]string{
	"sync/sync":       "github.com/goconc/goconc/lib/sync/sync",
	"context/context": "github.com/goconc/goconc/lib/context/context",
	"golang.org/x/sync/singleflight/singleflight": "github.com/goconc/goconc/lib/singleflight/singleflight",
	"golang.org/x/sync/errgroup/errgroup":         "github.com/goconc/goconc/lib/errgroup/errgroup",
	"golang.org/x/sync/semaphore/semaphore":       "github.com/goconc/goconc/lib/semaphore/semaphore",
	// The tour's pictures are shown below the cell, not printed as the
	// playground's IMAGE: line.
	"golang.org/x/tour/pic/pic": "github.com/goconc/goconc/kernel/display/pic/pic",
}

// Spellings returns how the table's packages declare the types that
// write byte, rune or any, or name parameters (kernel/importer's
// SetSpellings): the standard library's, generated. Callers must not
// modify it.
func Spellings() map[string]string { return std.Spellings }

// Imports returns, by import path, the packages each standard package
// imports, and the names of those not named by their path's last element
// (kernel/importer's SetImports): generated. Callers must not modify
// them.
func Imports() (imports map[string][]string, names map[string]string) {
	importsOnce.Do(func() {
		stdImports = make(map[string][]string, len(std.Imports))
		for path, list := range std.Imports {
			stdImports[path] = strings.Fields(list)
		}
	})
	return stdImports, std.Names
}

var (
	importsOnce sync.Once
	stdImports  map[string][]string
)

// All returns the composed table. Callers must not modify it.
func All() Table {
	once.Do(func() {
		table = Table{}
		for k, v := range std.Symbols {
			table[k] = v
		}
		for k, v := range extracted.Symbols {
			table[k] = v
		}
		// unsafe: Pointer, Add and the interpreter's conversions between
		// pointers, unsafe.Pointer and uintptr (Sizeof, Alignof and
		// Offsetof are constants in cells: see program's constCalls).
		for k, v := range unsafe.Symbols {
			table[k] = v
		}
		table[GophernotesPath+"/display"] = table[DisplayPath+"/display"]
		// Cells get goconc's instrumented packages under the standard
		// names, so that ordinary code is traced.
		for std, lib := range Replaced {
			table[std] = table[lib]
		}
	})
	return table
}
