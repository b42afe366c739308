// The state functions of Rob Pike's lexer ("Lexical Scanning in Go"): a
// function type that returns itself, run in a goroutine that sends the
// items it finds on a channel.
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

func (t itemType) String() string {
	return [...]string{"error", "word", "number", "EOF"}[t]
}

type item struct {
	typ itemType
	val string
}

func (i item) String() string {
	if i.typ == itemEOF {
		return "EOF"
	}
	return fmt.Sprintf("%v(%q)", i.typ, i.val)
}

type stateFn func(*lexer) stateFn

type lexer struct {
	input string
	start int
	pos   int
	items chan item
}

var initial stateFn = lexSpace

func lex(input string) *lexer {
	l := &lexer{input: input, items: make(chan item)}
	go l.run()
	return l
}

func (l *lexer) run() {
	for state := initial; state != nil; {
		state = state(l)
	}
	close(l.items)
}

func (l *lexer) emit(t itemType) {
	l.items <- item{t, l.input[l.start:l.pos]}
	l.start = l.pos
}

func (l *lexer) errorf(format string, args ...any) stateFn {
	l.items <- item{itemError, fmt.Sprintf(format, args...)}
	return nil
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
	switch r := rune(l.input[l.pos]); {
	case unicode.IsLetter(r):
		return lexWord
	case unicode.IsDigit(r):
		return stateFn(lexNumber)
	default:
		return l.errorf("bad character %q", r)
	}
}

func lexWord(l *lexer) stateFn {
	for l.pos < len(l.input) && unicode.IsLetter(rune(l.input[l.pos])) {
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
	return func(l *lexer) stateFn { return lexSpace(l) }
}

// Step runs one state: a method on the function type.
func (f stateFn) Step(l *lexer) stateFn { return f(l) }

func steps(states ...stateFn) int {
	n := 0
	for _, s := range states {
		if s != nil {
			n++
		}
	}
	return n
}

func main() {
	for _, input := range []string{"go 42 gophers", "a 7 !"} {
		var got []string
		for it := range lex(input).items {
			got = append(got, it.String())
		}
		fmt.Println(strings.Join(got, " "))
	}
	l := &lexer{input: "abc", items: make(chan item, 4)}
	next := stateFn(lexSpace).Step(l)
	fmt.Println(next != nil, next == nil)
	states := []stateFn{next}
	states[0] = states[0](l)
	fmt.Println(len(l.items), (<-l.items).val)
	table := map[string]stateFn{"space": lexSpace, "none": nil}
	fmt.Println(steps(table["space"], table["none"], lexWord), len(table))
	var f func(*lexer) stateFn = next
	fmt.Println(f != nil)
	var none stateFn
	fmt.Printf("%T %v\n", none, none == nil)
}
