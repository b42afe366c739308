// A *log.Logger's Print, Printf and Println print a value of the
// notebook's types by its String or Error method, as log.Println and fmt
// do: a service that logs with a logger of its own, levels and errors of
// its own types.
package main

import (
	"fmt"
	"log"
	"os"
	"strings"
)

type Level int

const (
	Debug Level = iota
	Info
	Warn
)

func (l Level) String() string { return [...]string{"DEBUG", "INFO", "WARN"}[l] }

type Path []string

func (p Path) String() string { return "/" + strings.Join(p, "/") }

type notFound struct{ key string }

func (e notFound) Error() string { return "not found: " + e.key }

type point struct{ X, Y int }

func (p *point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type plain struct{ N int }

func main() {
	l := log.New(os.Stdout, "svc: ", 0)
	l.Println("level", Warn, "path", Path{"a", "b"})
	l.Printf("level=%v (%d) path=%s err=%v", Info, Info, Path{"x"}, notFound{"k"})
	l.Print(Debug, " ", notFound{"z"})
	p := &point{1, 2}
	l.Println(p, *p, plain{3})
	var err error = notFound{"q"}
	l.Printf("%v|%s|%q", err, Warn, Level(1))
	l.SetPrefix("db: ")
	l.Println([]Level{Debug, Warn}, map[string]Level{"x": Info})
}
