package complete

import (
	"go/scanner"
	"go/token"
	"strings"

	"github.com/goconc/goconc/kernel/cell"
	"github.com/goconc/goconc/kernel/magic"
)

// IsComplete says whether code is a finished cell ("complete"), needs more
// lines ("incomplete", with the indent for the next line), or cannot become
// valid Go ("invalid").
func IsComplete(code string) (status, indent string) {
	ms, rest, err := magic.Parse(code)
	if err != nil {
		return "invalid", ""
	}
	if len(ms) > 0 && ms[0].Cell {
		return "complete", "" // a cell magic's body is not Go to check here
	}
	if strings.TrimSpace(rest) == "" {
		return "complete", ""
	}
	depth, open, bad := nesting(rest)
	switch {
	case bad:
		return "invalid", ""
	case open:
		return "incomplete", ""
	case depth > 0:
		return "incomplete", strings.Repeat("\t", depth)
	}
	if _, err := cell.Split(rest); err != nil {
		if list, ok := err.(cell.ErrorList); ok && len(list) > 0 && atEnd(rest, list[0]) {
			return "incomplete", ""
		}
		return "invalid", ""
	}
	return "complete", ""
}

// nesting returns how many brackets are left open, whether a raw string or
// comment is unterminated, and whether a bracket closes that never opened.
func nesting(code string) (depth int, open, bad bool) {
	fset := token.NewFileSet()
	f := fset.AddFile("", -1, len(code))
	var s scanner.Scanner
	s.Init(f, []byte(code), func(pos token.Position, msg string) {
		if strings.Contains(msg, "not terminated") {
			open = true
		} else {
			bad = true
		}
	}, 0)
	for {
		_, tok, _ := s.Scan()
		switch tok {
		case token.EOF:
			return depth, open, bad || depth < 0
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
			if depth < 0 {
				return depth, open, true
			}
		}
	}
}

// atEnd reports whether a syntax error is past the end of the code, where
// more lines could fix it.
func atEnd(code string, e *cell.Error) bool {
	lines := strings.Split(strings.TrimRight(code, " \t\n"), "\n")
	last := lines[len(lines)-1]
	return e.Line > len(lines) || e.Line == len(lines) && e.Col > len(last)
}
