package stdsource

import "go/types"

// Target is an importer of compiled packages that can take some packages
// from source instead (kernel/importer's Importer).
type Target interface {
	types.Importer
	SetSource(paths map[string]bool, load func(path string) (*types.Package, error))
}

// Attach makes l target's source of the packages in Paths, and joins the
// generic code of each Extension to the compiled package it extends, so
// that the checker finds sync.OnceValue beside sync.Once. l must read
// through target (NewLoader's imports).
func (l *Loader) Attach(target Target) {
	target.SetSource(Paths, l.Import)
	// iter first, before the compiled packages that return its iterators
	// are filled: strings.SplitSeq's iter.Seq[string] is then iter's own
	// generic type, instantiated.
	target.Import("iter")
	for _, e := range Extensions {
		ext, err := l.Extend(e)
		if err != nil {
			continue // without the source, cells say the function is undefined
		}
		pkg, err := target.Import(e.Path)
		if err != nil {
			continue
		}
		for _, name := range ext.Types.Scope().Names() {
			obj := ext.Types.Scope().Lookup(name)
			if obj.Exported() && isGeneric(obj) && pkg.Scope().Lookup(name) == nil {
				pkg.Scope().Insert(obj)
			}
		}
	}
}

// isGeneric reports whether obj is a generic function or type.
func isGeneric(obj types.Object) bool {
	switch o := obj.(type) {
	case *types.Func:
		return o.Signature().TypeParams().Len() > 0
	case *types.TypeName:
		n, ok := o.Type().(*types.Named)
		return ok && n.TypeParams().Len() > 0
	}
	return false
}
