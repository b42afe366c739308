// Package syntaxerrors says what go build says of Go source that does not
// parse, in its words and at its places:
//
//	syntax error: unexpected keyword else, expected }
//
// where go/parser, which parses goconc's cells, says "expected statement,
// found 'else'", and goes on to report what follows from it. A learner
// reads these more than any other message. The parser is the Go
// compiler's own (cmd/compile/internal/syntax), copied into ./syntax by
// the go:generate line below: no program outside cmd/ may import it where
// it is.
package syntaxerrors

import (
	"sort"
	"strings"

	"github.com/goconc/goconc/kernel/syntaxerrors/syntax"
)

//go:generate go run gencopy.go

// An Error is a syntax error at a line and column (in bytes) of the source.
type Error struct {
	Line, Col int
	Msg       string
}

// Of returns the syntax errors of src, a Go file, as go build reports
// them: in the order of their places, one "syntax error" per line (the
// compiler reports the first of a line only), none if src parses.
func Of(src string) []Error {
	var errs []Error
	lastSyntax := 0 // the line of the last syntax error reported
	syntax.Parse(syntax.NewFileBase("src"), strings.NewReader(src), func(err error) {
		e, ok := err.(syntax.Error)
		if !ok {
			return
		}
		line := int(e.Pos.Line())
		if strings.HasPrefix(e.Msg, "syntax error") {
			if line == lastSyntax {
				return
			}
			lastSyntax = line
		}
		errs = append(errs, Error{Line: line, Col: int(e.Pos.Col()), Msg: e.Msg})
	}, nil, 0)
	sort.SliceStable(errs, func(i, j int) bool {
		return errs[i].Line < errs[j].Line || errs[i].Line == errs[j].Line && errs[i].Col < errs[j].Col
	})
	return errs
}
