package embedfiles

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
)

// The compiler's embeddings of testdata, which FS must match.
var (
	//go:embed testdata/a.txt testdata/d
	compiledFS embed.FS
	//go:embed all:testdata/d
	compiledAll embed.FS
	//go:embed testdata/d/*.txt
	compiledGlob embed.FS
	//go:embed testdata/a.txt
	compiledString string
)

// listing is everything fs.WalkDir, ReadDir, ReadFile and Open say of f.
func listing(f fs.FS) string {
	var b strings.Builder
	fs.WalkDir(f, ".", func(p string, d fs.DirEntry, err error) error {
		fmt.Fprintf(&b, "%s %v %v;", p, d.IsDir(), err)
		if d != nil && d.IsDir() {
			es, err := fs.ReadDir(f, p)
			for _, e := range es {
				fmt.Fprintf(&b, " %s/%v", e.Name(), e.IsDir())
			}
			fmt.Fprintf(&b, " %v;", err)
		} else {
			data, err := fs.ReadFile(f, p)
			fmt.Fprintf(&b, " %q %v;", data, err)
		}
		return nil
	})
	_, err := f.Open("testdata/nope")
	fmt.Fprintf(&b, " %v", err)
	return b.String()
}

func TestFSAsCompiled(t *testing.T) {
	for _, tc := range []struct {
		patterns []string
		compiled embed.FS
	}{
		{[]string{"testdata/a.txt", "testdata/d"}, compiledFS},
		{[]string{"all:testdata/d"}, compiledAll},
		{[]string{"testdata/d/*.txt"}, compiledGlob},
	} {
		if got, want := listing(FS(".", tc.patterns...)), listing(tc.compiled); got != want {
			t.Errorf("%q:\n got %s\nwant %s", tc.patterns, got, want)
		}
	}
	if got := String(".", "testdata/a.txt"); got != compiledString {
		t.Errorf("String: %q, want %q", got, compiledString)
	}
}

func TestResolveErrors(t *testing.T) {
	for _, tc := range []struct {
		pattern, want string
	}{
		{"testdata/nope.txt", "pattern testdata/nope.txt: no matching files found"},
		{"../x", "pattern ../x: invalid pattern syntax"},
		{"/abs", "pattern /abs: invalid pattern syntax"},
		{".", "pattern .: invalid pattern syntax"},
		{"testdata/[", "pattern testdata/[: invalid pattern syntax"},
		{"testdata/d/.hidden", ""},
		{"testdata/*.txt", ""},
	} {
		_, err := Resolve(".", []string{tc.pattern})
		var e *Error
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.pattern, err)
		case tc.want != "" && (err == nil || err.Error() != tc.want || !errors.As(err, &e)):
			t.Errorf("%s: %v, want %s", tc.pattern, err, tc.want)
		}
	}
	files, _ := Resolve(".", []string{"testdata/d", "testdata/a.txt", "testdata/d/x.txt"})
	if want := []string{"testdata/a.txt", "testdata/d/b c.txt", "testdata/d/sub/y.txt", "testdata/d/x.txt"}; !slices.Equal(files, want) {
		t.Errorf("Resolve: %q, want %q", files, want)
	}
}

func TestPatterns(t *testing.T) {
	ps, err := Patterns(` a.txt  "b c.txt"	`+"`d e`"+` all:x`, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []Pattern{{"a.txt", 11}, {"b c.txt", 18}, {"d e", 28}, {"all:x", 34}}
	if !slices.Equal(ps, want) {
		t.Errorf("got %v, want %v", ps, want)
	}
	if _, err := Patterns(` "unterminated`, 0); err == nil {
		t.Errorf("an unterminated quote: no error")
	}
}
