package program

import (
	"go/types"
)

// Package returns the program type-checked as it is now, for completion
// and inspection. The result is cached until the program changes.
func (p *Program) Package() (*types.Package, error) {
	if p.cached != nil && p.cachedFor == p.st {
		return p.cached, nil
	}
	ps := &parsed{label: "[program]"}
	c, err := p.check(p.assemble(p.st, ps, nil))
	if err != nil {
		return nil, err
	}
	p.cached, p.cachedFor = c.pkg, p.st
	return c.pkg, nil
}

// DeclSource returns the source of the declaration or global named name,
// and the cell it comes from.
func (p *Program) DeclSource(name string) (src, label string, ok bool) {
	if d := p.st.findDecl(name); d != nil {
		return d.Src, d.Label, true
	}
	if g := p.st.findGlobal(name); g != nil {
		return "var " + g.Name + " " + g.Type, g.Label, true
	}
	return "", "", false
}

// ImportPath returns the path of the package the program imports as name,
// or that a cell would import automatically.
func (p *Program) ImportPath(name string) (string, bool) {
	if im := p.st.importNamed(name); im != nil {
		return im.Path, true
	}
	path, ok := p.autoPkgs[name]
	return path, ok
}

// PackageNames returns every package name a cell can use: imported ones
// and those imported automatically.
func (p *Program) PackageNames() []string {
	seen := map[string]bool{}
	var out []string
	for _, im := range p.st.imports {
		if !seen[im.Name] && im.Name[0] != '_' {
			seen[im.Name] = true
			out = append(out, im.Name)
		}
	}
	for name := range p.autoPkgs {
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out
}
