// Printf with a format that is not a constant (a variable, a field, a
// loop variable): %T names the notebook's types as Go does, and %v, %+v
// and %#v print their fields by their declared names.
package main

import (
	"fmt"
	"time"
)

type point struct{ x, y int }

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type config struct{ verbose string }

func main() {
	p := point{1, 2}
	f := "%T %v %+v\n"
	fmt.Printf(f, p, p, p)
	var a any = p
	fmt.Printf(f, a, a, a)
	cfg := config{"%T|%-12T|%s|%v\n"}
	fmt.Printf(cfg.verbose, Celsius(21.5), &p, Celsius(3), Celsius(4))
	formats := []string{"%T\n", "%#v\n"}
	for _, f := range formats {
		fmt.Printf(f, p)
		fmt.Printf(f, time.Second)
	}
	s := fmt.Sprintf(f, []point{p}, map[string]point{"a": p}, nil)
	fmt.Print(s)
	err := fmt.Errorf(f, p, 1, 2)
	fmt.Println(err)
}
