// Package program keeps the Go program that a notebook builds up, cell by
// cell, and turns each new cell into code for the interpreter.
//
// The program is an ordinary Go package: the notebook's imports, its
// declarations (the latest version of each), and its global variables. A
// variable a cell defines at its top level (x := 1, var y = f()) becomes a
// package-level variable, so later cells and functions see it; the cell's
// statements become the body of a function that runs once.
//
// Compile checks a cell against the program with go/types, in the Go
// compiler's words and at the cell's line and column, before anything runs.
// It then produces the code the interpreter runs. Functions and methods are
// called through variables in that code, so redefining a function in a later
// cell takes effect everywhere; when a redefinition cannot take effect in
// place (a type changed), the unit asks for a rebuild: a fresh interpreter
// that gets the whole program and replays the bodies of earlier cells.
package program

import (
	"fmt"
	"go/types"
	"sort"
	"strings"

	"github.com/goconc/goconc/kernel/cell"
	"github.com/goconc/goconc/kernel/generics"
	"github.com/goconc/goconc/kernel/importer"
)

// HooksPath is the import path of the helpers generated code calls; the
// evaluator provides it. Generated code imports it as HooksName.
const (
	HooksPath = "goconc/hooks"
	HooksName = "__goconc"
)

// Program is the notebook's Go program. It is not safe for concurrent use.
type Program struct {
	imp      *importer.Importer
	st       *state
	history  []historyCell
	autoPkgs map[string]string

	cached    *types.Package // the checked program, for completion
	cachedFor *state

	names *generics.Names // the instances' names, stable for the session

	// preludeGone are the declarations of the prelude (PreludeLabel) a
	// cell broke, by name, with why: dropped without a word, they are
	// named when a later cell uses one (explainPreludeGone).
	preludeGone map[string]string
}

// PreludeLabel labels the kernel's own cell, run first: the display API.
const PreludeLabel = "[prelude]"

type historyCell struct {
	label, src string
}

// state is the program at one point: what has been declared.
type state struct {
	imports []*Import
	decls   []*Decl
	globals []*Global
	roots   []*Root // what instantiates the derived declarations again
	// embedImported says a cell imported embed for its side effects
	// (import _ "embed"), which //go:embed requires (embeds.go).
	embedImported bool
}

func (s *state) clone() *state {
	return &state{
		imports:       append([]*Import(nil), s.imports...),
		decls:         append([]*Decl(nil), s.decls...),
		globals:       append([]*Global(nil), s.globals...),
		roots:         append([]*Root(nil), s.roots...),
		embedImported: s.embedImported,
	}
}

// Import is an import of the program.
type Import struct {
	Name string // the name code uses
	Path string
	Auto bool // added because a cell used the package without importing it
	// Dot marks a dot import (import . "strings"): Name is the name the
	// notebook imports it by too (dotimports.go).
	Dot bool
}

// Decl is a top-level declaration of the program (not a variable).
type Decl struct {
	Keys  []string  // the names it declares; "T.M" for a method M of T
	Kind  cell.Kind // Type, Const, Func or Method
	Src   string    // as written
	Label string    // the cell it came from, "[5]"
	Line  int       // its first line in that cell
	Col   int

	// sig is the signature text of an indirect func or method, "" if the
	// declaration is emitted as is (types, consts, generics).
	sig string
	// derived says the declaration is an instance of generic code, made
	// by the pipeline; generic says it is generic code, which the
	// interpreter never gets (its instances stand in for it).
	derived, generic bool
	// header is the declaration without its function's body, once made
	// (withoutBody).
	header *string
}

// Global is a package-level variable of the program.
type Global struct {
	Name  string
	Type  string // as Go source, qualified with the program's import names
	Label string
	Line  int
	Col   int
}

// New returns an empty program checked against the packages of imp.
func New(imp *importer.Importer) *Program {
	return &Program{imp: imp, st: &state{}, autoPkgs: autoImportTable(imp), names: generics.NewNames()}
}

