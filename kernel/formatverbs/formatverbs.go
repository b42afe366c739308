// Package formatverbs reads a Printf format as fmt does, to write the %T
// of its operands as type names fmt cannot know.
//
// The interpreter makes a notebook's types with reflect.StructOf and
// friends, which have no names: for %T fmt would print "struct { X int;
// Y int }" where Go prints "main.point". A caller that knows the name
// writes it in the %T's place, and the format, read here, says where:
//
//	fmt.Printf(format, p)    fmt.Printf(TypesAsStrings(format, 1), "main.point") // if TypeOnly(format, 1, 0)
//
// With format "%T\n", TypesAsStrings gives "%s\n" and the operand is the
// type's Go name. An operand that another verb formats too ("%[1]T
// %[1]v", only with operand indexes) keeps its value, and TypesNamed
// writes its type's name in place of the %T.
package formatverbs

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// verbAt is one verb of a format: its bytes, the verb, the operand,
// and whether an index right before the verb (or the *) chose it.
type verbAt struct {
	start, end int
	verb       rune
	arg        int
	indexed    bool
	directive  int // where the verb's % is (a * is inside one)
}

// verbs reads the verbs of f, given n operands, as fmt's Printf
// does (doPrintf): flags, an operand index ([n]), a width and a precision
// (either may be * and take an operand), an operand index, the verb. A
// verb with a bad index formats no operand (arg -1); a * is a verb '*' of
// its own, which takes an operand if arg < n.
func verbs(f string, n int) []verbAt {
	verbs, _, _ := read(f, n)
	return verbs
}

