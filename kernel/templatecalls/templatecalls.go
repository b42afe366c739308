// Package templatecalls lets templates call the methods of the
// notebook's struct types.
//
// text/template calls a method of its data by reflection
// (Value.MethodByName), and the interpreter's struct types have no
// methods to reflect: {{.FullName}} of a Person with a FullName method
// failed with "can't evaluate field FullName in type *struct {...}".
// Before a template runs, Text and HTML rewrite its parse trees: each
// chain of fields in it that names a method the notebook registered with
// kernel/methodsets becomes a call of a function of the template's, which
// walks the chain as the template would, calling the notebook's methods
// through kernel/methodsets:
//
//	{{.Author.FullName}}       {{FullName . "Author.FullName"}}
//	{{$p.Greet "hi"}}          {{Greet $p "Greet" "hi"}}
//	{{printf "%s" .FullName}}  {{printf "%s" (FullName . "FullName")}}
//
// The function is named after the chain's last method, so that an error
// it returns reads as the template's own would: "error calling FullName:
// ...".
package templatecalls

import (
	"fmt"
	htmltemplate "html/template"
	"maps"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"text/template/parse"
	"unsafe"
	"weak"

	"github.com/goconc/goconc/kernel/fieldnames"
	"github.com/goconc/goconc/kernel/methodsets"
)

// errorf makes an error of the walk of a chain, which Go's template
// reports as its own, where an error a function returns reads "error
// calling Initials: ..." (ExecError takes that off).
func errorf(format string, args ...any) error {
	return evalError{fmt.Sprintf(format, args...)}
}

// evalError is an error of the walk of a chain, not of a method called.
type evalError struct{ msg string }

func (e evalError) Error() string { return e.msg }

// rewriting is held while trees are rewritten, so that a template
// executed by two goroutines at once is rewritten by one of them, and
// run by either once it is; rewritten holds the trees rewritten, and the
// functions they call, for as long as they live.
var (
	rewriting sync.Mutex
	rewritten = map[weak.Pointer[parse.Tree]]map[string]any{}
)

// Text returns t, its trees rewritten to call the notebook's methods.
func Text(t *template.Template) *template.Template {
	if t != nil {
		if funcs := rewrite(trees(t.Templates(), func(t *template.Template) *parse.Tree { return t.Tree }), ownFuncs(t)); len(funcs) > 0 {
			t.Funcs(funcs)
		}
	}
	return t
}

// HTML returns t, its trees rewritten to call the notebook's methods.
func HTML(t *htmltemplate.Template) *htmltemplate.Template {
	if t != nil {
		var own map[string]bool
		if text := reflect.ValueOf(t).Elem().FieldByName("text"); text.Kind() == reflect.Pointer && text.Type() == reflect.TypeFor[*template.Template]() && !text.IsNil() {
			own = ownFuncs((*template.Template)(text.UnsafePointer()))
		}
		if funcs := rewrite(trees(t.Templates(), func(t *htmltemplate.Template) *parse.Tree { return t.Tree }), own); len(funcs) > 0 {
			t.Funcs(funcs)
		}
	}
	return t
}

// ownFuncs returns the names of the functions t's templates were given
// (Funcs): a printf among them is the notebook's, not fmt's. The template
// keeps them unexported, under a lock of its own.
func ownFuncs(t *template.Template) map[string]bool {
	c := reflect.ValueOf(t).Elem().FieldByName("common")
	if c.Kind() != reflect.Pointer || c.IsNil() {
		return nil
	}
	c = c.Elem()
	mu, funcs := c.FieldByName("muFuncs"), c.FieldByName("execFuncs")
	if mu.Type() != reflect.TypeFor[sync.RWMutex]() || funcs.Kind() != reflect.Map {
		return nil
	}
	lock := (*sync.RWMutex)(unsafe.Pointer(mu.UnsafeAddr()))
	lock.RLock()
	defer lock.RUnlock()
	own := map[string]bool{}
	for _, k := range funcs.MapKeys() {
		own[k.String()] = true
	}
	return own
}

