// Structs that embed compiled types and call their methods as their own:
// a subcommand embedding a *flag.FlagSet (cmd.Parse), an encoder
// embedding a *gob.Encoder, a page embedding a *template.Template
// (page.Execute). goconc calls these methods through hooks, which were
// handed the struct in the embedded value's place ("cannot use type
// main.Command as type *flag.FlagSet"); and the methods goconc writes for
// the struct that forward to the embedded template's named io/fs's FS as
// os.FS ("undefined selector os.FS"). The hooks get the embedded value.
package main

import (
	"bytes"
	"encoding/gob"
	"flag"
	"fmt"
	"os"
	"text/template"
)

type Command struct {
	*flag.FlagSet
	verbose *bool
}

type Codec struct {
	*gob.Encoder
	buf *bytes.Buffer
}

type User struct {
	Name string
	age  int
}

func (u User) Greeting() string { return "hi " + u.Name }

type Page struct {
	*template.Template
	title string
}

func main() {
	c := Command{FlagSet: flag.NewFlagSet("run", flag.ContinueOnError)}
	c.verbose = c.Bool("v", false, "verbose")
	err := c.Parse([]string{"-v", "arg1"})
	fmt.Println(err, *c.verbose, c.Args(), c.Name())

	var buf bytes.Buffer
	cd := Codec{gob.NewEncoder(&buf), &buf}
	fmt.Println(cd.Encode(User{"ann", 3}), buf.Len() > 0)
	var u User
	fmt.Println(gob.NewDecoder(&buf).Decode(&u), u)

	p := Page{template.Must(template.New("p").Parse("{{.Name}}: {{.Greeting}}\n")), "users"}
	fmt.Println(p.Execute(os.Stdout, User{"bob", 4}), p.title, p.Name())
}
