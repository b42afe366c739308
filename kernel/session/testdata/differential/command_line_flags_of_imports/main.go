// A program importing testing/quick has its -quickchecks flag, and
// flag.CommandLine's usage calls flag.Usage.
package main

import (
	"flag"
	"fmt"
	"testing/quick"
)

func main() {
	flag.Parse()
	flag.VisitAll(func(f *flag.Flag) { fmt.Println(f.Name, f.DefValue, f.Usage) })
	err := quick.Check(func(a, b int) bool { return a+b == b+a }, nil)
	fmt.Println(err)
	flag.Usage = func() { fmt.Println("my usage") }
	flag.CommandLine.Usage()
}
