package main

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), utf8.RuneCountInString(s))
	for i, r := range "aé世" {
		fmt.Println(i, string(r), r)
	}
	fmt.Println(strings.ToUpper(s), strings.Fields(" a  b "), strings.Split("a,b,c", ","))
	b := []byte("abc")
	b[0] = 'X'
	fmt.Println(string(b), s[1:3] == "é", []rune(s)[7])
	var sb strings.Builder
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&sb, "%d;", i)
	}
	fmt.Println(sb.String())
}
