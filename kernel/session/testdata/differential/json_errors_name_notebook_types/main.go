// json's errors about a value of the wrong type name the notebook's types
// as Go's do ("Go struct field Inner.In.S of type main.Status"), where
// the interpreter's types gave ".In.S of type int".
package main

import (
	"encoding/json"
	"errors"
	"fmt"
)

type Status int

type Inner struct{ S Status }

type Task struct {
	Name  string
	S     Status
	In    Inner
	List  []Inner
	Ptr   *Inner
	age   int
	Count int `json:"count"`
	Marks []Status
}

func main() {
	var t Task
	fmt.Println(json.Unmarshal([]byte(`{"S":"x"}`), &t))
	fmt.Println(json.Unmarshal([]byte(`{"In":{"S":"x"}}`), &t))
	fmt.Println(json.Unmarshal([]byte(`{"List":[{"S":true}]}`), &t))
	fmt.Println(json.Unmarshal([]byte(`{"Ptr":{"S":[1]}}`), &t))
	fmt.Println(json.Unmarshal([]byte(`{"count":"x"}`), &t))
	fmt.Println(json.Unmarshal([]byte(`{"Name":5}`), &t))
	var ss []Status
	fmt.Println(json.Unmarshal([]byte(`["x"]`), &ss))
	var m map[string]Task
	fmt.Println(json.Unmarshal([]byte(`{"a":{"S":"x"}}`), &m))
	fmt.Println(json.Unmarshal([]byte(`"x"`), &t))
	fmt.Println(json.Unmarshal([]byte(`{"Marks":[1,"x"]}`), &t))
	var ms map[string]Status
	fmt.Println(json.Unmarshal([]byte(`{"a":{}}`), &ms))
	var anon struct{ S Status }
	fmt.Println(json.Unmarshal([]byte(`{"S":"x"}`), &anon))
	var e *json.UnmarshalTypeError
	err := json.Unmarshal([]byte(`{"In":{"S":"x"}}`), &t)
	fmt.Println(errors.As(err, &e), e.Field, e.Struct, e.Value)
}
