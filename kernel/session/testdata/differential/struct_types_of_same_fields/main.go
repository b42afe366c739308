// Two struct types declared with the same fields are two types: asserted,
// switched on, printed with %T and used as map keys apart; values of an
// unnamed struct type of those fields assign to them and back, as Go
// allows, and convert between them.
package main

import (
	"encoding/json"
	"fmt"
)

type Point struct{ X, Y int }

type Vec struct{ X, Y int }

type Celsius struct{ Deg float64 }

type Fahrenheit struct{ Deg float64 }

type Person struct {
	Name string `json:"name"`
	age  int
}

func kind(v any) string {
	switch v.(type) {
	case Point:
		return "Point"
	case Vec:
		return "Vec"
	case Celsius:
		return "C"
	case Fahrenheit:
		return "F"
	}
	return "?"
}

func norm(p struct{ X, Y int }) int { return p.X*p.X + p.Y*p.Y }

func origin() Point { return struct{ X, Y int }{} }

func main() {
	var p Point = struct{ X, Y int }{1, 2}
	v := Vec(p)
	fmt.Println(p, v, norm(p), norm(struct{ X, Y int }(v)), origin())
	fmt.Println(kind(p), kind(v), kind(Celsius{1}), kind(Fahrenheit{1}))
	fmt.Printf("%T %T %#v %+v\n", p, v, v, p)

	var a any = v
	_, isPoint := a.(Point)
	_, isVec := a.(Vec)
	fmt.Println(isPoint, isVec, a == any(p), a == any(v))

	anon := struct{ X, Y int }{1, 2}
	fmt.Println(p == anon, anon == struct{ X, Y int }(v))

	ps := []Point{{1, 1}}
	ps = append(ps, struct{ X, Y int }{2, 2})
	ch := make(chan Point, 1)
	ch <- struct{ X, Y int }{3, 3}
	ps = append(ps, <-ch)
	vs := make([]Vec, len(ps))
	for i, p := range ps {
		vs[i] = Vec(p)
	}
	fmt.Println(ps, vs)

	keys := map[any]int{}
	keys[Point{1, 2}]++
	keys[Vec{1, 2}]++
	keys[Point{1, 2}]++
	byPoint := map[Point]string{anon: "anon"}
	fmt.Println(len(keys), keys[p], keys[v], byPoint[p])

	temps := []any{Celsius{20}, Fahrenheit{68}, Celsius{-5}}
	for _, t := range temps {
		if c, ok := t.(Celsius); ok {
			fmt.Println("celsius", c.Deg)
		}
	}

	b, _ := json.Marshal(Person{"Ann", 3})
	var back Person
	_ = json.Unmarshal([]byte(`{"name":"Bo","age":4}`), &back)
	fmt.Printf("%s %+v\n", b, back)
}
