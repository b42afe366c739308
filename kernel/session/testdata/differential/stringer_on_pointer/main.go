package main

import (
	"fmt"
	"strconv"
)

type id int

func (i *id) String() string { return "id#" + strconv.Itoa(int(*i)) }

type name string

func (n name) String() string { return "name:" + string(n) }

func main() {
	var i id = 7
	fmt.Println(i, &i, name("x"))
}
