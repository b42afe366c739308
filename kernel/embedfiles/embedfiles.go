// Package embedfiles reads the files a //go:embed directive names, as go
// build does, into a string, a []byte or an embed.FS.
//
// go build reads them when it compiles the program, from the package's
// directory; a cell's package is the notebook, whose directory is the
// working directory of its kernel and evaluator, and a cell is compiled
// when it runs. kernel/program checks a directive and its patterns when it
// compiles the cell (Resolve, Patterns), and has the variable initialized
// by a hook calling String, Bytes or FS:
//
//	//go:embed hello.txt
//	var s string
//
// becomes
//
//	//go:embed hello.txt
//	var s string = __goconc.EmbedString("hello.txt")
//
// The hooks read the files when the cell runs: a file changed since is
// read as it is then (go run would have read it when it compiled).
package embedfiles

import (
	"crypto/sha256"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unsafe"
)

// Pattern is a pattern of a //go:embed directive, and where it starts in
// the directive's text.
type Pattern struct {
	Text   string
	Offset int
}

// Patterns returns the patterns of a directive's arguments, the text
// after "//go:embed" (at offset in the directive): separated by spaces,
// each plain or quoted as a Go string ("a b.txt" or `a b.txt`), as go
// build reads them.
func Patterns(args string, offset int) ([]Pattern, error) {
	var out []Pattern
	for i := 0; ; {
		for i < len(args) && (args[i] == ' ' || args[i] == '\t') {
			i++
		}
		if i >= len(args) {
			return out, nil
		}
		start := i
		switch args[i] {
		case '"', '`':
			q := args[i]
			j := i + 1
			for j < len(args) && args[j] != q {
				if q == '"' && args[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(args) {
				return nil, fmt.Errorf("invalid quoted string in //go:embed: %s", args[i:])
			}
			text, err := strconv.Unquote(args[i : j+1])
			if err != nil {
				return nil, fmt.Errorf("invalid quoted string in //go:embed: %s", args[i:j+1])
			}
			out = append(out, Pattern{text, offset + start})
			i = j + 1
			if i < len(args) && args[i] != ' ' && args[i] != '\t' {
				return nil, fmt.Errorf("invalid quoted string in //go:embed: %s", args[start:])
			}
		default:
			for i < len(args) && args[i] != ' ' && args[i] != '\t' {
				i++
			}
			out = append(out, Pattern{args[start:i], offset + start})
		}
	}
}

// Error is a pattern that names no file go build would embed.
type Error struct {
	Pattern string
	Err     error
}

func (e *Error) Error() string { return fmt.Sprintf("pattern %s: %v", e.Pattern, e.Err) }

func (e *Error) Unwrap() error { return e.Err }

// Resolve returns the files, relative to dir and slash-separated, that
// patterns name, sorted, as go build finds them: a directory stands for
// the files under it but for those whose names begin with . or _ (unless
// the pattern begins with all:), a pattern must name at least one file,
// and no file may be irregular. An *Error says which pattern failed.
func Resolve(dir string, patterns []string) ([]string, error) {
	have := map[string]bool{}
	for _, pattern := range patterns {
		list, err := resolve(dir, pattern)
		if err != nil {
			return nil, &Error{Pattern: pattern, Err: err}
		}
		for _, f := range list {
			have[f] = true
		}
	}
	files := make([]string, 0, len(have))
	for f := range have {
		files = append(files, f)
	}
	sort.Strings(files)
	return files, nil
}

func resolve(dir, pattern string) ([]string, error) {
	glob, all := strings.CutPrefix(pattern, "all:")
	if _, err := path.Match(glob, ""); err != nil || glob == "." || !fs.ValidPath(glob) {
		return nil, errors.New("invalid pattern syntax")
	}
	matches, err := filepath.Glob(filepath.Join(dir, filepath.FromSlash(glob)))
	if err != nil {
		return nil, err
	}
	var list []string
	seen := map[string]bool{}
	add := func(rel string) {
		if !seen[rel] {
			seen[rel] = true
			list = append(list, rel)
		}
	}
	for _, file := range matches {
		rel, err := filepath.Rel(dir, file)
		if err != nil {
			return nil, err
		}
		rel = filepath.ToSlash(rel)
		info, err := os.Lstat(file)
		if err != nil {
			return nil, err
		}
		what := "file"
		if info.IsDir() {
			what = "directory"
		}
		elems := strings.Split(rel, "/")
		for i, elem := range elems {
			if badName(elem) {
				if i == len(elems)-1 {
					return nil, fmt.Errorf("cannot embed %s %s: invalid name %s", what, rel, elem)
				}
				return nil, fmt.Errorf("cannot embed %s %s: in invalid directory %s", what, rel, elem)
			}
		}
		switch {
		case info.Mode().IsRegular():
			add(rel)
		case info.IsDir():
			count := 0
			err := filepath.WalkDir(file, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				r, _ := filepath.Rel(dir, p)
				r = filepath.ToSlash(r)
				name := d.Name()
				if p != file && (badName(name) || (name[0] == '.' || name[0] == '_') && !all) {
					if d.IsDir() {
						return fs.SkipDir
					}
					if name[0] == '.' || name[0] == '_' {
						return nil
					}
					return fmt.Errorf("cannot embed file %s: invalid name %s", r, name)
				}
				if d.IsDir() || !d.Type().IsRegular() {
					return nil
				}
				count++
				add(r)
				return nil
			})
			if err != nil {
				return nil, err
			}
			if count == 0 {
				return nil, fmt.Errorf("cannot embed directory %s: contains no embeddable files", rel)
			}
		default:
			return nil, fmt.Errorf("cannot embed irregular file %s", rel)
		}
	}
	if len(list) == 0 {
		return nil, errors.New("no matching files found")
	}
	return list, nil
}

// badName reports whether a file's name is one a module cannot hold
// (golang.org/x/mod's CheckFilePath, but for Windows' reserved and short
// names), or a version control system's directory: go build embeds no
// such file.
func badName(name string) bool {
	switch name {
	case "", ".", "..", ".bzr", ".hg", ".git", ".svn":
		return true
	}
	if strings.HasSuffix(name, ".") {
		return true
	}
	for _, r := range name {
		if r < 0x80 && !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || strings.ContainsRune("!#$%&()+,-.=@[]^_{}~ ", r)) ||
			r >= 0x80 && !unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// String is the content of the file patterns name in dir, for a
// //go:embed variable of type string.
func String(dir string, patterns ...string) string {
	return string(Bytes(dir, patterns...))
}

// Bytes is the content of the file patterns name in dir, for a
// //go:embed variable of type []byte.
func Bytes(dir string, patterns ...string) []byte {
	files, err := Resolve(dir, patterns)
	if err == nil && len(files) != 1 {
		err = fmt.Errorf("invalid go:embed: multiple files for patterns %s", strings.Join(patterns, " "))
	}
	if err != nil {
		panic(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(files[0])))
	if err != nil {
		panic(err)
	}
	return b
}

// FS is the files patterns name in dir, for a //go:embed variable of type
// embed.FS: the files, and the directories that hold them, in the order
// the compiler writes them (by directory, then name).
func FS(dir string, patterns ...string) embed.FS {
	files, err := Resolve(dir, patterns)
	if err != nil {
		panic(err)
	}
	type entry struct {
		name, data string
		dir        bool
	}
	var list []entry
	have := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			panic(err)
		}
		list = append(list, entry{name: f, data: string(b)})
		for d := path.Dir(f); d != "." && !have[d]; d = path.Dir(d) {
			have[d] = true
			list = append(list, entry{name: d + "/", dir: true})
		}
	}
	sort.Slice(list, func(i, j int) bool { return fileLess(list[i].name, list[j].name) })

	// embed.FS is struct{ files *[]file }, file struct{ name, data
	// string; hash [16]byte }, which only the compiler writes: its
	// fields are set here through their addresses.
	var fsys embed.FS
	filesField := reflect.ValueOf(&fsys).Elem().Field(0)
	slice := reflect.MakeSlice(filesField.Type().Elem(), len(list), len(list))
	for i, e := range list {
		f := slice.Index(i)
		set(f.Field(0), reflect.ValueOf(e.name))
		set(f.Field(1), reflect.ValueOf(e.data))
		if !e.dir {
			sum := sha256.Sum256([]byte(e.data))
			var hash [16]byte
			copy(hash[:], sum[:])
			set(f.Field(2), reflect.ValueOf(hash))
		}
	}
	p := reflect.New(slice.Type())
	p.Elem().Set(slice)
	set(filesField, p)
	return fsys
}

// set sets v, an unexported field of an addressable struct, to x.
func set(v, x reflect.Value) {
	reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem().Set(x)
}

// fileLess is the compiler's order of an embed.FS's files: by directory,
// then name, a directory's name ending in a slash.
func fileLess(x, y string) bool {
	xdir, xelem := split(x)
	ydir, yelem := split(y)
	return xdir < ydir || xdir == ydir && xelem < yelem
}

func split(name string) (dir, elem string) {
	name = strings.TrimSuffix(name, "/")
	i := strings.LastIndexByte(name, '/')
	if i < 0 {
		return ".", name
	}
	return name[:i], name[i+1:]
}
