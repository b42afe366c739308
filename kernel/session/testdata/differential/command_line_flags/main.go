// flag.CommandLine holds the program's own flags and those of the
// packages it imports: flag.VisitAll lists no flag of a package the
// evaluator links (testing/quick's -quickchecks) that the program does
// not import.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	fooCmd := flag.NewFlagSet("foo", flag.ContinueOnError)
	fooEnable := fooCmd.Bool("enable", false, "enable")
	fooName := fooCmd.String("name", "", "name")
	fooCmd.SetOutput(os.Stdout)
	err := fooCmd.Parse([]string{"-enable", "-name=joe", "a1", "a2"})
	fmt.Println(err, *fooEnable, *fooName, fooCmd.Args())
	err = fooCmd.Parse([]string{"-bogus"})
	fmt.Println("err:", err)
	wordPtr := flag.String("word", "foo", "a string")
	numbPtr := flag.Int("numb", 42, "an int")
	var svar string
	flag.StringVar(&svar, "svar", "bar", "a string var")
	flag.Parse()
	fmt.Println("word:", *wordPtr, "numb:", *numbPtr, "svar:", svar, "tail:", flag.Args(), flag.NArg(), len(os.Args))
	flag.VisitAll(func(f *flag.Flag) { fmt.Println(f.Name, f.DefValue, f.Usage) })
}
