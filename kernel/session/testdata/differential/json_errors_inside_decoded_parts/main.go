// json's errors name where the value of the wrong type is, as Go's do,
// also in a value that holds a type with an UnmarshalJSON method, which
// goconc decodes in parts ("Go struct field User2.Base.id", where the
// parts gave ".id"), and through an embedded struct, whose fields are the
// embedding struct's members ("User.Base.id", not "Base.Base.id").
package main

import (
	"encoding/json"
	"errors"
	"fmt"
)

type Address struct {
	Street string `json:"street"`
	Zip    int
}

type Base struct {
	ID int `json:"id"`
}

type Inner struct{ N int }

type User struct {
	Base
	*Inner
	Name string `json:"name"`
	Addr Address
	List []Address
	M    map[string]Address
}

type Level int

func (l *Level) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*l = Level(len(s))
	return nil
}

type User2 struct {
	Base
	*Inner
	Name  string `json:"name"`
	Addr  Address
	List  []Address
	M     map[string]Address
	Level Level
}

type Named struct {
	Base `json:"base"`
	Lv   Level
}

func main() {
	inputs := []string{
		`{"id":"nine"}`,
		`{"N":"x"}`,
		`{"name":3}`,
		`{"Addr":{"Zip":"z"}}`,
		`{"List":[{"street":1}]}`,
		`{"M":{"a":{"Zip":true}}}`,
		`{"Addr":3}`,
		`{"List":{}}`,
	}
	for _, in := range inputs {
		var u User
		fmt.Println(json.Unmarshal([]byte(in), &u))
		var u2 User2
		err := json.Unmarshal([]byte(in), &u2)
		fmt.Println(err)
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			fmt.Printf("  %q %q %v\n", te.Struct, te.Field, te.Type)
		}
	}
	var n Named
	fmt.Println(json.Unmarshal([]byte(`{"base":{"id":true}}`), &n))
	fmt.Println(json.Unmarshal([]byte(`{"Lv":5}`), &n))
}
