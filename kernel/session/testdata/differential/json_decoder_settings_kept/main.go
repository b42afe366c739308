// A json.Decoder's DisallowUnknownFields and UseNumber hold for values
// holding the notebook's types with UnmarshalJSON methods too, and a
// stream of values decodes one after another.
package main

import (
	"encoding/json"
	"fmt"
	"strings"
)

type Level int

func (l *Level) UnmarshalJSON(b []byte) error {
	switch string(b) {
	case `"low"`:
		*l = 1
	case `"high"`:
		*l = 2
	default:
		return fmt.Errorf("bad level %s", b)
	}
	return nil
}

type Event struct {
	Name  string `json:"name"`
	Level Level  `json:"level"`
	Data  any    `json:"data"`
	seen  bool
}

func main() {
	dec := json.NewDecoder(strings.NewReader(`{"name":"a","level":"low","extra":1}`))
	dec.DisallowUnknownFields()
	var e Event
	fmt.Println(dec.Decode(&e), e.Name)

	dec = json.NewDecoder(strings.NewReader(`{"name":"b","level":"high","data":12345678901234567890}`))
	dec.UseNumber()
	e = Event{}
	err := dec.Decode(&e)
	fmt.Printf("%v %v %T %v\n", err, e.Level, e.Data, e.Data)

	stream := `{"name":"x","level":"low"} {"name":"y","level":"high"} {"name":"z","level":"mid"}`
	dec = json.NewDecoder(strings.NewReader(stream))
	for dec.More() {
		var ev Event
		if err := dec.Decode(&ev); err != nil {
			fmt.Println("error:", err)
			break
		}
		fmt.Println(ev.Name, ev.Level)
	}

	var plain Event
	fmt.Println(json.NewDecoder(strings.NewReader(`{"name":"p","level":"high","other":true}`)).Decode(&plain), plain.Name, plain.Level)
}
