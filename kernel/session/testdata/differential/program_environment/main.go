package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	verbose := flag.Bool("v", false, "say more")
	flag.Parse()
	fmt.Println(len(os.Args), flag.NArg(), flag.Args(), *verbose)
	if len(os.Args) > 1 {
		fmt.Println("arguments:", os.Args[1:])
	} else {
		fmt.Println("no arguments")
	}
	fmt.Println(os.Getenv("HOME") != "", os.Getenv("PATH") != "", len(os.Environ()) > 2)
	os.Setenv("GOCONC_DIFF_TEST", "set")
	v, ok := os.LookupEnv("GOCONC_DIFF_TEST")
	fmt.Println(v, ok)
}
