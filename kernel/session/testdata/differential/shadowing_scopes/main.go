package main

import "fmt"

var x = "package"

func main() {
	fmt.Println(x)
	x := "main"
	{
		x := "block"
		fmt.Println(x)
	}
	if x := "if"; x != "" {
		fmt.Println(x)
	}
	fmt.Println(x)
}
