// The standard logger is one: log.Default() is the logger log.SetFlags,
// log.SetPrefix and log.SetOutput change, and log.Print formats the
// notebook's values by their String and Error methods, as fmt does.
package main

import (
	"fmt"
	"log"
	"os"
	"strings"
)

type Level int

func (l Level) String() string { return [...]string{"debug", "info", "warn"}[l] }

type Job struct{ ID int }

func (j Job) String() string { return fmt.Sprintf("job#%d", j.ID) }

type Failure struct{ Reason string }

func (f *Failure) Error() string { return "failed: " + f.Reason }

func main() {
	log.SetOutput(os.Stdout)
	log.SetFlags(0)
	log.SetPrefix("[app] ")
	fmt.Println(log.Flags(), log.Default().Flags(), log.Prefix(), log.Default().Prefix() == log.Prefix())
	log.Println("starting", Level(1), Job{7})
	log.Printf("%v then %s, %d jobs", Level(2), Job{8}, 2)
	log.Print(&Failure{"disk"}, " ", Job{9})
	log.Default().SetPrefix("[default] ")
	log.Println("through Default")

	var sb strings.Builder
	l := log.New(&sb, "worker: ", 0)
	l.Println("done", Job{1})
	l.Output(1, "raw output")
	fmt.Print(sb.String())

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		log.Panicf("bad %v", Job{3})
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		l.Panicln("worker stopped", Level(0))
	}()
	fmt.Print(sb.String()[strings.LastIndex(sb.String(), "worker: worker stopped"):])
}
