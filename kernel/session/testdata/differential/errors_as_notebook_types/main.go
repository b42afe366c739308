// errors.As finds an error of the notebook's types in a chain or tree,
// wrapped by fmt.Errorf, errors.Join or the notebook's own Unwrap methods.
package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ Name string }

func (e *NotFound) Error() string { return e.Name + " not found" }

type Wrapped struct {
	Op  string
	Err error
}

func (w *Wrapped) Error() string { return w.Op + ": " + w.Err.Error() }
func (w *Wrapped) Unwrap() error { return w.Err }

func find(name string) error {
	return fmt.Errorf("find: %w", &NotFound{name})
}

func main() {
	err := find("x")
	var nf *NotFound
	fmt.Println(errors.As(err, &nf), nf)
	err2 := &Wrapped{"open", &NotFound{"y"}}
	var nf2 *NotFound
	fmt.Println(errors.As(err2, &nf2), nf2.Name)
	err3 := fmt.Errorf("outer: %w", &Wrapped{"read", &NotFound{"z"}})
	var w *Wrapped
	var nf3 *NotFound
	fmt.Println(errors.As(err3, &w), w.Op, errors.As(err3, &nf3), nf3.Name)
	joined := errors.Join(errors.New("a"), &NotFound{"j"})
	var nf4 *NotFound
	fmt.Println(errors.As(joined, &nf4), nf4.Name)
	var target *Wrapped
	fmt.Println(errors.As(errors.Join(errors.New("b"), fmt.Errorf("c: %w", &Wrapped{"deep", errors.New("d")})), &target), target.Op)
	var unwrapper interface{ Unwrap() error }
	found := errors.As(err2, &unwrapper)
	fmt.Println(found, unwrapper.Unwrap())
	fmt.Println(errors.As(errors.New("plain"), &nf4))
}
