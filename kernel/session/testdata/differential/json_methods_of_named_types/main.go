// json calls the MarshalJSON, MarshalText, UnmarshalJSON and UnmarshalText
// methods of the notebook's named types that are not structs (an int to
// reflection) wherever they are: in slices, maps (keys too), fields,
// pointers and interfaces; json's Examples customMarshalJSON and
// textMarshalJSON are two of these.
package main

import (
	"encoding/json"
	"fmt"
	"log"
	"os"
	"strings"
)

type Size int

const (
	Unrecognized Size = iota
	Small
	Large
)

func (s *Size) UnmarshalText(text []byte) error {
	switch strings.ToLower(string(text)) {
	default:
		*s = Unrecognized
	case "small":
		*s = Small
	case "large":
		*s = Large
	}
	return nil
}

func (s Size) MarshalText() ([]byte, error) {
	var name string
	switch s {
	default:
		name = "unrecognized"
	case Small:
		name = "small"
	case Large:
		name = "large"
	}
	return []byte(name), nil
}

type Animal int

const (
	Unknown Animal = iota
	Gopher
	Zebra
)

func (a *Animal) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	switch strings.ToLower(s) {
	default:
		*a = Unknown
	case "gopher":
		*a = Gopher
	case "zebra":
		*a = Zebra
	}
	return nil
}

func (a Animal) MarshalJSON() ([]byte, error) {
	return json.Marshal([]string{"unknown", "gopher", "zebra"}[a])
}

type Item struct {
	Name  string
	Size  Size
	Sizes []Size `json:"sizes,omitempty"`
	Best  *Size
}

func main() {
	blob := `["small","regular","large","unrecognized","small","normal","small","large"]`
	var inventory []Size
	if err := json.Unmarshal([]byte(blob), &inventory); err != nil {
		log.Fatal(err)
	}
	counts := make(map[Size]int)
	for _, size := range inventory {
		counts[size] += 1
	}
	fmt.Printf("Inventory Counts:\n* Small:        %d\n* Large:        %d\n* Unrecognized: %d\n",
		counts[Small], counts[Large], counts[Unrecognized])
	b, err := json.Marshal(counts)
	fmt.Println(string(b), err)
	l := Large
	b, err = json.Marshal([]Item{{"hat", Small, nil, &l}, {"coat", Large, []Size{Small, Large}, nil}})
	fmt.Println(string(b), err)
	var items []Item
	err = json.Unmarshal(b, &items)
	fmt.Println(err, len(items), items[0].Name, items[0].Size, *items[0].Best, items[1].Sizes)
	var m map[Size][]Size
	fmt.Println(json.Unmarshal([]byte(`{"small":["large"],"x":null}`), &m), m)
	var any1 any = Large
	b, err = json.Marshal(map[string]any{"s": any1, "list": []any{Small}})
	fmt.Println(string(b), err)
	fmt.Println(json.Unmarshal([]byte(`[1]`), &inventory))
	var zoo []Animal
	fmt.Println(json.Unmarshal([]byte(`["gopher","armadillo","zebra"]`), &zoo), zoo)
	b, err = json.Marshal(map[Animal][]Animal{Gopher: zoo})
	fmt.Println(string(b), err)
	json.NewEncoder(os.Stdout).Encode(struct{ A *Animal }{&zoo[2]})
	dec := json.NewDecoder(strings.NewReader(`["large"] ["small","small"]`))
	for dec.More() {
		var s []Size
		fmt.Println(dec.Decode(&s), s)
	}
}
