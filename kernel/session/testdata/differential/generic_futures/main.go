package main

import (
	"errors"
	"fmt"
)

type Result[T any] struct {
	Val T
	Err error
}

func (r Result[T]) String() string {
	if r.Err != nil {
		return "error: " + r.Err.Error()
	}
	return fmt.Sprint("ok: ", r.Val)
}

// Async runs f in a goroutine; the channel delivers its result once.
func Async[T any](f func() (T, error)) <-chan Result[T] {
	c := make(chan Result[T], 1)
	go func() {
		v, err := f()
		c <- Result[T]{v, err}
	}()
	return c
}

func main() {
	a := Async(func() (int, error) { return 42, nil })
	b := Async(func() (string, error) { return "", errors.New("no luck") })
	c := Async(func() ([]float64, error) { return []float64{1.5, 2.5}, nil })
	fmt.Println(<-a)
	fmt.Println(<-b)
	r := <-c
	fmt.Println(r.Val, r.Err == nil, r)
	fmt.Printf("%v|%s\n", <-Async(func() (bool, error) { return true, nil }), Result[int]{Val: 7})
}
