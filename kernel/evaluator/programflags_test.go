package evaluator

import (
	"flag"
	"slices"
	"strings"
	"testing"
)

// The flags the linked standard library registers are packageFlags', by
// the package that registers them: no other flag is on the command line a
// cell would otherwise see.
func TestPackageFlags(t *testing.T) {
	flagsMu.Lock()
	linked := linkedFlags
	flagsMu.Unlock()
	if linked == nil {
		linked = flag.CommandLine // (no evaluator made yet)
	}
	var known []string
	for _, names := range packageFlags {
		known = append(known, names...)
	}
	linked.VisitAll(func(f *flag.Flag) {
		if !strings.HasPrefix(f.Name, "test.") && !slices.Contains(known, f.Name) {
			t.Errorf("the standard library registers -%s (%s): add it to packageFlags, under its package", f.Name, f.Usage)
		}
	})
	for _, name := range known {
		if linked.Lookup(name) == nil {
			t.Errorf("packageFlags lists -%s, which no linked package registers", name)
		}
	}
}
