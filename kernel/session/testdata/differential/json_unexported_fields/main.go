package main

import (
	"encoding/json"
	"fmt"
)

type person struct {
	Name  string `json:"name" xml:"name"`
	Email string
	age   int
	nick  string `json:"nick"`
}

type team struct {
	Lead    person   `json:"lead"`
	Members []person `json:"members"`
	secret  string
}

func main() {
	p := person{Name: "Ada", Email: "ada@example.com", age: 36, nick: "a"}
	b, err := json.Marshal(p)
	fmt.Println(string(b), err)
	var q person
	err = json.Unmarshal([]byte(`{"name":"Bob","age":7,"Xage":8,"nick":"b","Email":"b@x"}`), &q)
	fmt.Println(q.Name, q.Email, q.age, q.nick, err)
	t := team{Lead: p, Members: []person{q}, secret: "s"}
	b, _ = json.MarshalIndent(t, "", " ")
	fmt.Println(string(b))
}
