package cell

import (
	"go/scanner"
	"go/token"
)

// span is a byte range of the cell holding a file-level part.
type span struct {
	start, end int
	kind       Kind
}

type tok struct {
	off int
	tok token.Token
	lit string
}

// scanFileLevel finds the package clause, imports, funcs and methods at the
// top level of the cell: the parts a function body cannot hold.
func (c *Cell) scanFileLevel() ([]span, error) {
	var toks []tok
	var errs ErrorList
	fset := token.NewFileSet()
	f := fset.AddFile("cell", -1, len(c.Src))
	var s scanner.Scanner
	s.Init(f, []byte(c.Src), func(pos token.Position, msg string) {
		line, col := c.LineCol(pos.Offset)
		errs = append(errs, &Error{Line: line, Col: col, Msg: msg})
	}, 0)
	for {
		pos, t, lit := s.Scan()
		if t == token.EOF {
			toks = append(toks, tok{off: len(c.Src), tok: t})
			break
		}
		toks = append(toks, tok{off: f.Offset(pos), tok: t, lit: lit})
	}
	if len(errs) > 0 {
		return nil, errs
	}

	var spans []span
	depth := 0
	atStart := true
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if atStart && depth == 0 {
			if kind, end := fileLevelAt(toks, i); kind != 0 {
				spans = append(spans, span{start: t.off, end: toks[end].off + len(tokenText(toks[end])), kind: kind})
				i = end
				atStart = false
				continue
			}
		}
		switch t.tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			if depth > 0 {
				depth--
			}
		}
		atStart = t.tok == token.SEMICOLON && depth == 0
	}
	return spans, nil
}

// fileLevelAt reports whether a file-level part starts at toks[i], and the
// index of its last token.
func fileLevelAt(toks []tok, i int) (Kind, int) {
	switch toks[i].tok {
	case token.PACKAGE:
		return Package, untilSemicolon(toks, i)
	case token.IMPORT:
		return Import, untilSemicolon(toks, i)
	case token.FUNC:
		if i+1 >= len(toks) {
			return 0, 0
		}
		switch toks[i+1].tok {
		case token.IDENT:
			return Func, untilSemicolon(toks, i)
		case token.LPAREN:
			// func (recv T) Name(...) is a method; func (params) {...}(...) a literal.
			j := matching(toks, i+1)
			if j+2 < len(toks) && toks[j+1].tok == token.IDENT && (toks[j+2].tok == token.LPAREN || toks[j+2].tok == token.LBRACK) {
				return Method, untilSemicolon(toks, i)
			}
		}
	}
	return 0, 0
}

// untilSemicolon returns the index of the last token before the semicolon
// that ends the part starting at toks[i].
func untilSemicolon(toks []tok, i int) int {
	depth := 0
	for j := i; j < len(toks); j++ {
		switch toks[j].tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
		case token.SEMICOLON:
			if depth <= 0 {
				return j - 1
			}
		case token.EOF:
			return j - 1
		}
	}
	return len(toks) - 1
}

// matching returns the index of the bracket closing the one at toks[i].
func matching(toks []tok, i int) int {
	depth := 0
	for j := i; j < len(toks); j++ {
		switch toks[j].tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
			if depth == 0 {
				return j
			}
		case token.EOF:
			return j
		}
	}
	return len(toks) - 1
}

func tokenText(t tok) string {
	if t.lit != "" && t.tok != token.SEMICOLON {
		return t.lit
	}
	if t.tok == token.SEMICOLON || t.tok == token.EOF {
		return ""
	}
	return t.tok.String()
}
