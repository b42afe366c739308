// A function literal deferred in a loop that calls recover() and uses the
// loop's variables sees each iteration's, as one that does not: the error
// named the last task. One that runs without a panic, while an outer
// deferred call recovers another, gets nil.
package main

import (
	"errors"
	"fmt"
)

type task struct{ name string }

func run(tasks []task) (log []string) {
	for _, t := range tasks {
		defer func() {
			log = append(log, fmt.Sprintf("%s: %v", t.name, recover()))
		}()
	}
	panic("after the loop")
}

func quiet() {
	for i := 0; i < 2; i++ {
		defer func() { fmt.Println("no panic:", recover(), i) }()
	}
}

func main() {
	fmt.Println(run([]task{{"a"}, {"b"}, {"c"}}))
	quiet()
	defer func() {
		quiet()
		fmt.Println("main recovers:", recover())
	}()
	panic(errors.New("main's"))
}
