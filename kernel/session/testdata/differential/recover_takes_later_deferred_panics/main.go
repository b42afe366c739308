// A deferred function that recovers, deferred first, runs last and takes
// the panic of a call deferred after it, as well as the body's.
package main

import (
	"errors"
	"fmt"
)

type Registry struct{ entries map[string]int }

func (r *Registry) Set(k string, v int) { r.entries[k] = v }

type Conn struct{ name string }

func (c *Conn) Close() error {
	if c == nil {
		return errors.New("nothing to close")
	}
	fmt.Println("closing", c.name)
	return nil
}

func save(r *Registry) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("save: %v", p)
		}
	}()
	defer r.Set("saved", 1) // r's map is nil: the deferred call panics
	fmt.Println("saving")
	return nil
}

func serve(c *Conn, fail bool) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("serve: %v", p)
		}
	}()
	defer c.Close()
	defer fmt.Println("cleanup runs first")
	if fail {
		panic("request failed")
	}
	return nil
}

func main() {
	fmt.Println(save(&Registry{}))
	fmt.Println(save(&Registry{entries: map[string]int{}}))
	fmt.Println(serve(&Conn{"db"}, false))
	fmt.Println(serve(&Conn{"cache"}, true))
}