// read is verbs, and also reports whether f has an operand
// index, which makes fmt report no extra operands (its reordered), and
// whether one is bad.
func read(f string, n int) (out []verbAt, reordered, badIndex bool) {
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
			reordered = reordered || i < len(f) && f[i] == '['
			arg, i, afterIndex, ok = formatIndex(f, i, arg, n)
			good = good && ok
			badIndex = badIndex || !ok
		}
		// star reads a * width or precision, which takes an operand.
		star := func() bool {
			if i >= len(f) || f[i] != '*' {
				return false
			}
			i++
			out = append(out, verbAt{start: i - 1, end: i, verb: '*', arg: arg, indexed: afterIndex, directive: start})
			if arg < n {
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
			out = append(out, verbAt{start: start, end: i, verb: verb, arg: -1})
		default:
			out = append(out, verbAt{start: start, end: i, verb: verb, arg: arg, indexed: afterIndex, directive: start})
			arg++
		}
	}
	return out, reordered, badIndex
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
func typeOnly(verbs []verbAt, k int) bool {
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

// TypesAsStrings returns f, for n operands, with %T made %s (flags,
// width and index kept) where the operand is formatted by %T alone
// (TypeOnly): the caller puts the type's name in its place.
func TypesAsStrings(f string, n int) string {
	verbs := verbs(f, n)
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

// TypeOnly reports whether the format f, given n operands, formats the
// operand k, and only by %T: TypesAsStrings makes each of its %T a %s,
// so the operand can be its type's name.
func TypeOnly(f string, n, k int) bool {
	return typeOnly(verbs(f, n), k)
}

// TypeOperands returns, of the n operands of the format f, those it
// formats by %T, and those it formats by %T alone (TypeOnly): a print
// that spreads its operands (fmt.Printf(f, args...)) names them when it
// runs.
func TypeOperands(f string, n int) (typed, only []int) {
	verbs := verbs(f, n)
	for k := range n {
		for _, v := range verbs {
			if v.arg == k && v.verb == 'T' {
				typed = append(typed, k)
				if typeOnly(verbs, k) {
					only = append(only, k)
				}
				break
			}
		}
	}
	return typed, only
}

// TypesNamed is TypesAsStrings, and in a format with operand indexes,
// where one operand may be formatted by %T and by other verbs too ("%[1]T
// %[1]v"), each %T of an operand whose type's name names holds becomes
// that name, written as %T would write it (width, flags and precision
// kept).
//
// A %T written out takes no operand, so the next verb that took its
// operand by counting gets its index written; and the format keeps an
// index, without which fmt would report the operands it does not format
// as extra. Where that cannot be done as fmt would read the original (the
// next verb has no operand left; no other verb is left to hold an index;
// a bad index), the format is TypesAsStrings', right but for an operand
// formatted by %T and by another verb.
func TypesNamed(f string, n int, names map[int]string) string {
	verbs, reordered, badIndex := read(f, n)
	if !reordered || badIndex || len(names) == 0 {
		// (After a bad index, an index written later could end it:
		// "%[[.%[1]s" reads "[[.%[1]" as one.)
		return TypesAsStrings(f, n)
	}
	// Per verb: the text that replaces a named %T, else the index to
	// write before the verb (or the *), and the verb to write instead.
	written, index, verbAs := make([]string, len(verbs)), make([]string, len(verbs)), make([]string, len(verbs))
	countNext, indexKept := false, false
	firstPlain := -1 // a verb that could take its index written
	for i, v := range verbs {
		if v.arg < 0 {
			return TypesAsStrings(f, n) // (a verb after an operand index past the operands)
		}
		if name, ok := names[v.arg]; ok && v.verb == 'T' && !starIn(verbs[:i], v.start) {
			written[i] = strings.ReplaceAll(typeText(f[v.start:v.end], name), "%", "%%")
			countNext = true
			continue
		}
		at := v.end - utf8.RuneLen(v.verb) // the verb, or the *
		plain := !v.indexed && v.arg < n && !strings.Contains(f[v.directive:at], "[")
		switch {
		case countNext && v.indexed:
		case countNext && !plain:
			return TypesAsStrings(f, n) // (missing: no index says so)
		case countNext:
			index[i] = "[" + strconv.Itoa(v.arg+1) + "]"
		case plain && firstPlain < 0:
			firstPlain = i
		}
		indexKept = indexKept || v.indexed || index[i] != ""
		if v.verb == 'T' && v.arg < n && typeOnly(verbs, v.arg) {
			verbAs[i] = "s" // the operand is the type's name (TypeOnly)
		}
		countNext = false
	}
	if !indexKept {
		if firstPlain < 0 {
			return TypesAsStrings(f, n)
		}
		index[firstPlain] = "[" + strconv.Itoa(verbs[firstPlain].arg+1) + "]"
	}
	var b strings.Builder
	last := 0
	for i, v := range verbs {
		at := v.end - utf8.RuneLen(v.verb) // the verb, or the *
		switch {
		case written[i] != "":
			b.WriteString(f[last:v.start])
			b.WriteString(written[i])
			last = v.end
		case index[i] != "" || verbAs[i] != "":
			b.WriteString(f[last:at])
			b.WriteString(index[i])
			last = at
			if verbAs[i] != "" {
				b.WriteString(verbAs[i])
				last = v.end
			}
		}
	}
	b.WriteString(f[last:])
	return b.String()
}

// starIn reports whether a * of verbs is in the verb that starts at start:
// its operand is the *'s, which the name would not take.
func starIn(verbs []verbAt, start int) bool {
	return len(verbs) > 0 && verbs[len(verbs)-1].verb == '*' && verbs[len(verbs)-1].start > start
}

// typeText is name as the %T verb verb (flags, width, precision, an
// index) writes a type's name.
func typeText(verb, name string) string {
	var d strings.Builder
	for i := 0; i < len(verb)-1; i++ {
		if verb[i] == '[' {
			for i < len(verb) && verb[i] != ']' {
				i++
			}
			continue
		}
		d.WriteByte(verb[i])
	}
	d.WriteByte('s')
	return fmt.Sprintf(d.String(), name)
}
