package importer

import (
	"go/types"
	"testing"

	"github.com/goconc/goconc/kernel/stdsource"
	"github.com/goconc/goconc/kernel/symbols"
)

// The types of the standard library write byte, rune, any and the names
// of parameters where their packages do, everywhere go/types meets them:
// functions, methods (promoted ones too), fields, interfaces' methods and
// constants.
func TestSpellings(t *testing.T) {
	im := New(symbols.All())
	im.SetSpellings(symbols.Spellings())
	// (iter's generic types from source, as in a session)
	stdsource.NewLoader("", im).Attach(im)
	lookup := func(path, name string) types.Object {
		t.Helper()
		p, err := im.Import(path)
		if err != nil {
			t.Fatal(err)
		}
		return p.Scope().Lookup(name)
	}
	member := func(path, typ, name string) types.Object {
		t.Helper()
		typT := lookup(path, typ).Type()
		if !types.IsInterface(typT) {
			typT = types.NewPointer(typT)
		}
		obj, _, _ := types.LookupFieldOrMethod(typT, true, nil, name)
		return obj
	}
	for _, tc := range []struct {
		what string
		obj  types.Object
		want string
	}{
		{"a function", lookup("bytes", "IndexByte"), "func(b []byte, c byte) int"},
		{"a function of functions", lookup("strings", "Map"), "func(mapping func(rune) rune, s string) string"},
		{"a function of a slice of runes", lookup("bytes", "Runes"), "func(s []byte) []rune"},
		{"a variadic function", lookup("fmt", "Appendln"), "func(b []byte, a ...any) []byte"},
		{"a method", member("bufio", "Reader", "ReadString"), "func(delim byte) (string, error)"},
		{"a promoted method", member("bufio", "ReadWriter", "ReadRune"), "func() (r rune, size int, err error)"},
		{"a field", member("archive/tar", "Header", "Typeflag"), "byte"},
		{"an interface's method", member("io", "Reader", "Read"), "func(p []byte) (n int, err error)"},
		{"an embedded interface's method", member("io", "ByteScanner", "ReadByte"), "func() (byte, error)"},
		{"an untyped rune constant", lookup("unicode/utf8", "RuneError"), "untyped rune"},
		{"a constant of a group", lookup("unicode", "MaxASCII"), "untyped rune"},
		{"names of parameters", lookup("strings", "ToUpper"), "func(s string) string"},
		{"a function without names stays", lookup("os", "Getpid"), "func() int"},
		{"an alias of another package's type", lookup("os", "Chmod"), "func(name string, mode os.FileMode) error"},
		{"an alias as a result", lookup("os", "Stat"), "func(name string) (os.FileInfo, error)"},
		{"an alias's package's own name", lookup("io/fs", "Stat"), "func(fsys fs.FS, name string) (fs.FileInfo, error)"},
		{"an alias", lookup("os", "FileMode"), "os.FileMode"},
		{"an instance's type arguments", lookup("bytes", "FieldsFuncSeq"), "func(s []byte, f func(rune) bool) iter.Seq[[]byte]"},
	} {
		if tc.obj == nil {
			t.Errorf("%s: not found", tc.what)
			continue
		}
		got := types.TypeString(tc.obj.Type(), types.RelativeTo(nil))
		if f, ok := tc.obj.(*types.Func); ok {
			got = types.TypeString(types.NewSignatureType(nil, nil, nil, f.Signature().Params(), f.Signature().Results(), f.Signature().Variadic()), byName)
		}
		if got != tc.want {
			t.Errorf("%s: %s, want %s", tc.what, got, tc.want)
		}
	}
	// Spelled or not, the types are the same.
	plain := New(symbols.All())
	p, _ := plain.Import("bytes")
	if !types.Identical(p.Scope().Lookup("IndexByte").Type(), lookup("bytes", "IndexByte").Type()) {
		t.Errorf("bytes.IndexByte spelled is another type")
	}
}

// byName qualifies a type by its package's name.
func byName(p *types.Package) string { return p.Name() }

// BenchmarkSpellings imports, into a fresh importer, the packages a
// notebook often does, with and without the spellings.
func BenchmarkSpellings(b *testing.B) {
	paths := []string{"fmt", "strings", "bytes", "bufio", "io", "os", "net/http", "encoding/json", "time", "sort", "strconv", "regexp", "text/template"}
	for _, spelled := range []bool{false, true} {
		name := "plain"
		if spelled {
			name = "spelled"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				im := New(symbols.All())
				if spelled {
					im.SetSpellings(symbols.Spellings())
				}
				for _, p := range paths {
					if _, err := im.Import(p); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
