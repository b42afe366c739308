package importer

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"sort"
	"strings"
	"testing"

	"github.com/goconc/goconc/kernel/symbols/std"
)

func check(t *testing.T, im types.Importer, src string) error {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "cell.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: im}
	_, err = conf.Check("main", fset, []*ast.File{f}, nil)
	return err
}

func TestCheckAgainstSymbols(t *testing.T) {
	im := New(std.Symbols)
	good := `package main
import ("fmt"; "sync"; "time"; "context"; "net/http"; "net/http/httptest"; "strings"; "math"; "os"; "errors"; "io")
type C struct { sync.Mutex; n int }
func main() {
	var wg sync.WaitGroup
	var c C
	wg.Add(1)
	go func() { defer wg.Done(); c.Lock(); c.n++; c.Unlock() }()
	wg.Wait()
	var l sync.Locker = &c
	l.Lock()
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	<-ctx.Done()
	fmt.Println(ctx.Err() == context.DeadlineExceeded, math.Pi, math.MaxInt64, time.Second.Seconds())
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/", nil)
	http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK); _ = r.Context() }).ServeHTTP(rec, req)
	fmt.Fprintln(os.Stdout, strings.ToUpper("x"), rec.Code, errors.Is(io.EOF, io.EOF))
	var r io.Reader = strings.NewReader("a")
	_ = r
	var d time.Duration = 3 * time.Second
	_ = d
	var m sync.Map
	m.Store(1, 2)
}
`
	if err := check(t, im, good); err != nil {
		t.Fatalf("valid program rejected: %v", err)
	}
	bad := map[string]string{
		"send on receive-only": "package main\nfunc f(in <-chan int) { in <- 1 }\n",
		"wrong arg type":       "package main\nimport \"strings\"\nvar _ = strings.ToUpper(1)\n",
		"missing generic":      "package main\nimport \"slices\"\nvar _ = slices.Sort[[]int]\n",
		"unknown member":       "package main\nimport \"fmt\"\nvar _ = fmt.Nope\n",
	}
	for name, src := range bad {
		if err := check(t, im, src); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// sig prints a type's structure without parameter names, so that types built
// from reflection (which has no names) compare with types from source.
func sig(t types.Type, depth int) string {
	if depth > 4 {
		return "…"
	}
	switch t := t.(type) {
	case *types.Basic:
		switch t.Kind() {
		case types.Byte:
			return "uint8"
		case types.Rune:
			return "int32"
		}
		return t.Name()
	case *types.Named:
		if t.Obj().Pkg() == nil {
			return t.Obj().Name()
		}
		return t.Obj().Pkg().Path() + "." + t.Obj().Name()
	case *types.Alias:
		return sig(types.Unalias(t), depth)
	case *types.Pointer:
		return "*" + sig(t.Elem(), depth+1)
	case *types.Slice:
		return "[]" + sig(t.Elem(), depth+1)
	case *types.Array:
		return fmt.Sprintf("[%d]%s", t.Len(), sig(t.Elem(), depth+1))
	case *types.Map:
		return "map[" + sig(t.Key(), depth+1) + "]" + sig(t.Elem(), depth+1)
	case *types.Chan:
		return fmt.Sprintf("chan(%d) %s", t.Dir(), sig(t.Elem(), depth+1))
	case *types.Signature:
		var b strings.Builder
		b.WriteString("func(")
		for i := 0; i < t.Params().Len(); i++ {
			b.WriteString(sig(t.Params().At(i).Type(), depth+1) + ",")
		}
		if t.Variadic() {
			b.WriteString("...")
		}
		b.WriteString(")(")
		for i := 0; i < t.Results().Len(); i++ {
			b.WriteString(sig(t.Results().At(i).Type(), depth+1) + ",")
		}
		return b.String() + ")"
	case *types.Struct:
		var b strings.Builder
		b.WriteString("struct{")
		for i := 0; i < t.NumFields(); i++ {
			f := t.Field(i)
			if f.Exported() {
				fmt.Fprintf(&b, "%s %v %s;", f.Name(), f.Embedded(), sig(f.Type(), depth+1))
			}
		}
		return b.String() + "}"
	case *types.Interface:
		var ms []string
		for i := 0; i < t.NumMethods(); i++ {
			m := t.Method(i)
			if m.Exported() {
				ms = append(ms, m.Name()+sig(m.Type(), depth+1))
			}
		}
		sort.Strings(ms)
		return "interface{" + strings.Join(ms, ";") + "}"
	}
	return t.String()
}

func kind(o types.Object) string {
	switch o := o.(type) {
	case *types.Const:
		return "const"
	case *types.Var:
		return "var"
	case *types.Func:
		return "func"
	case *types.TypeName:
		if o.IsAlias() {
			return "type"
		}
		return "type"
	}
	return "?"
}

func isUntyped(o types.Object) bool {
	b, ok := o.Type().(*types.Basic)
	return ok && b.Info()&types.IsUntyped != 0
}
