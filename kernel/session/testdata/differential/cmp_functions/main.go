package main

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

type user struct {
	name string
	age  int
}

// MaxOf takes any ordered type, as cmp.Ordered defines it.
func MaxOf[T cmp.Ordered](first T, rest ...T) T {
	m := first
	for _, x := range rest {
		m = max(m, x)
	}
	return m
}

type celsius float64

func main() {
	fmt.Println(MaxOf(3, 9, 2), MaxOf("b", "a"), MaxOf[celsius](-1, 20.5))
	fmt.Println(cmp.Compare(1, 2), cmp.Compare("b", "a"), cmp.Compare(2.0, 2.0))
	fmt.Println(cmp.Less(1, 2), cmp.Less(math.NaN(), 1.0), cmp.Compare(math.NaN(), math.NaN()))
	fmt.Println(cmp.Or("", "default"), cmp.Or(0, 0, 3), cmp.Or[string]())
	users := []user{{"bo", 30}, {"al", 30}, {"cy", 25}}
	slices.SortFunc(users, func(a, b user) int {
		return cmp.Or(cmp.Compare(a.age, b.age), strings.Compare(a.name, b.name))
	})
	fmt.Println(users)
}
