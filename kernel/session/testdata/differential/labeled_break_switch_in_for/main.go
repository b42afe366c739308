package main

import "fmt"

func main() {
	n := 0
loop:
	for i := 0; ; i++ {
		switch {
		case i > 5:
			break loop
		case i%2 == 0:
			continue
		}
		n += i
	}
	fmt.Println(n)
}
