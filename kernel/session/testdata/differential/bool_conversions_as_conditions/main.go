// A conversion to a boolean type as the condition of an if, a for or a
// case: feature flags of a named bool type, read from a map. The
// interpreter took every such condition for true, silently: a disabled
// feature ran, and the loop over pending work did not stop.
package main

import "fmt"

type Flag bool

type config struct {
	flags map[string]bool
}

func main() {
	cfg := config{flags: map[string]bool{"beta": false, "fast": true}}
	for _, name := range []string{"beta", "fast", "missing"} {
		if Flag(cfg.flags[name]) {
			fmt.Println(name, "on")
		} else {
			fmt.Println(name, "off")
		}
		switch {
		case bool(cfg.flags[name]):
			fmt.Println(name, "enabled")
		default:
			fmt.Println(name, "disabled")
		}
	}
	pending := []bool{true, true, false, true}
	i := 0
	for bool(pending[i]) {
		i++
	}
	fmt.Println("stopped at", i)
}
