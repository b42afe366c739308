// A notebook gives a program its command line by setting os.Args, and
// Go by Example's subcommands and flags then parse it. An assignment to a
// standard package's variable of a type that is not basic went nowhere in
// the interpreter (os.Args stayed [name]), the cells' os.Args and
// flag.CommandLine were copies the flag package's functions did not read,
// and flag.CommandLine.Parse was yaegi's own FlagSet's.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

func main() {
	fmt.Println(len(os.Args))
	os.Args = []string{"prog", "-n", "3", "-v", "rest", "more"}
	n := flag.Int("n", 1, "how many")
	v := flag.Bool("v", false, "verbose")
	flag.Parse()
	fmt.Println(*n, *v, flag.Args(), flag.NArg(), flag.Parsed())
	fmt.Println(flag.CommandLine.Lookup("n").Value, flag.Lookup("v").Usage)

	fooCmd := flag.NewFlagSet("foo", flag.ExitOnError)
	name := fooCmd.String("name", "", "name")
	os.Args = []string{"prog", "foo", "-name=joe", "a1"}
	switch os.Args[1] {
	case "foo":
		fooCmd.Parse(os.Args[2:])
		fmt.Println("subcommand 'foo'", *name, fooCmd.Args())
	}

	var out strings.Builder
	fs := flag.NewFlagSet("strict", flag.ContinueOnError)
	fs.SetOutput(&out)
	fs.Int("level", 0, "level")
	err := fs.Parse([]string{"-level", "x"})
	fmt.Println(err)
	fmt.Print(out.String())
}
