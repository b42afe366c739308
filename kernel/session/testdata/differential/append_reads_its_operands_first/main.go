// An append of several values reads them all before it stores any: with
// room in the slice, append(s[:i], x, s[i]) stored x where s[i] was and
// then read it ("123455" for Go's "123456": Go's
// test/fixedbugs/bug428.go; [1 9 9 9] for [1 9 2 3]).
package main

import "fmt"

type P struct{ X int }

func main() {
	s := make([]byte, 5, 6)
	copy(s, "12346")
	s = append(s[:len(s)-1], '5', s[len(s)-1])
	fmt.Println(string(s))
	xs := make([]int, 3, 10)
	xs[0], xs[1], xs[2] = 1, 2, 3
	i := 1
	ys := append(xs[:i], 9, xs[i], xs[i+1])
	fmt.Println(ys)
	ps := make([]P, 2, 4)
	ps[1].X = 7
	ps = append(ps[:1], P{8}, ps[1])
	fmt.Println(ps)
}
