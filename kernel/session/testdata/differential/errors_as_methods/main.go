// errors.As into compiled types (*fs.PathError, net.Error) through the
// notebook's own Unwrap and As methods.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
)

// OpError wraps what an operation failed with.
type OpError struct {
	Op  string
	Err error
}

func (e *OpError) Error() string { return e.Op + ": " + e.Err.Error() }
func (e *OpError) Unwrap() error { return e.Err }

// legacyError converts itself to a *fs.PathError on request.
type legacyError struct{ path string }

func (e legacyError) Error() string { return "legacy failure at " + e.path }
func (e legacyError) As(target any) bool {
	pe, ok := target.(**fs.PathError)
	if !ok {
		return false
	}
	*pe = &fs.PathError{Op: "legacy", Path: e.path, Err: fs.ErrInvalid}
	return true
}

// slowError is a net.Error of the notebook's.
type slowError struct{ ms int }

func (e slowError) Error() string   { return fmt.Sprint("slow: ", e.ms, "ms") }
func (e slowError) Timeout() bool   { return e.ms > 100 }
func (e slowError) Temporary() bool { return true }

func open(name string) error {
	_, err := os.Open(name)
	if err != nil {
		return &OpError{"load config", err}
	}
	return nil
}

func main() {
	err := open("/no/such/config.toml")
	var pe *fs.PathError
	if errors.As(err, &pe) {
		fmt.Println("path:", pe.Path, "op:", pe.Op, errors.Is(pe.Err, fs.ErrNotExist))
	}

	pe = nil
	fmt.Println(errors.As(legacyError{"/etc/x"}, &pe), pe)
	pe = nil
	wrapped := fmt.Errorf("startup: %w", &OpError{"migrate", legacyError{"/var/db"}})
	fmt.Println(errors.As(wrapped, &pe), pe)

	var ne net.Error
	for _, e := range []error{slowError{50}, fmt.Errorf("call: %w", slowError{250}), errors.New("plain")} {
		if errors.As(e, &ne) {
			fmt.Println("net error, timeout:", ne.Timeout())
		} else {
			fmt.Println("not a net error:", e)
		}
	}

	var target *OpError
	fmt.Println(errors.As(errors.Join(errors.New("a"), err), &target), target.Op)
}
