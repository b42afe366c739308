package main

import "fmt"

type celsius struct{ Degrees float64 }

// %T of an interface: the dynamic type decides.
func describe(v any) string { return fmt.Sprintf("%T", v) }

func main() {
	fmt.Println(describe(celsius{21.5}), describe(3), describe("s"))
}
