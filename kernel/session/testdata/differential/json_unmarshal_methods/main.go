// Types of the notebook's that decode themselves (UnmarshalJSON), decoded
// with json.Unmarshal and a json.Decoder: the method gets the value's own
// bytes; bad input fails before it is called.
package main

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Duration decodes "1h30m"-style text into minutes.
type Duration struct{ Minutes int }

func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("duration: %w", err)
	}
	var h, m int
	if _, err := fmt.Sscanf(s, "%dh%dm", &h, &m); err != nil {
		return fmt.Errorf("duration %q: %v", s, err)
	}
	d.Minutes = 60*h + m
	return nil
}

// Level decodes names or numbers.
type Level int

func (l *Level) UnmarshalJSON(b []byte) error {
	switch strings.Trim(string(b), `"`) {
	case "low":
		*l = 1
	case "high":
		*l = 3
	default:
		*l = -1
	}
	return nil
}

type raw struct{ got string }

func (r *raw) UnmarshalJSON(b []byte) error {
	r.got = string(b)
	return nil
}

func main() {
	var d Duration
	err := json.Unmarshal([]byte(`"1h30m"`), &d)
	fmt.Println(d.Minutes, err)
	fmt.Println(json.Unmarshal([]byte(`42`), &d))
	fmt.Println(json.Unmarshal([]byte(`"1h`), &d))

	var l Level
	if err := json.Unmarshal([]byte(` "high" `), &l); err == nil {
		fmt.Println("level", int(l))
	}

	var r raw
	fmt.Println(json.Unmarshal([]byte("  {\"a\": [1, 2]}\n"), &r), r.got)
	fmt.Println(json.Unmarshal([]byte(`null`), &r), r.got)

	dec := json.NewDecoder(strings.NewReader(`"0h5m" "2h0m" "low"`))
	var a, b Duration
	var c Level
	fmt.Println(dec.Decode(&a), dec.Decode(&b), dec.Decode(&c), a.Minutes, b.Minutes, int(c))
	fmt.Println(dec.Decode(&a))
}
