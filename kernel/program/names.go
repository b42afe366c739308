package program

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// syncTypes are the types whose values a timeline names after the
// variables that hold them.
var syncTypes = map[string]bool{
	"Mutex": true, "RWMutex": true, "WaitGroup": true, "Once": true, "Cond": true,
	"Group": true, "Weighted": true,
}

// traced reports whether t (or what it points to) is an instrumented
// primitive, or a struct holding one.
func traced(t types.Type, depth int) bool {
	if depth > 3 {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		if pkg := n.Obj().Pkg(); pkg != nil && strings.HasPrefix(pkg.Path(), "github.com/goconc/goconc/lib/") && syncTypes[n.Obj().Name()] {
			return true
		}
	}
	if s, ok := t.Underlying().(*types.Struct); ok {
		for i := 0; i < s.NumFields(); i++ {
			if traced(s.Field(i).Type(), depth+1) {
				return true
			}
		}
	}
	return false
}

// nameSyncVars names the mutexes, WaitGroups and other primitives a cell
// declares after their variables, so that timelines say "wg" and
// "account.mu" instead of "wg1" and "mutex3", and the contexts it makes
// ("cancel parent", "cancel child", where every context was "ctx").
func (g *gen) nameSyncVars(inList map[ast.Stmt]bool) {
	for _, fd := range g.rewritable() {
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			stmt, ok := n.(ast.Stmt)
			if !ok || !inList[stmt] {
				return true
			}
			var ids []*ast.Ident
			switch s := stmt.(type) {
			case *ast.AssignStmt:
				if s.Tok == token.DEFINE || s.Tok == token.ASSIGN {
					for _, l := range s.Lhs {
						if id, ok := l.(*ast.Ident); ok && id.Name != "_" {
							ids = append(ids, id)
						}
					}
				}
			case *ast.DeclStmt:
				if gd, ok := s.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
					for _, spec := range gd.Specs {
						ids = append(ids, spec.(*ast.ValueSpec).Names...)
					}
				}
			}
			var calls []string
			for _, id := range ids {
				obj := g.c.info.ObjectOf(id)
				if id.Name != "_" && obj != nil && isContext(obj.Type()) {
					// A context is known by its Done channel.
					calls = append(calls, fmt.Sprintf("%s.NameContext(%s, %s)", HooksName, id.Name, strconv.Quote(id.Name)))
					continue
				}
				if id.Name == "_" || obj == nil || !traced(obj.Type(), 0) {
					continue // var _ sync.Mutex names nothing
				}
				arg := "&" + id.Name
				if _, isPtr := obj.Type().Underlying().(*types.Pointer); isPtr {
					arg = id.Name
				}
				calls = append(calls, fmt.Sprintf("%s.Name(%s, %s)", HooksName, arg, strconv.Quote(id.Name)))
			}
			if len(calls) > 0 {
				g.r.After(stmt, "; "+strings.Join(calls, "; "))
			}
			return true
		})
	}
}

// isContext reports whether t is context.Context.
func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}