// trees returns the parse tree of each template of ts.
func trees[T any](ts []T, tree func(T) *parse.Tree) []*parse.Tree {
	out := make([]*parse.Tree, len(ts))
	for i, t := range ts {
		out[i] = tree(t)
	}
	return out
}

// rewrite rewrites the trees not rewritten yet, and returns the functions
// their calls need.
func rewrite(trees []*parse.Tree, own map[string]bool) map[string]any {
	rewriting.Lock()
	defer rewriting.Unlock()
	var todo []*parse.Tree
	funcs := map[string]any{}
	for _, tree := range trees {
		if tree == nil || tree.Root == nil {
			continue
		}
		if done, ok := rewritten[weak.Make(tree)]; ok {
			// A tree rewritten for another template: a clone shares
			// its trees, not its functions.
			maps.Copy(funcs, done)
			continue
		}
		todo = append(todo, tree)
	}
	if len(todo) > 0 { // (else html/template's escaper may be changing the trees)
		methods := methodsets.Names()
		if len(methods) == 0 && !hasStructNames() {
			return nil
		}
		r := &rewriter{methods: methods, funcs: map[string]any{}, taken: map[string]bool{}, defined: own}
		for _, tree := range trees {
			if tree != nil && tree.Root != nil {
				r.identifiers(tree.Root)
			}
		}
		for _, tree := range todo {
			w := weak.Make(tree)
			rewritten[w] = r.funcs
			runtime.AddCleanup(tree, func(w weak.Pointer[parse.Tree]) {
				rewriting.Lock()
				delete(rewritten, w)
				rewriting.Unlock()
			}, w)
			r.list(tree.Root)
			r.actions(tree.Root)
		}
		maps.Copy(funcs, r.funcs)
	}
	for name := range funcs {
		if !own[name] {
			return funcs
		}
	}
	return nil // (the template has them all)
}

type rewriter struct {
	methods map[string]bool // the names of the notebook's methods
	funcs   map[string]any  // the functions the rewritten trees call
	taken   map[string]bool // the functions the templates call themselves
	defined map[string]bool // the functions the templates were given (Funcs)
}

// identifiers notes the functions the templates call, whose names the
// rewritten calls must not take.
func (r *rewriter) identifiers(n parse.Node) {
	walk(n, func(n parse.Node) {
		if id, ok := n.(*parse.IdentifierNode); ok {
			r.taken[id.Ident] = true
		}
	})
}

// walk calls f with n and each node under it.
func walk(n parse.Node, f func(parse.Node)) {
	if n == nil {
		return
	}
	f(n)
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				walk(c, f)
			}
		}
	case *parse.ActionNode:
		walk(n.Pipe, f)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, f)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, f)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, f)
	case *parse.TemplateNode:
		if n.Pipe != nil { // ({{template "T1"}} has none)
			walk(n.Pipe, f)
		}
	case *parse.PipeNode:
		if n != nil {
			for _, c := range n.Cmds {
				walk(c, f)
			}
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walk(a, f)
		}
	case *parse.ChainNode:
		walk(n.Node, f)
	}
}

func walkBranch(b *parse.BranchNode, f func(parse.Node)) {
	walk(b.Pipe, f)
	if b.List != nil {
		walk(b.List, f)
	}
	if b.ElseList != nil {
		walk(b.ElseList, f)
	}
}

// list rewrites the chains under n.
func (r *rewriter) list(n parse.Node) {
	walk(n, func(n parse.Node) {
		if cmd, ok := n.(*parse.CommandNode); ok {
			r.command(cmd)
		}
	})
}

// command rewrites the chains among cmd's words that name a method: the
// first word, a method given the others as arguments, becomes the
// function's call; another becomes a call in parentheses.
func (r *rewriter) command(cmd *parse.CommandNode) {
	for i, arg := range cmd.Args {
		recv, path, pos, ok := r.chain(arg)
		if !ok {
			continue
		}
		call := []parse.Node{r.function(path, pos), recv, &parse.StringNode{NodeType: parse.NodeString, Pos: pos, Quoted: strconv.Quote(path), Text: path}}
		if i == 0 {
			cmd.Args = append(call, cmd.Args[1:]...)
			cmd.Pos = pos // (where an error of it is placed: at the chain's last field, as Go's)
			continue
		}
		cmd.Args[i] = &parse.PipeNode{NodeType: parse.NodePipe, Pos: pos, Cmds: []*parse.CommandNode{{NodeType: parse.NodeCommand, Pos: pos, Args: call}}}
	}
}

