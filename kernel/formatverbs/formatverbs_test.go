package formatverbs

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TypesAsStrings with the names of the operands TypeOnly picks, and
// TypesNamed, print what fmt prints, for formats with %T among other
// verbs, operand indexes and * widths.
func TestFormats(t *testing.T) {
	for _, f := range []string{
		"%T\n", "%v %T", "%-8T|", "%[2]T %[1]v", "%[1]T %[1]v", "%*d %T", "%.*f %T %%T", "%T %T %T",
		"%T", "no verbs", "%", "%[x]T %T", "%[3]T", "%!T", "%[4]T %T", "%[2]*[1]d %T", "%[1]2T", "%[1].2T %T",
		"%[]T", "%[12345678]T", "%T %[1]T", "%*T", "%.[2]*[1]f %[3]T", "%[2]T%", "%-10[3]T|",
		"%[1]T %[1]v %v", "%[2]T %v %d", "%[1]T %*d", "%[3]T %.*f", "%[1]-8T|%[1]v", "%[1].3T %[1]v", "%[1]T %[1]T %s",
	} {
		args := []any{3, "s", 2.5}
		want := fmt.Sprintf(f, args...)
		conv := make([]any, len(args))
		for k, a := range args {
			conv[k] = []any{a, fmt.Sprintf("%T", a)}[b2i(TypeOnly(f, len(args), k))]
		}
		if got := fmt.Sprintf(TypesAsStrings(f, len(args)), conv...); got != want {
			t.Errorf("%q: %q, want %q", f, got, want)
		}
		names := namedAll(args, func(int) bool { return true })
		if got := fmt.Sprintf(TypesNamed(f, len(args), names), conv...); got != want {
			t.Errorf("%q named %v: %q, want %q", f, names, got, want)
		}
		if got := spread(f, args); got != want {
			t.Errorf("%q spread: %q, want %q", f, got, want)
		}
	}
}

// spread formats args with f as a print that spreads its operands does
// (the evaluator's FormatEach and TypeNamesEach hooks): the operands
// TypeOperands says %T formats named, those it formats alone replaced by
// their names.
func spread(f string, args []any) string {
	typed, only := TypeOperands(f, len(args))
	names := map[int]string{}
	for _, k := range typed {
		names[k] = fmt.Sprintf("%T", args[k])
	}
	conv := append([]any(nil), args...)
	for _, k := range only {
		conv[k] = names[k]
	}
	return fmt.Sprintf(TypesNamed(f, len(args), names), conv...)
}

// namedAll gives TypesNamed the names of the types of the operands some
// chooses.
func namedAll(args []any, some func(int) bool) map[int]string {
	names := map[int]string{}
	for k, a := range args {
		if some(k) {
			names[k] = fmt.Sprintf("%T", a)
		}
	}
	return names
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Formats made of random pieces, against fmt itself.
func TestFormatsRandom(t *testing.T) {
	pieces := []string{"%", "T", "v", "d", "s", "[1]", "[2]", "[3]", "[0]", "[", "]", "*", ".", "2", "-", "#", " ", "x", "%T"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		f := b.String()
		args := []any{3, "s", 2.5}[:r.IntN(4)]
		want := fmt.Sprintf(f, args...)
		conv := make([]any, len(args))
		for k, a := range args {
			conv[k] = []any{a, fmt.Sprintf("%T", a)}[b2i(TypeOnly(f, len(args), k))]
		}
		if got := fmt.Sprintf(TypesAsStrings(f, len(args)), conv...); got != want {
			t.Fatalf("%q with %d operands: %q, want %q", f, len(args), got, want)
		}
		names := namedAll(args, func(int) bool { return r.IntN(2) == 0 })
		if got := fmt.Sprintf(TypesNamed(f, len(args), names), conv...); got != want {
			t.Fatalf("%q with %d operands, %v named: %q, want %q", f, len(args), names, got, want)
		}
		if got := spread(f, args); got != want {
			t.Fatalf("%q with %d operands, spread: %q, want %q", f, len(args), got, want)
		}
	}
}
