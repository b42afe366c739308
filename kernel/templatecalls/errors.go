package templatecalls

import (
	"errors"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"text/template"

	"github.com/goconc/goconc/kernel/fieldnames"
)

// ExecError returns err, an error of a template's Execute or
// ExecuteTemplate, as Go's template would have worded it. text/template
// spells the type of the data it could not read, and the interpreter's
// struct types have no names: Go's "can't evaluate field Missing in type
// main.Order" read "... in type struct { ID int "goconc:\"Order\""; ... }".
// And the interpreter exports unexported fields (notes is Xnotes), so
// {{.notes}} found no field notes, where Go's template finds one it may
// not read: "notes is an unexported field of struct type main.Order".
// html/template's Execute returns text/template's errors too.
func ExecError(err error) error {
	ee, ok := err.(template.ExecError)
	if !ok {
		return err
	}
	msg := ee.Err.Error()
	var walk evalError
	if errors.As(ee.Err, &walk) {
		// (the template wraps what the chain's function returns)
		if i := strings.Index(msg, ": "+walk.msg); i >= 0 {
			if j := strings.LastIndex(msg[:i], "error calling "); j >= 0 {
				msg = msg[:j] + msg[i+2:]
			}
		}
	}
	msg = goPlaced(goNamed(msg))
	if msg == ee.Err.Error() {
		return err
	}
	return template.ExecError{Name: ee.Name, Err: errors.New(msg)}
}

// rewrittenCall is where an error of a chain that Text or HTML rewrote into
// a call is placed: at <Greet $p "Greet" "hi">.
var rewrittenCall = regexp.MustCompile(` at <([A-Za-z_][A-Za-z0-9_]*) (\.|\$[A-Za-z0-9_]*) "([A-Za-z0-9_.]*)"[^>]*>: `)

// goPlaced returns msg with the place of an error of a rewritten chain
// written as Go's template writes it: at <$p.Greet>, at <.Owner.Greet>.
func goPlaced(msg string) string {
	m := rewrittenCall.FindStringSubmatchIndex(msg)
	if m == nil {
		return msg
	}
	fn, recv, path := msg[m[2]:m[3]], msg[m[4]:m[5]], msg[m[6]:m[7]]
	if !slices.Contains(strings.Split(path, "."), fn) && fn != "goconcField" {
		return msg // (a function of the template's own)
	}
	chain := recv + "." + path
	if recv == "." {
		chain = "." + path
	}
	return msg[:m[0]] + " at <" + chain + ">: " + msg[m[1]:]
}

// goNamed returns msg with the notebook's struct types named as Go names
// them, and a field that the interpreter renamed said to be unexported.
func goNamed(msg string) string {
	type named struct {
		t    reflect.Type
		name string
	}
	var types []named
	fieldnames.StructNames(func(t reflect.Type, name string) bool {
		if strings.Contains(msg, t.String()) {
			types = append(types, named{t, name})
		}
		return true
	})
	// A struct type's text holds the text of those of its fields: the
	// longest first.
	sort.Slice(types, func(i, j int) bool { return len(types[i].t.String()) > len(types[j].t.String()) })
	for _, n := range types {
		for _, ptr := range []string{"*", ""} {
			const cant = "can't evaluate field "
			at := strings.Index(msg, " in type "+ptr+n.t.String())
			start := strings.LastIndex(msg[:max(at, 0)], cant)
			if at < 0 || start < 0 {
				continue
			}
			field := msg[start+len(cant) : at]
			if f, ok := fieldnames.FieldByName(n.t, field); ok && f.Name == field && !f.IsExported() {
				msg = msg[:start] + field + " is an unexported field of struct type " + ptr + n.t.String() + msg[at+len(" in type "+ptr+n.t.String()):]
			}
		}
		msg = strings.ReplaceAll(msg, n.t.String(), n.name)
	}
	return msg
}
