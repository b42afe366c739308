package evaluator

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/goconc/goconc/kernel/formatverbs"
)

// A format that is not a constant (program's formatVariable): the cell
// cannot tell which operands %T formats, so the format goes through
// FormatVerbs, and each operand of an interface or a notebook type is
// replaced by its type's name where TypeOnly says; both read the format
// as fmt does (kernel/formatverbs):
//
//	fmt.Printf(format, p)    fmt.Printf(FormatVerbs(format, 1), []any{p, "main.point"}[TypeOnly(format, 1, 0)])
//
// An operand that another verb formats too ("%[1]T %[1]v", only with
// operand indexes) keeps its value, and FormatNamed writes its type's
// name, which the cell passes, in place of the %T.

// formatVerbsHook is the FormatVerbs hook.
func formatVerbsHook(f string, n int) string { return formatverbs.TypesAsStrings(f, n) }

// typeOnlyHook is the TypeOnly hook: 1 if the format f, given n
// operands, formats the operand k only by %T (FormatVerbs makes it %s of
// the type's name the cell puts there), else 0.
func typeOnlyHook(f string, n, k int) int {
	if formatverbs.TypeOnly(f, n, k) {
		return 1
	}
	return 0
}

// formatNamedHook is the FormatNamed hook: the operands named are listed
// in named ("0,2"), their names in names, in the same order.
func formatNamedHook(f string, n int, named string, names ...string) string {
	byArg := map[int]string{}
	for i, k := range strings.Split(named, ",") {
		if j, err := strconv.Atoi(k); err == nil && i < len(names) {
			byArg[j] = names[i]
		}
	}
	return formatverbs.TypesNamed(f, n, byArg)
}

// formatEachHook is the FormatEach hook: the format f of a print that
// spreads its operands vs (fmt.Printf(f, args...), in a wrapper of the
// notebook's, logf(format string, args ...any)), which the cell cannot
// read before it runs, with each %T made %s or written as the name of the
// type of what vs holds there, as FormatNamed writes it. fmt's own %T
// printed the interpreter's view of a notebook type, or the
// fieldnames.formatter the operand was handed to fmt in.
func formatEachHook(f string, vs []any) string {
	typed, _ := formatverbs.TypeOperands(f, len(vs))
	if len(typed) == 0 {
		return f
	}
	names := make(map[int]string, len(typed))
	for _, k := range typed {
		names[k] = dynamicTypeName(vs[k])
	}
	return formatverbs.TypesNamed(f, len(vs), names)
}

// typeNamesEachHook is the TypeNamesEach hook: out, the operands vs as
// the print hands them to fmt (the Fields hooks' formatters), with each
// that f formats by %T alone replaced by its type's name, for the %s
// FormatEach made of the %T. vs, the cell's slice, stays as it is.
func typeNamesEachHook(f string, vs, out []any) []any {
	_, only := formatverbs.TypeOperands(f, len(vs))
	if len(only) == 0 || len(out) != len(vs) {
		return out
	}
	out = slices.Clone(out)
	for _, k := range only {
		out[k] = dynamicTypeName(vs[k])
	}
	return out
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
