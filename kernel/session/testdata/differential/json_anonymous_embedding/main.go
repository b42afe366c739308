// An anonymous struct embedding one of the notebook's structs: json
// promotes the embedded fields, as Go's does.
package main

import (
	"encoding/json"
	"fmt"
)

type Base struct {
	ID int `json:"id"`
}

type Named struct {
	Base
	Name string
}

func main() {
	v := struct {
		Base
		Name string
	}{Base{1}, "x"}
	b, _ := json.Marshal(v)
	fmt.Println(string(b))
	p := &struct {
		*Base
		Extra string `json:"extra"`
	}{&Base{2}, "e"}
	b, _ = json.Marshal(p)
	fmt.Println(string(b))
	b, _ = json.Marshal(Named{Base{3}, "n"})
	fmt.Println(string(b))
	var back struct {
		*Base
		Extra string `json:"extra"`
	}
	fmt.Println(json.Unmarshal([]byte(`{"id":7,"extra":"z"}`), &back), back.ID, back.Extra)
	fmt.Printf("%+v\n", v)
}
