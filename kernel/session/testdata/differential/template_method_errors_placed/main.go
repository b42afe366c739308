// The error of a method a template calls is placed where Go's template
// places it: at <.Sum>, at <.Owner.Greet>, at <$p.Greet>.
package main

import (
	"errors"
	"fmt"
	"os"
	"text/template"
)

type Person struct{ Name string }

type Cart struct {
	Items []int
	Owner *Person
}

func (p *Person) Greet(greeting string) (string, error) {
	if greeting == "" {
		return "", errors.New("empty greeting")
	}
	return greeting + " " + p.Name, nil
}

func (c Cart) Sum() (int, error) {
	s := 0
	for _, i := range c.Items {
		s += i
	}
	if s > 10 {
		return 0, errors.New("too much")
	}
	return s, nil
}

func main() {
	c := Cart{[]int{5, 6}, &Person{"ann"}}
	for _, src := range []string{"{{.Sum}}", "total: {{.Sum}}", "{{.Owner.Greet \"\"}}", "{{with $p := .Owner}}{{$p.Greet \"\"}}{{end}}", "{{printf \"%d\" .Sum}}"} {
		err := template.Must(template.New("t").Parse(src)).Execute(os.Stdout, c)
		fmt.Println()
		fmt.Println(err)
	}
}
