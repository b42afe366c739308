// A struct that embeds a *log.Logger (Effective Go's Job) or a
// log.Logger calls the Logger's printing methods as its own. goconc
// calls a Logger's printing methods through a hook, which was handed the
// struct in the Logger's place: "cannot use type *main.Job as type
// *log.Logger". The hook gets the embedded Logger.
package main

import (
	"fmt"
	"log"
	"os"
)

type Job struct {
	Command string
	*log.Logger
}

// Printf shadows the Logger's.
func (job *Job) Printf(format string, args ...interface{}) {
	job.Logger.Printf("%q: %s", job.Command, fmt.Sprintf(format, args...))
}

type Server struct {
	Name string
	log.Logger
}

type Inner struct{ *log.Logger }

type Outer struct {
	Inner
	id int
}

type Plain struct {
	lg log.Logger
}

func main() {
	job := &Job{"build", log.New(os.Stdout, "Job: ", 0)}
	job.Println("starting now...")
	job.Printf("step %d", 2)
	job.Print("done")

	s := &Server{Name: "api"}
	s.SetOutput(os.Stdout)
	s.SetPrefix("srv: ")
	s.Println("listening")
	s.Printf("%s ready", s.Name)

	o := Outer{Inner{log.New(os.Stdout, "outer: ", 0)}, 1}
	o.Println("deep")
	o.Inner.Printf("via inner %d", o.id)

	var p Plain
	p.lg.SetOutput(os.Stdout)
	p.lg.Println("a Logger in a field")
}
