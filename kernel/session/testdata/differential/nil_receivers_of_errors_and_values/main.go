package main

import (
	"errors"
	"fmt"
)

// fmt calls a String or Error method on a nil pointer too: a method with
// a pointer receiver may answer; one with a value receiver panics, and
// fmt writes <nil> as it is, unpadded.

type Tree struct {
	val         int
	left, right *Tree
}

func (t *Tree) String() string {
	if t == nil {
		return "()"
	}
	return fmt.Sprintf("(%v %d %v)", t.left, t.val, t.right)
}

type NotFound struct{ key string }

func (e *NotFound) Error() string {
	if e == nil {
		return "not found (nil)"
	}
	return "not found: " + e.key
}

type Config struct{ name string }

func (c Config) String() string { return "config " + c.name }

type Noisy struct{}

func (Noisy) String() string { panic("noisy") }

func lookup(key string) error {
	var nf *NotFound
	if key == "" {
		return nf
	}
	return nil
}

func main() {
	var empty *Tree
	t := &Tree{2, &Tree{1, nil, nil}, nil}
	fmt.Println(empty, t)
	fmt.Printf("[%8v] [%-6s]\n", empty, empty)

	var nf *NotFound
	fmt.Println(nf)
	err := lookup("")
	fmt.Println(err, err == nil, errors.Is(err, nf))

	var cfg *Config
	fmt.Printf("cfg: %s|%v|%10s|%q|\n", cfg, cfg, cfg, cfg)
	fmt.Println(cfg, &Config{"prod"})
	fmt.Printf("%v %+v\n", []*Config{nil, {"a"}}, map[string]*Tree{"t": nil})

	fmt.Printf("%v|%8s|%d\n", Noisy{}, Noisy{}, Noisy{})
}
