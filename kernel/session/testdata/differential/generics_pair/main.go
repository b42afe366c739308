package main

import "fmt"

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func Keys[K comparable, V any](ps []Pair[K, V]) []K {
	var ks []K
	for _, p := range ps {
		ks = append(ks, p.Key)
	}
	return ks
}

func main() {
	ps := []Pair[string, int]{{"a", 1}, {"b", 2}}
	fmt.Println(Keys(ps), ps[1].Val)
}
