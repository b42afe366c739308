package importer

import (
	"go/token"
	"go/types"
	"reflect"
)

var basics = map[reflect.Kind]types.BasicKind{
	reflect.Bool: types.Bool, reflect.Int: types.Int, reflect.Int8: types.Int8, reflect.Int16: types.Int16,
	reflect.Int32: types.Int32, reflect.Int64: types.Int64, reflect.Uint: types.Uint, reflect.Uint8: types.Uint8,
	reflect.Uint16: types.Uint16, reflect.Uint32: types.Uint32, reflect.Uint64: types.Uint64,
	reflect.Uintptr: types.Uintptr, reflect.Float32: types.Float32, reflect.Float64: types.Float64,
	reflect.Complex64: types.Complex64, reflect.Complex128: types.Complex128, reflect.String: types.String,
	reflect.UnsafePointer: types.UnsafePointer,
}

var errorType = reflect.TypeOf((*error)(nil)).Elem()

// typ converts a reflect type. im.mu is held.
func (im *Importer) typ(t reflect.Type) types.Type {
	if t == errorType {
		return types.Universe.Lookup("error").Type()
	}
	if t.Kind() == reflect.UnsafePointer {
		return types.Typ[types.UnsafePointer]
	}
	if t.Name() != "" {
		if t.PkgPath() == "" {
			// A predeclared type: int, string, byte (uint8), rune (int32)...
			if b, ok := basics[t.Kind()]; ok {
				return types.Typ[b]
			}
		} else {
			return im.namedType(t)
		}
	}
	return im.structure(t)
}

// namedType returns the go/types named type for a defined reflect type,
// creating it, with its underlying type and methods, on first use.
func (im *Importer) namedType(t reflect.Type) types.Type {
	if n := im.named[t]; n != nil {
		return n
	}
	if n := im.instance(t); n != nil {
		im.named[t] = n
		return n
	}
	pkg := im.pkg(t.PkgPath(), "")
	obj := types.NewTypeName(token.NoPos, pkg, t.Name(), nil)
	n := types.NewNamed(obj, nil, nil)
	im.named[t] = n
	// The type does not enter its package's scope here: only the package's
	// own symbols do, when it is imported. (A type met through a field may
	// not be what the package exports under that name: the interpreter's
	// sync.Mutex is goconc's, while goconc's Cond holds a standard one.)
	n.SetUnderlying(im.structure(t).Underlying())
	im.pending = append(im.pending, n)
	im.namedReflect[n] = t
	return n
}

// addPendingMethods gives every named type created so far its methods.
// Methods are added after the underlying types are complete, because a
// method's signature may mention types still being built.
func (im *Importer) addPendingMethods() {
	var added []*types.Named
	for len(im.pending) > 0 {
		n := im.pending[0]
		im.pending = im.pending[1:]
		added = append(added, n)
		t := im.namedReflect[n]
		if t.Kind() == reflect.Interface {
			continue // an interface's methods are part of its underlying type
		}
		valueMethods := map[string]bool{}
		for i := 0; i < t.NumMethod(); i++ {
			valueMethods[t.Method(i).Name] = true
		}
		pt := reflect.PointerTo(t)
		for i := 0; i < pt.NumMethod(); i++ {
			m := pt.Method(i)
			var recv types.Type = n
			if !valueMethods[m.Name] {
				recv = types.NewPointer(n)
			}
			sig := im.methodSpelled(t, m.Name, im.signature(m.Type, 1, types.NewVar(token.NoPos, n.Obj().Pkg(), "", recv)))
			n.AddMethod(types.NewFunc(token.NoPos, n.Obj().Pkg(), m.Name, sig))
		}
	}
	im.sealedMethods(added)
}

// An interface of the standard library with unexported methods (go/ast's
// Expr and its exprNode, testing.TB) is implemented only by its package's
// types, whose unexported methods reflect does not list: go/types found
// *ast.Ident no ast.Expr, and refused []ast.Expr{&ast.Ident{}} (Go's
// test/fixedbugs/bug206.go). reflect knows which types implement it:
// those get the interface's unexported methods, which no cell can call.

// sealedMethods gives the types in added, and those met before, the
// unexported methods of the interfaces of their packages they implement.
func (im *Importer) sealedMethods(added []*types.Named) {
	var ifaces, others []*types.Named
	for _, n := range added {
		t := im.namedReflect[n]
		path := t.PkgPath()
		if t.Kind() != reflect.Interface {
			im.concrete[path] = append(im.concrete[path], n)
			others = append(others, n)
			continue
		}
		for i := 0; i < t.NumMethod(); i++ {
			if t.Method(i).PkgPath != "" {
				im.sealed[path] = append(im.sealed[path], n)
				ifaces = append(ifaces, n)
				break
			}
		}
	}
	for _, n := range others {
		for _, iface := range im.sealed[im.namedReflect[n].PkgPath()] {
			im.addSealed(n, iface)
		}
	}
	for _, iface := range ifaces {
		for _, n := range im.concrete[im.namedReflect[iface].PkgPath()] {
			im.addSealed(n, iface)
		}
	}
}

