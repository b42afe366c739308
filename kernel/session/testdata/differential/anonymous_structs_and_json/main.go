package main

import (
	"encoding/json"
	"fmt"
)

type item struct {
	Name  string   `json:"name"`
	Tags  []string `json:"tags,omitempty"`
	Price float64  `json:"price"`
}

func main() {
	b, _ := json.Marshal(item{Name: "pen", Price: 1.5})
	fmt.Println(string(b))
	var it item
	err := json.Unmarshal([]byte(`{"name":"cup","tags":["x"],"price":3}`), &it)
	fmt.Println(it, err)
	p := struct{ X, Y int }{1, 2}
	fmt.Printf("%+v\n", p)
}
