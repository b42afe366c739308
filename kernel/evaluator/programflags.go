package evaluator

import (
	"flag"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/goconc/goconc/kernel/program"
)

// A program's flag.CommandLine holds the flags of the packages it
// imports. The evaluator links the whole standard library, and
// testing/quick registers -quickchecks when it is initialized: a cell's
// flag.VisitAll, and the usage -h prints, listed it in every notebook.
// The evaluator gives cells a command line without flags, and gives it a
// package's flags when a cell imports the package.

// packageFlags are the flags the standard library's packages register
// when they are initialized (TestPackageFlags finds any other).
var packageFlags = map[string][]string{"testing/quick": {"quickchecks"}}

var (
	flagsMu sync.Mutex
	// linkedFlags is the command line the evaluator started with, which
	// holds packageFlags' flags.
	linkedFlags *flag.FlagSet
)

// programCommandLine makes flag.CommandLine a program's, without the
// flags of the packages it has not imported.
func programCommandLine() {
	flagsMu.Lock()
	defer flagsMu.Unlock()
	linkedFlags = flag.CommandLine
	cl := flag.NewFlagSet(os.Args[0], flag.ExitOnError)
	cl.Usage = func() { flag.Usage() } // (the flag package's own commandLineUsage)
	flag.CommandLine = cl
}

// importFlags gives flag.CommandLine the flags of the packages c imports,
// if it is the chunk of a cell's imports.
func importFlags(c program.Chunk) {
	src := c.Src
	if !c.Decl || !strings.HasPrefix(src, "package main\nimport") {
		return
	}
	flagsMu.Lock()
	defer flagsMu.Unlock()
	if linkedFlags == nil {
		return
	}
	for path, names := range packageFlags {
		if !strings.Contains(src, strconv.Quote(path)) {
			continue
		}
		for _, name := range names {
			if f := linkedFlags.Lookup(name); f != nil && flag.CommandLine.Lookup(name) == nil {
				flag.CommandLine.Var(f.Value, f.Name, f.Usage)
			}
		}
	}
}
