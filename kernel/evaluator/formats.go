package evaluator

import (
	"strings"
	"unicode/utf8"
)

// A format that is not a constant (program's formatVariable): the cell
// cannot tell which operands %T formats, so the format goes through
// FormatVerbs, and each operand of an interface or a notebook type is
// replaced by its type's name where TypeOnly says; both read the format
// as fmt does:
//
//	fmt.Printf(format, p)    fmt.Printf(FormatVerbs(format, 1), []any{p, "main.point"}[TypeOnly(format, 1, 0)])
//
// With format "%T\n", FormatVerbs gives "%s\n" and the operand is the
// type's Go name; fmt would have printed the interpreter's type, a struct
// without a name. An operand that another verb formats too (%[1]T %[1]v)
// is left as it is.

// formatVerb is one verb of a format: its bytes, the verb, the operand.
type formatVerb struct {
	start, end int
	verb       rune
	arg        int
}

// formatVerbs reads the verbs of f, given n operands, as fmt's Printf
// does (doPrintf): flags, an operand index ([n]), a width and a precision
// (either may be * and take an operand), an operand index, the verb. A
// verb with a bad index formats no operand (arg -1); a * taking an
// operand is a verb '*' of its own.
func formatVerbs(f string, n int) []formatVerb {
	var out []formatVerb
	arg, afterIndex := 0, false
	for i := 0; i < len(f); {
		if f[i] != '%' {
			i++
			continue
		}
		start, good := i, true
		i++
		for i < len(f) && strings.IndexByte("#0+- ", f[i]) >= 0 {
			i++
		}
		index := func() {
			var ok bool
			arg, i, afterIndex, ok = formatIndex(f, i, arg, n)
			good = good && ok
		}
		// star reads a * width or precision, which takes an operand.
		star := func() bool {
			if i >= len(f) || f[i] != '*' {
				return false
			}
			i++
			if arg < n {
				out = append(out, formatVerb{start: i - 1, end: i, verb: '*', arg: arg})
				arg++
			}
			afterIndex = false
			return true
		}
		index()
		if !star() {
			j := digits(f, i)
			if afterIndex && j > i { // "%[3]2d"
				good = false
			}
			i = j
		}
		if i+1 < len(f) && f[i] == '.' {
			i++
			if afterIndex { // "%[3].2d"
				good = false
			}
			index()
			if !star() {
				i = digits(f, i)
			}
		}
		if !afterIndex {
			index()
		}
		if i >= len(f) {
			break
		}
		verb, size := utf8.DecodeRuneInString(f[i:])
		i += size
		switch {
		case verb == '%':
		case !good:
			out = append(out, formatVerb{start: start, end: i, verb: verb, arg: -1})
		default:
			out = append(out, formatVerb{start: start, end: i, verb: verb, arg: arg})
			arg++
		}
	}
	return out
}

func digits(f string, i int) int {
	for i < len(f) && f[i] >= '0' && f[i] <= '9' {
		i++
	}
	return i
}

// formatIndex reads an operand index [n] at f[i:], if there is one, as
// fmt's argNumber does; ok is false for a bad one.
func formatIndex(f string, i, arg, n int) (newArg, newI int, found, ok bool) {
	if i >= len(f) || f[i] != '[' {
		return arg, i, false, true
	}
	rest := f[i:]
	if len(rest) < 3 {
		return arg, i + 1, false, false
	}
	for j := 1; j < len(rest); j++ {
		if rest[j] == ']' {
			k := digits(rest, 1)
			if k != j || j == 1 || j > 7 {
				return arg, i + j + 1, false, false
			}
			index := 0
			for _, c := range rest[1:j] {
				index = index*10 + int(c-'0')
			}
			index--
			if index < 0 || index >= n {
				return arg, i + j + 1, true, false
			}
			return index, i + j + 1, true, true
		}
	}
	return arg, i + 1, false, false
}

// typeOnly reports whether the operand k is formatted, and only by %T.
func typeOnly(verbs []formatVerb, k int) bool {
	found := false
	for _, v := range verbs {
		if v.arg == k {
			if v.verb != 'T' {
				return false
			}
			found = true
		}
	}
	return found
}

// formatVerbsHook is the FormatVerbs hook: f, for n operands, with %T
// made %s (flags, width and index kept) where FormatArg gives the
// operand's type name.
func formatVerbsHook(f string, n int) string {
	verbs := formatVerbs(f, n)
	var b strings.Builder
	last := 0
	for _, v := range verbs {
		if v.verb == 'T' && v.arg >= 0 && v.arg < n && typeOnly(verbs, v.arg) {
			b.WriteString(f[last : v.end-1])
			b.WriteByte('s')
			last = v.end
		}
	}
	if last == 0 {
		return f
	}
	b.WriteString(f[last:])
	return b.String()
}

// typeOnlyHook is the TypeOnly hook: 1 if the format f, given n
// operands, formats the operand k only by %T (FormatVerbs makes it %s of
// the type's name the cell puts there), else 0.
func typeOnlyHook(f string, n, k int) int {
	if typeOnly(formatVerbs(f, n), k) {
		return 1
	}
	return 0
}
