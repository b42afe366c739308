// Package cell splits the source of a notebook cell into the parts Go allows
// at the top of a file (the package clause, imports, funcs and methods) and
// the parts it allows in a function body (statements, including type, const
// and var declarations), keeping every position.
//
// A cell may mix them in any order:
//
//	import "fmt"
//	type point struct{ x, y int }
//	p := point{1, 2}
//	func (p point) String() string { return fmt.Sprint(p.x, ",", p.y) }
//	fmt.Println(p)
//
// Split finds the file-level parts with a scan of the top-level tokens, then
// parses everything else as the body of a function, so that the Go parser
// itself decides where each statement ends.
package cell

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"sort"
	"strings"
	"unicode"

	"github.com/goconc/goconc/kernel/syntaxerrors"
)

// Kind says what a part of a cell is.
type Kind int

// Kinds of parts.
const (
	Package Kind = iota + 1 // a package clause, as in a pasted program
	Import                  // an import declaration
	Func                    // a function declaration
	Method                  // a method declaration
	Type                    // a type declaration
	Const                   // a const declaration
	Var                     // a var declaration
	Stmt                    // any other statement
)

var kindNames = map[Kind]string{Package: "package", Import: "import", Func: "func", Method: "method",
	Type: "type", Const: "const", Var: "var", Stmt: "statement"}

func (k Kind) String() string { return kindNames[k] }

// Part is one top-level element of a cell.
type Part struct {
	Kind       Kind
	Start, End int // byte offsets in the cell source
	// Decl is the parsed declaration (for Import, Func, Method, Type, Const
	// and Var parts) and Stmt the parsed statement (for Stmt parts). Their
	// positions belong to Cell.Fset.
	Decl ast.Decl
	Stmt ast.Stmt
}

// Cell is a split cell.
type Cell struct {
	Src   string
	Parts []Part
	// Fset positions every node of the parts; Pos converts them to offsets
	// in Src.
	Fset  *token.FileSet
	lines []int // offsets of line starts in Src
}

// Error is a syntax error at a position in the cell.
type Error struct {
	Line, Col int
	Msg       string
}

func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// ErrorList is the list of syntax errors of a cell.
type ErrorList []*Error

func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

const (
	declPrefix = "package cell;"
	bodyPrefix = "package cell; func _() {"
)

// Split splits src into its parts. It returns an ErrorList if src is not
// valid Go in either position.
func Split(src string) (*Cell, error) {
	c := &Cell{Src: src, Fset: token.NewFileSet(), lines: lineStarts(src)}
	ranges, err := c.scanFileLevel()
	if err != nil {
		if gc := c.fileErrors(); len(gc) > 0 {
			return nil, gc
		}
		// A token the scanner refuses: go build's words for it (the
		// compiler's scanner's; its parser's would be of the cell taken
		// as a function's body).
		var tokens ErrorList
		for _, e := range c.gcErrors(bodyPrefix+src+"\n}", len(bodyPrefix)) {
			if !strings.HasPrefix(e.Msg, "syntax error") {
				tokens = append(tokens, e)
			}
		}
		if len(tokens) > 0 {
			return nil, tokens
		}
		return nil, err
	}
	bodyText := blankRanges(src, ranges)

	var errs ErrorList
	for _, r := range ranges {
		if r.kind == Package {
			c.Parts = append(c.Parts, Part{Kind: Package, Start: r.start, End: r.end})
			continue
		}
		// Each file-level part is parsed on its own, so that an import after
		// a func is no error: cells may hold them in any order.
		text := declPrefix + blankExcept(src, []span{r})
		f, err := parser.ParseFile(c.Fset, "decls", text, parser.ParseComments|parser.SkipObjectResolution)
		errs = append(errs, c.syntaxErrors(err, "decls", text)...)
		if f != nil {
			for _, d := range f.Decls {
				c.Parts = append(c.Parts, c.declPart(d))
			}
		}
	}
	if strings.TrimSpace(bodyText) != "" {
		text := bodyPrefix + bodyText + "\n}"
		f, err := parser.ParseFile(c.Fset, "body", text, parser.ParseComments|parser.SkipObjectResolution)
		errs = append(errs, c.syntaxErrors(err, "body", text)...)
		if f != nil && len(f.Decls) == 1 {
			if fd, ok := f.Decls[0].(*ast.FuncDecl); ok && fd.Body != nil {
				for _, s := range fd.Body.List {
					if _, empty := s.(*ast.EmptyStmt); empty {
						continue
					}
					c.Parts = append(c.Parts, c.stmtPart(s))
				}
			}
		}
	}
	if len(errs) > 0 {
		if gc := c.fileErrors(); len(gc) > 0 {
			return nil, gc
		}
		sort.SliceStable(errs, func(i, j int) bool {
			return errs[i].Line < errs[j].Line || errs[i].Line == errs[j].Line && errs[i].Col < errs[j].Col
		})
		return nil, errs
	}
	sort.SliceStable(c.Parts, func(i, j int) bool { return c.Parts[i].Start < c.Parts[j].Start })
	return c, nil
}

