package main

import (
	"fmt"
	"strconv"
)

func parse(s string) (int, error) {
	if n, err := strconv.Atoi(s); err != nil {
		return 0, fmt.Errorf("parse %q: %w", s, err)
	} else {
		return n * 2, nil
	}
}

func main() {
	fmt.Println(parse("21"))
	fmt.Println(parse("x"))
}
