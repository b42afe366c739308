package evaluator

import (
	"fmt"
	"reflect"
	"strconv"
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
// without a name. An operand that another verb formats too ("%[1]T
// %[1]v", only with operand indexes) keeps its value, and FormatNamed
// writes its type's name, which the cell passes, in place of the %T.

// formatVerb is one verb of a format: its bytes, the verb, the operand,
// and whether an index right before the verb (or the *) chose it.
type formatVerb struct {
	start, end int
	verb       rune
	arg        int
	indexed    bool
	directive  int // where the verb's % is (a * is inside one)
}

// formatVerbs reads the verbs of f, given n operands, as fmt's Printf
// does (doPrintf): flags, an operand index ([n]), a width and a precision
// (either may be * and take an operand), an operand index, the verb. A
// verb with a bad index formats no operand (arg -1); a * is a verb '*' of
// its own, which takes an operand if arg < n.
func formatVerbs(f string, n int) []formatVerb {
	verbs, _, _ := readFormat(f, n)
	return verbs
}

// readFormat is formatVerbs, and also reports whether f has an operand
// index, which makes fmt report no extra operands (its reordered), and
// whether one is bad.
func readFormat(f string, n int) (out []formatVerb, reordered, badIndex bool) {
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
			out = append(out, formatVerb{start: i - 1, end: i, verb: '*', arg: arg, indexed: afterIndex, directive: start})
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
			out = append(out, formatVerb{start: start, end: i, verb: verb, arg: -1})
		default:
			out = append(out, formatVerb{start: start, end: i, verb: verb, arg: arg, indexed: afterIndex, directive: start})
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

// formatNamedHook is the FormatNamed hook: FormatVerbs, and in a format
// with operand indexes, where one operand may be formatted by %T and by
// other verbs too ("%[1]T %[1]v"), each %T of an operand whose type's name
// the cell knows becomes that name, written as %T would write it (width,
// flags and precision kept). The operands named are listed in named
// ("0,2"), their names in names, in the same order.
//
// A %T written out takes no operand, so the next verb that took its
// operand by counting gets its index written; and the format keeps an
// index, without which fmt would report the operands it does not format
// as extra. Where that cannot be done as fmt would read the original (the
// next verb has no operand left; no other verb is left to hold an index;
// a bad index), the format is FormatVerbs', right but for an operand
// formatted by %T and by another verb.
func formatNamedHook(f string, n int, named string, names ...string) string {
	verbs, reordered, badIndex := readFormat(f, n)
	if !reordered || badIndex || named == "" {
		// (After a bad index, an index written later could end it:
		// "%[[.%[1]s" reads "[[.%[1]" as one.)
		return formatVerbsHook(f, n)
	}
	byArg := map[int]string{}
	for i, k := range strings.Split(named, ",") {
		if j, err := strconv.Atoi(k); err == nil && i < len(names) {
			byArg[j] = names[i]
		}
	}
	// Per verb: the text that replaces a named %T, else the index to
	// write before the verb (or the *), and the verb to write instead.
	written, index, verbAs := make([]string, len(verbs)), make([]string, len(verbs)), make([]string, len(verbs))
	countNext, indexKept := false, false
	firstPlain := -1 // a verb that could take its index written
	for i, v := range verbs {
		if v.arg < 0 {
			return formatVerbsHook(f, n) // (a verb after an operand index past the operands)
		}
		if name, ok := byArg[v.arg]; ok && v.verb == 'T' && !starIn(verbs[:i], v.start) {
			written[i] = strings.ReplaceAll(typeText(f[v.start:v.end], name), "%", "%%")
			countNext = true
			continue
		}
		at := v.end - utf8.RuneLen(v.verb) // the verb, or the *
		plain := !v.indexed && v.arg < n && !strings.Contains(f[v.directive:at], "[")
		switch {
		case countNext && v.indexed:
		case countNext && !plain:
			return formatVerbsHook(f, n) // (missing: no index says so)
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
			return formatVerbsHook(f, n)
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
func starIn(verbs []formatVerb, start int) bool {
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

// underlying is the Underlying hook's operand: a value of one of the
// notebook's named types with methods that are not structs (a Level, a
// Celsius, type Names []string), beside its value of the underlying type,
// for a verb known only when it runs, or one fmt formats without methods.
// The interpreter hands fmt such a value in a wrapper that has the
// methods, which fmt formats by String for %v, %s, %q, %x and %X, as Go
// does, but as a struct for %d, %f or %#v ({1 5135136}, where Go prints
// 1), and a value without String or Error as its underlying type, whose
// name fmt's complaint of a wrong verb gives (%!s(int=5) for Go's
// %!s(main.Meters=5)): underlying formats it as Go's fmt formats the
// value.
type underlying struct {
	value, plain any
	name         string // the type's Go name
}

// underlyingHook is the Underlying hook: the value (in the wrapper fmt
// finds its methods in, program's pickWrappers), its value of the
// underlying type, and its type's name.
func underlyingHook(value, plain any, name string) underlying {
	return underlying{value, plain, name}
}

// Format formats u as fmt would format the value it stands for.
func (u underlying) Format(s fmt.State, verb rune) {
	_, stringer := u.value.(fmt.Stringer)
	_, isError := u.value.(error)
	sharpV := verb == 'v' && s.Flag('#')
	valid, plain := "", 'v' // fmt's verbs of the kind (all, of a slice's), and its %v
	switch u.plain.(type) {
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, uintptr:
		valid, plain = "bcdoOqxXUv", 'd'
	case float32, float64, complex64, complex128:
		valid, plain = "bgGxXfFeEv", 'g'
	case string:
		valid = "svqxX"
	case bool:
		valid = "tv"
	}
	switch {
	case (stringer || isError) && strings.ContainsRune("vsqxX", verb) && !sharpV:
		fmt.Fprintf(s, fmt.FormatString(s, verb), u.value)
	case sharpV:
		// Go syntax names the type of a slice, an array or a map
		// (main.Names{"a"}), not of a number, a string or a bool.
		text := fmt.Sprintf(fmt.FormatString(s, verb), u.plain)
		if valid == "" {
			text = u.name + strings.TrimPrefix(text, reflect.TypeOf(u.plain).String())
		}
		fmt.Fprint(s, text)
	case valid == "" || strings.ContainsRune(valid, verb):
		fmt.Fprintf(s, fmt.FormatString(s, verb), u.plain)
	default:
		// fmt's badVerb, which formats the value as %v does (and no
		// method) with the flags, width and precision given; a + is
		// a sign there, not %+v's field names.
		fmt.Fprintf(s, "%%!%c(%s=%s)", verb, u.name, fmt.Sprintf(fmt.FormatString(s, plain), u.plain))
	}
}
