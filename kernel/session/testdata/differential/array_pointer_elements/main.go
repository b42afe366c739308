// Elements of an array reached through a pointer have addresses; a slice
// converts to an array or a pointer to one of at most its length.
package main

import "fmt"

func main() {
	p := &[4]int{1, 2, 3, 4}
	q := &p[2]
	*q = 30
	i := 1
	r := &p[i]
	*r += 10
	fmt.Println(*p, len(p))

	s := []byte("goconc")
	ap := (*[3]byte)(s)
	ap[0] = 'G'
	fmt.Println(string(s), &ap[1] == &s[1], [2]byte(s))

	defer func() {
		err := recover().(error)
		fmt.Println("recovered:", err)
	}()
	_ = (*[7]byte)(s)
}
