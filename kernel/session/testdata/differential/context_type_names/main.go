// Contexts print, and %T names them, as Go's: goconc records a cell's
// contexts for its timeline in types of its own.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func main() {
	bg := context.Background()
	c1, cancel1 := context.WithCancel(bg)
	defer cancel1()
	c2, cancel2 := context.WithTimeout(c1, time.Hour)
	defer cancel2()
	c3 := context.WithValue(c2, "user", "ann")
	c4, cancel4 := context.WithCancelCause(c3)
	defer cancel4(errors.New("done"))
	c5 := context.WithoutCancel(c4)
	for _, c := range []context.Context{bg, context.TODO(), c1, c2, c3, c4, c5} {
		fmt.Printf("%T\n", c)
	}
	fmt.Println(bg, context.TODO(), c1)
	fmt.Println(c3.Value("user"), c5.Err())
}
