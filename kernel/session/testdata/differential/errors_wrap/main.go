package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

var errBase = errors.New("base")

type codeErr struct{ code int }

func (c codeErr) Error() string { return fmt.Sprint("code ", c.code) }

func main() {
	err := fmt.Errorf("layer: %w", errBase)
	fmt.Println(err, errors.Is(err, errBase), errors.Unwrap(err) == errBase)
	var ce codeErr
	e2 := fmt.Errorf("x: %w", codeErr{7})
	fmt.Println(errors.As(e2, &ce), ce.code)
	_, err = os.Open("/nonexistent/file")
	fmt.Println(errors.Is(err, fs.ErrNotExist))
	fmt.Println(errors.Join(errBase, codeErr{1}))
}
