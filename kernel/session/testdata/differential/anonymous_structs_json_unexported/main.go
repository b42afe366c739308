// json leaves out the unexported fields of struct type literals, tagged or
// not, as Go does: the interpreter exports them (b as Xb).
package main

import (
	"encoding/json"
	"fmt"
	"os"
)

func main() {
	v := struct {
		A int    `json:"a"`
		b int    `json:"b"`
		C string `json:"c,omitempty"`
		d []int
	}{1, 2, "", []int{3}}
	out, err := json.Marshal(v)
	fmt.Println(string(out), err)
	json.NewEncoder(os.Stdout).Encode(v)
	bi, _ := json.MarshalIndent([]struct{ X, y int }{{1, 2}}, "", " ")
	fmt.Println(string(bi))
	var in struct {
		A int `json:"a"`
		b int
	}
	fmt.Println(json.Unmarshal([]byte(`{"a":5,"b":6}`), &in), in.A, in.b)
	m := map[string]struct{ N, m int }{"k": {1, 2}}
	bm, _ := json.Marshal(m)
	fmt.Println(string(bm))
	type local struct {
		P int
		q int
	}
	bl, _ := json.Marshal(struct{ L local }{local{1, 2}})
	fmt.Println(string(bl))
}
