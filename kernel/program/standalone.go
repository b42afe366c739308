package program

import (
	"go/ast"
	"sort"
	"strconv"
	"strings"
)

// Standalone returns a cell as a complete Go program for the Go toolchain
// (%%race, %%vet): the notebook's imports and declarations, its variables
// (zero-valued: earlier cells' statements do not run), and the cell's
// statements as main, its last value printed as a cell would show it. Line
// directives keep cell positions, so the compiler, the race detector and
// vet report "[4]:7". The declarations of cell omit (a kernel's prelude)
// are left out. The notebook is not changed.
func (p *Program) Standalone(label, src, omit string) (string, error) {
	src = withoutBOM(src)
	ck, err := p.checkCell(label, src, modeCell, &Unit{}, omit, true)
	if err != nil {
		return "", err
	}
	c := ck.c
	type edit struct {
		start, end int
		text       string
	}
	var edits []edit
	imports := ""
	// Imports only earlier cells used: the compiler rejects them.
	for _, te := range c.errs {
		if !unusedImport(te) {
			continue
		}
		for _, d := range c.file.Decls {
			gd, ok := d.(*ast.GenDecl)
			if ok && len(gd.Specs) == 1 && gd.Pos() <= te.Pos && te.Pos < gd.End() {
				edits = append(edits, edit{c.offset(gd.Pos()), c.offset(gd.End()), ""})
			}
		}
	}
	// The cell's last value, which a cell shows: print it.
	for _, te := range c.errs {
		if !c.trailingUnused(te) {
			continue
		}
		ast.Inspect(c.file, func(n ast.Node) bool {
			es, ok := n.(*ast.ExprStmt)
			if ok && es.X.Pos() <= te.Pos && te.Pos < es.X.End() {
				edits = append(edits, edit{c.offset(es.X.Pos()), c.offset(es.X.Pos()), "__goconc_fmt.Println("},
					edit{c.offset(es.X.End()), c.offset(es.X.End()), ")"})
				imports = "import __goconc_fmt \"fmt\"\n"
				return false
			}
			return true
		})
	}
	// The cell's statements are main, unless the cell is a program with a
	// main of its own.
	userMain := false
	var cellFn *ast.FuncDecl
	for _, d := range c.file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil {
			switch fd.Name.Name {
			case "main":
				userMain = true
			case cellFunc:
				cellFn = fd
			}
		}
	}
	if cellFn != nil {
		name := "main"
		if userMain {
			if len(cellFn.Body.List) > 0 {
				return "", Errors{{Label: label, Msg: "the notebook declares func main, so this cell's statements cannot be the program's main: " +
					"call main() from the cell instead of defining it, or move these statements into main"}}
			}
			name = "_"
		}
		edits = append(edits, edit{c.offset(cellFn.Name.Pos()), c.offset(cellFn.Name.End()), name})
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].start > edits[j].start })
	text := c.src
	for _, e := range edits {
		text = text[:e.start] + e.text + text[e.end:]
	}
	if imports != "" {
		text = strings.Replace(text, "package main\n", "package main\n"+imports, 1)
	}
	return text, nil
}

// NonStandardImports returns the import paths of a program's source that are
// not in the standard library (they have a dot in their first element).
func NonStandardImports(src string) []string {
	var out []string
	for _, line := range strings.Split(src, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || f[0] != "import" {
			continue
		}
		path, err := strconv.Unquote(f[len(f)-1])
		if err == nil && strings.Contains(strings.Split(path, "/")[0], ".") {
			out = append(out, path)
		}
	}
	return out
}
