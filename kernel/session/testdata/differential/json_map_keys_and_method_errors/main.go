// json takes map keys of a notebook struct type by their MarshalText and
// UnmarshalText methods, and an error a MarshalJSON inside the value
// returns comes back as a *json.MarshalerError naming the notebook's type.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
)

type Point struct{ X, Y int }

func (p Point) MarshalText() ([]byte, error) { return []byte(fmt.Sprintf("%d,%d", p.X, p.Y)), nil }

func (p *Point) UnmarshalText(b []byte) error {
	_, err := fmt.Sscanf(string(b), "%d,%d", &p.X, &p.Y)
	return err
}

type Bad struct{ N int }

func (b Bad) MarshalJSON() ([]byte, error) { return nil, errors.New("bad value") }

// Raw's MarshalJSON returns its text as it is, valid JSON or not.
type Raw string

func (r Raw) MarshalJSON() ([]byte, error) { return []byte(r), nil }

func main() {
	b, err := json.Marshal(map[Point]string{{1, 2}: "a", {3, 4}: "b"})
	fmt.Println(string(b), err)
	var m map[Point]string
	fmt.Println(json.Unmarshal(b, &m), m)
	_, err = json.Marshal([]Bad{{1}})
	fmt.Println(err)
	var me *json.MarshalerError
	fmt.Println(errors.As(err, &me), me.Type)
	err = json.NewEncoder(os.Stdout).Encode(map[string]any{"x": []Bad{{2}}})
	fmt.Println(err)
	defer func() { fmt.Println("deferred encode done") }()
	defer json.NewEncoder(os.Stdout).Encode([]Point{{5, 6}})
	_, err = json.Marshal([]Raw{"[1,2]", "{x"})
	fmt.Println(err)
}
