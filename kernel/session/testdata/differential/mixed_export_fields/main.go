// A field list entry that names exported and unexported fields at once
// (X, y int) hides from json the unexported ones alone, as Go does.
package main

import (
	"encoding/json"
	"fmt"
)

type point struct{ X, y int }
type pair struct{ a, B int }
type rec struct {
	Name, note string
	n, M       int `json:"m"`
}

func main() {
	b, _ := json.Marshal(point{3, 4})
	fmt.Println(string(b))
	b, _ = json.Marshal(pair{3, 4})
	fmt.Println(string(b))
	b, _ = json.Marshal(rec{"a", "b", 1, 2})
	fmt.Println(string(b))
	var r rec
	fmt.Println(json.Unmarshal([]byte(`{"Name":"x","note":"y","n":5,"m":6,"Xnote":"z"}`), &r), r)
	fmt.Printf("%+v %#v\n", r, pair{1, 2})
}
