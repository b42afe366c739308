// Struct types without fields as the fields and elements of others, with
// json's MarshalJSON and fmt's String: type Yes struct{} and type No
// struct{} that marshal as "yes" and "no". json called neither method
// ({"A":{},"B":{}} for Go's {"A":"yes","B":"no"}): only struct types with
// fields registered their codec methods, and such a type is struct{} to
// reflect, as all are. And fmt printed a No field by the Yes's String.
// They are known by name now, as the named types that are not structs,
// by their place in the struct's registered fields.
package main

import (
	"encoding/json"
	"fmt"
	"sort"
)

type Yes struct{}
type No struct{}

func (Yes) MarshalJSON() ([]byte, error) { return []byte(`"yes"`), nil }
func (No) MarshalJSON() ([]byte, error)  { return []byte(`"no"`), nil }
func (Yes) String() string               { return "Y" }

type Vote struct {
	A Yes
	B No
	C any
}

type Set map[string]struct{}

func main() {
	b, err := json.Marshal(Vote{C: No{}})
	fmt.Println(string(b), err)
	b, err = json.Marshal([]any{Yes{}, No{}})
	fmt.Println(string(b), err)
	s := Set{"b": {}, "a": {}}
	keys := make([]string, 0)
	for k := range s {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys, len(s), s)
	fmt.Println(Vote{}, []any{Yes{}, No{}})
	fmt.Printf("%v %+v %#v\n", Vote{}, Vote{C: Yes{}}, []any{Yes{}, No{}})
}
