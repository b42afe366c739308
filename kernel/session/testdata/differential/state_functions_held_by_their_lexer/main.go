// Rob Pike's lexer ("Lexical Scanning in Go") keeps its state function in
// the lexer: type stateFn func(*lexer) stateFn, held by the lexer it
// takes. The cell was refused ("goconc's interpreter builds such a pair
// of types unreliably"), and `for l.state = lexSpace; ...`, a state
// function converted in a for statement's header, did not parse once
// written for the interpreter.
package main

import (
	"fmt"
	"strings"
	"unicode"
)

type itemType int

const (
	itemError itemType = iota
	itemWord
	itemNumber
	itemEOF
)

type item struct {
	typ itemType
	val string
}

func (i item) String() string {
	switch i.typ {
	case itemEOF:
		return "EOF"
	case itemError:
		return i.val
	}
	return fmt.Sprintf("%q", i.val)
}

type stateFn func(*lexer) stateFn

type lexer struct {
	input string
	start int
	pos   int
	state stateFn
	items chan item
}

func lex(input string) *lexer {
	l := &lexer{input: input, items: make(chan item)}
	go l.run()
	return l
}

func (l *lexer) run() {
	for l.state = lexSpace; l.state != nil; {
		l.state = l.state(l)
	}
	close(l.items)
}

func (l *lexer) emit(t itemType) {
	l.items <- item{t, l.input[l.start:l.pos]}
	l.start = l.pos
}

func lexSpace(l *lexer) stateFn {
	for l.pos < len(l.input) && l.input[l.pos] == ' ' {
		l.pos++
	}
	l.start = l.pos
	if l.pos >= len(l.input) {
		l.emit(itemEOF)
		return nil
	}
	if unicode.IsDigit(rune(l.input[l.pos])) {
		return lexNumber
	}
	return lexWord
}

func lexWord(l *lexer) stateFn {
	for l.pos < len(l.input) && l.input[l.pos] != ' ' {
		l.pos++
	}
	l.emit(itemWord)
	return lexSpace
}

func lexNumber(l *lexer) stateFn {
	for l.pos < len(l.input) && unicode.IsDigit(rune(l.input[l.pos])) {
		l.pos++
	}
	l.emit(itemNumber)
	return lexSpace
}

func main() {
	l := lex("go 1 26 lexer")
	var out []string
	for it := range l.items {
		out = append(out, it.String())
	}
	fmt.Println(strings.Join(out, " "), l.state == nil)
}
