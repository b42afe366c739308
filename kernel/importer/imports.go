package importer

import "go/types"

// go build writes a package's path, quoted, for its name in a message
// ("cannot use 3 (untyped int constant) as "sync".WaitGroup value") where
// two packages of the program have that name: sync and internal/sync,
// which sync imports, or math/rand and crypto/rand, which net/http's
// imports import. go/types does the same, finding the program by the
// imports each package it was given lists; the importer's packages, made
// from reflect, listed none, and every name was written bare.
// SetImports gives the importer the import graph (for the standard
// library, kernel/symbols's generated Imports), and each package it
// makes lists its imports, packages it makes too, or stand-ins of those
// the table does not hold (internal/sync), which list theirs in turn.

// SetImports gives im the packages each package imports, by import path,
// and the names of those not named by their path's last element.
func (im *Importer) SetImports(imports map[string][]string, names map[string]string) {
	im.mu.Lock()
	defer im.mu.Unlock()
	im.imports, im.importNames = imports, names
}

// linkImports sets the imports of pkg, and of the packages it imports,
// from the import graph. im.mu is held.
func (im *Importer) linkImports(pkg *types.Package) {
	if im.linked[pkg.Path()] {
		return
	}
	if im.linked == nil {
		im.linked = map[string]bool{}
	}
	im.linked[pkg.Path()] = true
	paths := im.imports[pkg.Path()]
	if len(paths) == 0 {
		return
	}
	list := make([]*types.Package, 0, len(paths))
	for _, path := range paths {
		if path == "unsafe" {
			list = append(list, types.Unsafe)
			continue
		}
		// A stand-in, if not imported yet; Import fills this one when a
		// cell imports it.
		dep := im.pkg(path, im.importNames[path])
		im.linkImports(dep)
		list = append(list, dep)
	}
	pkg.SetImports(list)
}