// Offset returns the offset in Src of pos, a position of a part's node.
func (c *Cell) Offset(pos token.Pos) int {
	f := c.Fset.File(pos)
	if f == nil {
		return -1
	}
	off := f.Offset(pos)
	switch f.Name() {
	case "decls":
		off -= len(declPrefix)
	case "body":
		off -= len(bodyPrefix)
	}
	// A label at the very end ("done:") labels an empty statement the
	// parser puts at the brace that closes the body, after the cell.
	return min(max(off, 0), len(c.Src))
}

// LineCol returns the 1-based line and column (in bytes) of offset off.
func (c *Cell) LineCol(off int) (line, col int) {
	i := sort.Search(len(c.lines), func(i int) bool { return c.lines[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, off - c.lines[i] + 1
}

// Position returns the line and column of pos.
func (c *Cell) Position(pos token.Pos) (line, col int) { return c.LineCol(c.Offset(pos)) }

// Text returns the source of the node n.
func (c *Cell) Text(n ast.Node) string { return c.Src[c.Offset(n.Pos()):c.Offset(n.End())] }

func (c *Cell) declPart(d ast.Decl) Part {
	p := Part{Decl: d, Start: c.Offset(d.Pos()), End: c.Offset(d.End())}
	switch d := d.(type) {
	case *ast.FuncDecl:
		p.Kind = Func
		if d.Recv != nil {
			p.Kind = Method
		}
	case *ast.GenDecl:
		p.Kind = genKind(d.Tok)
	}
	// Include a doc comment in the part, so that it travels with the decl.
	if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
		p.Start = c.Offset(fd.Doc.Pos())
	}
	if gd, ok := d.(*ast.GenDecl); ok && gd.Doc != nil {
		p.Start = c.Offset(gd.Doc.Pos())
	}
	return p
}

func (c *Cell) stmtPart(s ast.Stmt) Part {
	p := Part{Kind: Stmt, Stmt: s, Start: c.Offset(s.Pos()), End: c.Offset(s.End())}
	if ds, ok := s.(*ast.DeclStmt); ok {
		if gd, ok := ds.Decl.(*ast.GenDecl); ok {
			p.Kind = genKind(gd.Tok)
			p.Decl = gd
			p.Stmt = nil
		}
	}
	return p
}

func genKind(tok token.Token) Kind {
	switch tok {
	case token.IMPORT:
		return Import
	case token.TYPE:
		return Type
	case token.CONST:
		return Const
	}
	return Var
}

// syntaxErrors returns the syntax errors of text, the cell's file (as
// named) that go/parser failed to parse with err, as go build says them
// (kernel/syntaxerrors), at cell positions; go/parser's if the compiler's
// parser finds none.
func (c *Cell) syntaxErrors(err error, file, text string) ErrorList {
	if err == nil {
		return nil
	}
	prefix := len(declPrefix)
	if file == "body" {
		prefix = len(bodyPrefix)
	}
	if gc := c.gcErrors(text, prefix); len(gc) > 0 {
		return gc
	}
	return c.convert(err, file)
}

// fileErrors returns, for a cell that is a Go file (a pasted program,
// with its package clause), the syntax errors go build reports of that
// file: the compiler's parser's, of the cell as it is, rather than of its
// parts (an extra parenthesis cut a function's part short, and the rest
// was an error of its own; a token the scanner refuses stopped the scan
// of the parts); nil for a cell without a package clause, whose
// statements at the top level a file may not hold.
func (c *Cell) fileErrors() ErrorList {
	var s scanner.Scanner
	s.Init(token.NewFileSet().AddFile("", -1, len(c.Src)), []byte(c.Src), nil, 0)
	if _, tok, _ := s.Scan(); tok != token.PACKAGE {
		return nil
	}
	return c.gcErrors(c.Src, 0)
}

// gcErrors returns the syntax errors the compiler's parser finds in text,
// the cell with a prefix of that length on its first line, at cell
// positions.
func (c *Cell) gcErrors(text string, prefix int) ErrorList {
	var out ErrorList
	for _, e := range syntaxerrors.Of(text) {
		// The prefix is on the first line; the cell's lines are the file's.
		off := len(c.Src)
		switch {
		case e.Line == 1:
			off = e.Col - 1 - prefix
		case e.Line-1 < len(c.lines):
			off = c.lines[e.Line-1] + e.Col - 1
		}
		line, col := c.LineCol(min(max(off, 0), len(c.Src)))
		out = append(out, &Error{Line: line, Col: col, Msg: e.Msg})
	}
	return out
}

// convert turns parser errors into cell positions.
func (c *Cell) convert(err error, file string) ErrorList {
	if err == nil {
		return nil
	}
	list, ok := err.(scanner.ErrorList)
	if !ok {
		return ErrorList{{Line: 1, Col: 1, Msg: err.Error()}}
	}
	var out ErrorList
	prefix := len(declPrefix)
	if file == "body" {
		prefix = len(bodyPrefix)
	}
	for _, e := range list {
		off := e.Pos.Offset - prefix
		if off < 0 {
			off = 0
		}
		if off > len(c.Src) {
			off = len(c.Src)
		}
		off = gcSyntaxOffset(c.Src, off, e.Msg)
		line, col := c.LineCol(off)
		out = append(out, &Error{Line: line, Col: col, Msg: friendlier(e.Msg)})
	}
	return out
}

// gcSyntaxOffset returns where go build places the syntax error msg that
// go/parser places at off in src: "expression in defer must be function
// call" (defer fmt.Println, go 1) at the expression, which go/parser
// places after it.
func gcSyntaxOffset(src string, off int, msg string) int {
	var keyword string
	switch msg {
	case "expression in defer must be function call":
		keyword = "defer"
	case "expression in go must be function call":
		keyword = "go"
	default:
		return off
	}
	for i := off - len(keyword); i >= 0; i-- {
		if i+len(keyword) >= len(src) || src[i:i+len(keyword)] != keyword || i > 0 && isWordByte(src[i-1]) || !unicode.IsSpace(rune(src[i+len(keyword)])) {
			continue
		}
		start := i + len(keyword)
		for start < off && unicode.IsSpace(rune(src[start])) {
			start++
		}
		return start
	}
	return off
}

func isWordByte(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// friendlier rewords parser messages that mention our wrapping.
func friendlier(msg string) string {
	msg = strings.Replace(msg, "expected '}', found 'EOF'", "unexpected end of cell: a '}' is missing", 1)
	return msg
}

func lineStarts(s string) []int {
	lines := []int{0}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			lines = append(lines, i+1)
		}
	}
	return lines
}

// blankExcept returns s with every byte outside ranges replaced by a space,
// newlines kept, so that offsets and lines are unchanged.
func blankExcept(s string, ranges []span) string {
	b := []byte(s)
	keep := make([]bool, len(b))
	for _, r := range ranges {
		for i := r.start; i < r.end; i++ {
			keep[i] = true
		}
	}
	for i := range b {
		if !keep[i] && b[i] != '\n' {
			b[i] = ' '
		}
	}
	return string(b)
}

// blankRanges returns s with the bytes inside ranges blanked.
func blankRanges(s string, ranges []span) string {
	b := []byte(s)
	for _, r := range ranges {
		for i := r.start; i < r.end; i++ {
			if b[i] != '\n' {
				b[i] = ' '
			}
		}
	}
	return string(b)
}
