// range over a string gives byte offsets and runes; an invalid byte is
// one U+FFFD of one byte.
package main

import "fmt"

type name string

func main() {
	s := "héllo, 世界\xff!"
	for i, c := range s {
		fmt.Printf("%d:%q ", i, c)
	}
	fmt.Println()

	n := 0
	for i := range s {
		n += i
	}
	fmt.Println("sum of offsets", n)

	var i int
	var c rune
	for i, c = range name("ab\xe2\x82") {
	}
	fmt.Println("last", i, c)

	i, c = 7, 'z'
	for i, c = range "" {
	}
	fmt.Println("untouched", i, c)

	count := 0
	for range "日本語" {
		count++
	}
	fmt.Println("runes", count)

	var funcs []func() string
outer:
	for i, c := range "a€bc" {
		switch {
		case c == 'b':
			continue outer
		case c == 'c':
			break outer
		}
		funcs = append(funcs, func() string { return fmt.Sprint(i, string(c)) })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
