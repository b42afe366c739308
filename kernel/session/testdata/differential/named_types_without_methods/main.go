// Named types without methods in an any: a type switch tells a MyInt from
// an int, == and reflect.DeepEqual compare type and value, so do the keys
// of a map with interface keys, and encoders see the values. The classic type-switch lesson, and what Go's
// test/ken/interbasic.go and test/append.go check.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
)

type MyInt int

type Name string

type Ints []int

type Other []int

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Point struct{ X, Y int }

func kind(x any) string {
	switch v := x.(type) {
	case int:
		return fmt.Sprint("int ", v)
	case MyInt:
		return fmt.Sprint("MyInt ", v)
	case string:
		return "string " + v
	case Name:
		return "Name " + string(v)
	case Ints:
		return fmt.Sprint("Ints ", len(v))
	case []int:
		return "[]int"
	}
	return fmt.Sprintf("other %T", x)
}

func wrap(v MyInt) any { return v }

func main() {
	var x any = MyInt(3)
	fmt.Println(kind(x), kind(3), kind(Name("n")), kind("s"))
	fmt.Println(kind(Ints{1}), kind([]int{2}), kind(Other{3}), kind(any(MyInt(4))), kind(wrap(5)))
	_, isInt := x.(int)
	m, isMyInt := x.(MyInt)
	fmt.Println(isInt, m, isMyInt)
	fmt.Printf("%T %v %T %v\n", x, x, Ints{1, 2}, Ints{1, 2})

	for _, v := range []any{MyInt(1), 2, Name("a"), "b", Ints{3}, Celsius(4)} {
		fmt.Printf("%s (%T); ", kind(v), v)
	}
	fmt.Println()

	var a, b, one any = MyInt(1), MyInt(1), 1
	var c1, c2 any = Celsius(2), Celsius(2)
	fmt.Println(a == b, a == one, a != one, a == MyInt(1), a == MyInt(2), c1 == c2, c1 == Celsius(2))
	switch a {
	case 1:
		fmt.Println("case 1")
	case b:
		fmt.Println("case b")
	}
	switch c1 {
	case Celsius(1):
		fmt.Println("case 1°C")
	case Celsius(2):
		fmt.Println("case 2°C")
	}
	var r any = Ints{1, 2}
	fmt.Println(reflect.DeepEqual(r, Ints{1, 2}), reflect.DeepEqual(r, []int{1, 2}), reflect.DeepEqual(r, Other{1, 2}))
	fmt.Println(reflect.DeepEqual([]any{MyInt(1), Point{1, 2}}, []any{MyInt(1), Point{1, 2}}), reflect.DeepEqual([]any{MyInt(1)}, []any{1}))

	set := map[any]bool{MyInt(2): true, Name("n"): true}
	set[MyInt(3)] = true
	delete(set, Name("n"))
	fmt.Println(set[MyInt(2)], set[2], set[MyInt(3)], set[Name("n")], len(set))
	counts := map[any]int{}
	for _, c := range []Celsius{1, 2, 1, 1} {
		counts[c]++
	}
	c := Celsius(3)
	counts[c] = 10
	c = 4
	fmt.Println(len(counts), counts[Celsius(1)], counts[Celsius(3)], counts[c])

	type pair struct{ A, B any }
	pairs := map[pair]int{{MyInt(1), "x"}: 1}
	pairs[pair{MyInt(1), "x"}]++
	arrays := map[[2]any]bool{}
	arrays[[2]any{Celsius(1), Name("n")}] = true
	fmt.Println(pairs[pair{MyInt(1), "x"}], len(pairs), arrays[[2]any{Celsius(1), Name("n")}], pair{MyInt(1), 2} == pair{MyInt(1), 2}, pair{MyInt(1), 2} == pair{1, 2})

	out, err := json.Marshal(map[string]any{"n": MyInt(5), "c": Celsius(21), "p": Point{1, 2}, "l": []any{Name("x"), Ints{7}}})
	fmt.Println(string(out), err)
	json.NewEncoder(os.Stdout).Encode([]any{MyInt(6), Celsius(1)})

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var i any = 7
		fmt.Println(i.(MyInt))
	}()
}
