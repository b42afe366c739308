// A template's errors about a chain that calls the notebook's methods read
// as Go's: a pointer method of a value the template cannot address, a
// value method of a nil pointer, a field after a method's result.
package main

import (
	"fmt"
	"os"
	"text/template"
)

type Person struct {
	First, Last string
	secret      string
	Boss        *Person
}

func (p Person) FullName() string      { return p.First + " " + p.Last }
func (p *Person) Initials() string     { return p.First[:1] + p.Last[:1] }
func (p Person) Greet(s string) string { return s + ", " + p.First }

func run(src string, data any) {
	t, err := template.New("t").Parse(src)
	if err != nil {
		fmt.Println("parse:", err)
		return
	}
	err = t.Execute(os.Stdout, data)
	fmt.Println()
	fmt.Println("->", err)
}

func main() {
	p := Person{First: "Ann", Last: "Lee", secret: "x"}
	run("{{.Initials}}", p)
	run("{{.Initials}}", &p)
	run("{{.Boss.FullName}}", p)
	run("{{.Boss.First}}", p)
	run("{{.FullName.Len}}", p)
	run("{{.Greet}}", p)
	run("{{.Greet \"a\" \"b\"}}", p)
	run("{{.FullName \"x\"}}", p)
	run("{{.secret}}", p)
	run("{{.First \"x\"}}", p)
	run("{{.Boss.Missing}}", Person{Boss: &p})
	run("{{.Boss.Initials}}", Person{Boss: &p})
}