// addSealed gives n the unexported methods of iface, if n or *n
// implements it.
func (im *Importer) addSealed(n, iface *types.Named) {
	t, it := im.namedReflect[n], im.namedReflect[iface]
	var recv types.Type
	switch {
	case t.Implements(it):
		recv = n
	case reflect.PointerTo(t).Implements(it):
		recv = types.NewPointer(n)
	default:
		return
	}
	has := map[string]bool{}
	for i := 0; i < n.NumMethods(); i++ {
		has[n.Method(i).Name()] = true
	}
	u := iface.Underlying().(*types.Interface)
	for i := 0; i < u.NumMethods(); i++ {
		m := u.Method(i)
		if m.Exported() || has[m.Name()] {
			continue
		}
		sig := m.Signature()
		recvVar := types.NewVar(token.NoPos, n.Obj().Pkg(), "", recv)
		n.AddMethod(types.NewFunc(token.NoPos, m.Pkg(), m.Name(), types.NewSignatureType(recvVar, nil, nil, sig.Params(), sig.Results(), sig.Variadic())))
	}
}

// structure converts the structure of t, ignoring its name.
func (im *Importer) structure(t reflect.Type) types.Type {
	switch t.Kind() {
	case reflect.Pointer:
		return types.NewPointer(im.typ(t.Elem()))
	case reflect.Slice:
		return types.NewSlice(im.typ(t.Elem()))
	case reflect.Array:
		return types.NewArray(im.typ(t.Elem()), int64(t.Len()))
	case reflect.Map:
		return types.NewMap(im.typ(t.Key()), im.typ(t.Elem()))
	case reflect.Chan:
		dir := types.SendRecv
		switch t.ChanDir() {
		case reflect.SendDir:
			dir = types.SendOnly
		case reflect.RecvDir:
			dir = types.RecvOnly
		}
		return types.NewChan(dir, im.typ(t.Elem()))
	case reflect.Func:
		return im.signature(t, 0, nil)
	case reflect.Struct:
		fields := make([]*types.Var, t.NumField())
		tags := make([]string, t.NumField())
		for i := range fields {
			f := t.Field(i)
			pkg := im.fieldPkg(t, f.PkgPath)
			fields[i] = types.NewField(token.NoPos, pkg, f.Name, im.memberType(t, f.Name, im.typ(f.Type)), f.Anonymous)
			tags[i] = string(f.Tag)
		}
		return types.NewStruct(fields, tags)
	case reflect.Interface:
		methods := make([]*types.Func, t.NumMethod())
		for i := range methods {
			m := t.Method(i)
			pkg := im.fieldPkg(t, m.PkgPath)
			sig, _ := im.memberType(t, m.Name, im.signature(m.Type, 0, nil)).(*types.Signature)
			methods[i] = types.NewFunc(token.NoPos, pkg, m.Name, sig)
		}
		iface := types.NewInterfaceType(methods, nil)
		iface.Complete()
		return iface
	}
	if b, ok := basics[t.Kind()]; ok {
		return types.Typ[b]
	}
	return types.Typ[types.Invalid]
}

// memberType returns typ, the type of the field or interface method name
// of t, as t's package spells it, if t is named.
func (im *Importer) memberType(t reflect.Type, name string, typ types.Type) types.Type {
	if t.Name() == "" || t.PkgPath() == "" {
		return typ
	}
	return im.spelled(t.PkgPath()+"."+t.Name()+"."+name, typ)
}

// fieldPkg returns the package of a field or method: its own for an
// unexported one, else the package of the type that has it.
func (im *Importer) fieldPkg(owner reflect.Type, pkgPath string) *types.Package {
	if pkgPath != "" {
		return im.pkg(pkgPath, "")
	}
	if owner.PkgPath() != "" {
		return im.pkg(owner.PkgPath(), "")
	}
	return nil
}

// signature converts a func type, skipping its first skip parameters (the
// receiver of a method value's type).
func (im *Importer) signature(t reflect.Type, skip int, recv *types.Var) *types.Signature {
	var params, results []*types.Var
	for i := skip; i < t.NumIn(); i++ {
		params = append(params, types.NewParam(token.NoPos, nil, "", im.typ(t.In(i))))
	}
	for i := 0; i < t.NumOut(); i++ {
		results = append(results, types.NewParam(token.NoPos, nil, "", im.typ(t.Out(i))))
	}
	return types.NewSignatureType(recv, nil, nil, types.NewTuple(params...), types.NewTuple(results...), t.IsVariadic())
}
