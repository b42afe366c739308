package main

import "fmt"

type myErr struct{}

func (*myErr) Error() string { return "my error" }

func get(fail bool) error {
	var p *myErr
	if fail {
		return p
	}
	return nil
}

func main() {
	fmt.Println(get(false) == nil, get(true) == nil)
}
