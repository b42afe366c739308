// encoding/gob leaves out a struct's unexported fields. The interpreter
// exports them (age is Xage), and gob encoded them: a User decoded from
// the stream kept its age, 36, where Go's is 0, and a struct without an
// exported field, which Go's gob refuses, was encoded.
package main

import (
	"bytes"
	"encoding/gob"
	"fmt"
)

type Address struct {
	City string
	zip  string
}

type User struct {
	Name    string
	age     int
	Home    *Address
	Friends []Address
	ByTag   map[string]Address
	secret  []byte
}

// hidden has no exported field: Go's gob refuses it.
type hidden struct{ n int }

func roundTrip(v any, into any) {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(v); err != nil {
		fmt.Println("encode:", err)
		return
	}
	if err := gob.NewDecoder(&buf).Decode(into); err != nil {
		fmt.Println("decode:", err)
	}
}

func main() {
	u := User{
		Name:    "ada",
		age:     36,
		Home:    &Address{"Oslo", "0150"},
		Friends: []Address{{"Rome", "00100"}},
		ByTag:   map[string]Address{"work": {"Paris", "75001"}},
		secret:  []byte("pw"),
	}
	var back User
	roundTrip(u, &back)
	fmt.Printf("%+v %+v %+v\n", back.Name, back.age, *back.Home)
	fmt.Printf("%+v %+v %q\n", back.Friends, back.ByTag, back.secret)

	var users []User
	roundTrip([]User{u, {Name: "bob", age: 7}}, &users)
	for _, x := range users {
		fmt.Println(x.Name, x.age, x.Home != nil)
	}

	var ptr *User
	roundTrip(&u, &ptr)
	fmt.Println(ptr.Name, ptr.age, ptr.Home.zip == "")

	var h hidden
	var buf bytes.Buffer
	fmt.Println(gob.NewEncoder(&buf).Encode(hidden{1}), h.n)
}