// Imports returns the program's imports.
func (p *Program) Imports() []*Import { return p.st.imports }

// Decls returns the program's declarations, as the user wrote them.
func (p *Program) Decls() []*Decl { return userDecls(p.st.decls) }

// Globals returns the program's global variables.
func (p *Program) Globals() []*Global { return p.st.globals }

// Importer returns the importer the program checks against.
func (p *Program) Importer() *importer.Importer { return p.imp }

// Error is a compile error at a cell position.
type Error struct {
	Label     string // "[5]"
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return e.Msg
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Label, e.Line, e.Col, e.Msg)
}

// Errors is the list of compile errors of a cell.
type Errors []*Error

func (l Errors) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Chunk is one piece of code for the interpreter's Eval, in order.
type Chunk struct {
	Src  string
	Decl bool // a file of declarations; else statements
}

// Unit is a compiled cell: the code to run and the program it leads to.
type Unit struct {
	Label string
	// Rebuild says the interpreter must start afresh with the program of
	// this unit (RebuildChunks), replay earlier cells (Replay) and then run
	// Body, because a redefinition cannot take effect in place.
	Rebuild bool
	// RebuildWhy says why, when it is not a redefinition ("" for one).
	RebuildWhy string
	// Chunks run the cell on an interpreter that has the current program.
	Chunks []Chunk
	// Body runs only the cell's statements (after a rebuild).
	Body []Chunk
	// Notes are warnings to show with the cell's output.
	Notes []string
	// Show says the cell ends with an expression whose value is shown.
	Show bool
	// HasGo says the cell starts goroutines; HasSync says it uses channels or
	// sync primitives. Used to decide whether to draw a timeline.
	HasGo bool
	// Explore says the cell was compiled to be explored (CompileExplore):
	// Chunks give every function of the program scheduling points, their
	// last chunk runs the cell's statements alone (once per schedule), and
	// Restore, run after the exploration, gives the functions back as they
	// were.
	Explore bool
	Restore []Chunk

	next *state
	src  string
}

// Commit makes the unit's declarations part of the program. Call it once the
// interpreter accepted the unit's declarations, whether or not its
// statements then succeeded.
func (p *Program) Commit(u *Unit) {
	if u.next != nil {
		p.st = u.next
	}
}

// Succeeded records that the unit's statements ran to the end, so that a
// rebuild replays them.
func (p *Program) Succeeded(u *Unit) {
	if len(u.Body) == 0 {
		return // only declarations: they are in the program already
	}
	p.history = append(p.history, historyCell{label: u.Label, src: u.src})
}

// History returns how many cells a rebuild replays.
func (p *Program) History() int { return len(p.history) }

// findDecl returns the declaration with key, or nil.
func (s *state) findDecl(key string) *Decl {
	for _, d := range s.decls {
		for _, k := range d.Keys {
			if k == key {
				return d
			}
		}
	}
	return nil
}

func (s *state) findGlobal(name string) *Global {
	for _, g := range s.globals {
		if g.Name == name {
			return g
		}
	}
	return nil
}

func (s *state) importNamed(name string) *Import {
	for _, im := range s.imports {
		if im.Name == name {
			return im
		}
	}
	return nil
}

// sortedKeys returns the keys of a set, sorted.
func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Where names the function of the program that holds line of cell label:
// "f", "(T).M", "" for the cell's own statements.
func (p *Program) Where(label string, line int) string {
	for _, d := range p.st.decls {
		if d.Label != label || (d.Kind != cell.Func && d.Kind != cell.Method) {
			continue
		}
		last := d.Line + strings.Count(d.Src, "\n")
		if line >= d.Line && line <= last {
			k := d.Keys[0]
			if d.derived {
				// An instance of the standard library's code (the
				// notebook's own are found at their generic declaration,
				// which comes first): slices.Delete[[]int, int].
				return p.names.Demangle(k)
			}
			if i := strings.IndexByte(k, '.'); i >= 0 {
				return "(" + k[:i] + ")." + k[i+1:]
			}
			return k
		}
	}
	return ""
}