// chain returns the receiver and the fields of a chain of fields n
// (.A.B, $x.A, (pipe).A) with a method's name among them.
func (r *rewriter) chain(n parse.Node) (recv parse.Node, path string, pos parse.Pos, ok bool) {
	var fields []string
	switch n := n.(type) {
	case *parse.FieldNode:
		recv, fields = &parse.DotNode{NodeType: parse.NodeDot, Pos: n.Pos}, n.Ident
	case *parse.VariableNode:
		if len(n.Ident) < 2 {
			return nil, "", 0, false
		}
		recv, fields = &parse.VariableNode{NodeType: parse.NodeVariable, Pos: n.Pos, Ident: n.Ident[:1]}, n.Ident[1:]
	case *parse.ChainNode:
		if n.Node.Type() == parse.NodeNil {
			return nil, "", 0, false
		}
		recv, fields = n.Node, n.Field
	default:
		return nil, "", 0, false
	}
	for _, f := range fields {
		if r.methods[f] {
			return recv, strings.Join(fields, "."), n.Position(), true
		}
	}
	return nil, "", 0, false
}

// function returns the identifier of the function a rewritten chain
// calls: its last method's name, unless the templates call a function of
// that name themselves.
func (r *rewriter) function(path string, pos parse.Pos) *parse.IdentifierNode {
	fields := strings.Split(path, ".")
	name := "goconcField"
	for i := len(fields) - 1; i >= 0; i-- {
		if r.methods[fields[i]] {
			name = fields[i]
			break
		}
	}
	if r.taken[name] {
		name = "goconcField"
	}
	r.funcs[name] = Field
	return parse.NewIdentifier(name).SetPos(pos)
}

// Field evaluates the chain of fields path (A.B.C) from recv, as a
// template evaluates .A.B.C from dot: each a method of the receiver, a
// field of a struct, or a key of a map; the last one given args.
func Field(recv reflect.Value, path string, args ...reflect.Value) (reflect.Value, error) {
	fields := strings.Split(path, ".")
	for i, name := range fields {
		var err error
		var last []reflect.Value
		if i == len(fields)-1 {
			last = args
		}
		if recv, err = field(recv, name, last, i == len(fields)-1); err != nil {
			return reflect.Value{}, err
		}
	}
	return recv, nil
}

// field is text/template's evalField.
func field(recv reflect.Value, name string, args []reflect.Value, last bool) (reflect.Value, error) {
	if !recv.IsValid() {
		return reflect.Value{}, nil
	}
	typ := recv.Type()
	recv, isNil := indirect(recv)
	if recv.Kind() == reflect.Interface && isNil {
		return reflect.Value{}, errorf("nil pointer evaluating %s.%s", typ, name)
	}
	ptr := recv
	if ptr.Kind() != reflect.Interface && ptr.Kind() != reflect.Pointer && ptr.CanAddr() {
		ptr = ptr.Addr()
	}
	if m := methodsets.ValueMethodByName(original(ptr), original(ptr).Type(), name); m.IsValid() {
		if o := original(ptr); o.Kind() == reflect.Pointer && o.IsNil() {
			if _, value := methodsets.MethodByName(o.Type().Elem(), name); value {
				// (Go's method wrapper panics, and the template reports it)
				t := fieldnames.GoTypeString(o.Type().Elem())
				return reflect.Value{}, fmt.Errorf("value method %s.%s called using nil *%s pointer", t, name, t[strings.LastIndex(t, ".")+1:])
			}
		}
		return call(m, name, args)
	}
	switch recv.Kind() {
	case reflect.Struct:
		if f, ok := fieldnames.FieldByName(recv.Type(), name); ok {
			v, err := recv.FieldByIndexErr(f.Index)
			if !f.IsExported() {
				return reflect.Value{}, errorf("%s is an unexported field of struct type %s", name, typ)
			}
			if err != nil {
				return reflect.Value{}, err
			}
			if len(args) > 0 {
				return reflect.Value{}, errorf("%s has arguments but cannot be invoked as function", name)
			}
			return v, nil
		}
	case reflect.Map:
		key := reflect.ValueOf(name)
		if key.Type().AssignableTo(recv.Type().Key()) {
			if len(args) > 0 {
				return reflect.Value{}, errorf("%s is not a method but has arguments", name)
			}
			return recv.MapIndex(key), nil
		}
	case reflect.Pointer:
		if isNil {
			return reflect.Value{}, errorf("nil pointer evaluating %s.%s", typ, name)
		}
	}
	return reflect.Value{}, errorf("can't evaluate field %s in type %s", name, typ)
}

