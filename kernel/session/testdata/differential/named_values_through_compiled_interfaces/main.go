// A value of a named type that is not a struct keeps its type when it goes
// into an error or a fmt.Stringer and on into an any: type switches,
// assertions and %T see a Code, not an error of no type of the notebook.
package main

import (
	"errors"
	"fmt"
	"sort"
)

type Code int

func (c Code) Error() string { return fmt.Sprintf("code %d", int(c)) }

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Tags []string

func (t Tags) String() string { return fmt.Sprint(len(t), " tags") }

func lookup(key string) error {
	if key == "" {
		return Code(400)
	}
	if key == "gone" {
		return Code(410)
	}
	return nil
}

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nothing"
	case Code:
		return fmt.Sprint("a code ", int(x))
	case Celsius:
		return fmt.Sprint("a temperature ", float64(x))
	case Tags:
		return fmt.Sprint("tags ", []string(x))
	case error:
		return "an error: " + x.Error()
	case fmt.Stringer:
		return "a stringer: " + x.String()
	}
	return "something else"
}

func main() {
	for _, k := range []string{"", "gone", "ok"} {
		err := lookup(k)
		fmt.Println(describe(err))
		if c, ok := any(err).(Code); ok {
			fmt.Printf("%T %v %d\n", c, c, int(c))
		}
	}
	var s fmt.Stringer = Celsius(21.5)
	var t fmt.Stringer = Tags{"a", "b"}
	fmt.Println(describe(s), "|", describe(t), "|", describe(errors.New("plain")))
	fmt.Printf("%T %T %v %v\n", any(s), any(t), s, t)

	errs := []error{Code(1), errors.New("other"), fmt.Errorf("wrapped: %w", Code(2))}
	codes := map[string]any{}
	for i, err := range errs {
		codes[fmt.Sprint("e", i)] = err
	}
	keys := make([]string, 0, len(codes))
	for k := range codes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, describe(codes[k]))
	}
	var c Code
	fmt.Println(errors.As(errs[2], &c), c, errors.Is(errs[2], Code(2)), errs[0] == Code(1))
}