// original returns v, or a pointer to it, as a value of the notebook's
// type, if v is a copy of one that the template's data went through
// (kernel/fieldnames' PlainTemplate gives an embedded struct field its
// Anonymous flag in a type of its own, which has no methods).
func original(v reflect.Value) reflect.Value {
	t := v.Type()
	if t.Kind() == reflect.Pointer {
		if o, ok := fieldnames.Original(t.Elem()); ok && !v.IsNil() {
			return reflect.NewAt(o, v.UnsafePointer())
		}
		if !v.IsNil() {
			if r, ok := fieldnames.Restore(v.Elem()); ok {
				p := reflect.New(r.Type())
				p.Elem().Set(r)
				return p
			}
		}
		return v
	}
	o, ok := fieldnames.Original(t)
	if !ok {
		if r, ok := fieldnames.Restore(v); ok {
			return r // (a copy whose fields were retyped)
		}
		return v
	}
	p := reflect.New(t)
	p.Elem().Set(v)
	return reflect.NewAt(o, p.UnsafePointer()).Elem()
}

// indirect is text/template's: through pointers and interfaces to a
// value, and whether one of them was nil.
func indirect(v reflect.Value) (rv reflect.Value, isNil bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

// call calls method m with args as text/template's evalCall does: their
// number checked, each converted to its parameter's type, a second result
// an error.
func call(m reflect.Value, name string, args []reflect.Value) (reflect.Value, error) {
	typ := m.Type()
	fixed := typ.NumIn()
	if typ.IsVariadic() {
		fixed--
		if len(args) < fixed {
			return reflect.Value{}, errorf("wrong number of args for %s: want at least %d got %d", name, fixed, len(args))
		}
	} else if len(args) != fixed {
		return reflect.Value{}, errorf("wrong number of args for %s: want %d got %d", name, fixed, len(args))
	}
	if n := typ.NumOut(); n == 0 || n > 2 || n == 2 && typ.Out(1) != reflect.TypeFor[error]() {
		return reflect.Value{}, errorf("can't call method/function %q with %d results", name, n)
	}
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		want := typ.In(min(i, typ.NumIn()-1))
		if typ.IsVariadic() && i >= fixed {
			want = typ.In(fixed).Elem()
		}
		v, err := convert(a, want)
		if err != nil {
			return reflect.Value{}, err
		}
		in[i] = v
	}
	out := m.Call(in)
	if len(out) == 2 && !out[1].IsNil() {
		return out[0], out[1].Interface().(error)
	}
	return out[0], nil
}

// convert gives argument v the type want, as the template gives a
// constant its parameter's type.
func convert(v reflect.Value, want reflect.Type) (reflect.Value, error) {
	if !v.IsValid() {
		return reflect.Zero(want), nil
	}
	if v.Kind() == reflect.Interface && !v.IsNil() && !v.Type().AssignableTo(want) {
		v = v.Elem()
	}
	switch {
	case v.Type().AssignableTo(want):
		return v, nil
	case numeric(v.Kind()) && numeric(want.Kind()) && v.CanConvert(want):
		return v.Convert(want), nil
	case v.Kind() == want.Kind() && v.CanConvert(want):
		return v.Convert(want), nil
	}
	return reflect.Value{}, errorf("wrong type for value; expected %s; got %s", want, v.Type())
}

func numeric(k reflect.Kind) bool {
	return reflect.Int <= k && k <= reflect.Complex128
}
