package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

func main() {
	_, err := os.Open("/no/such/file")
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		fmt.Println("path error on", pe.Path)
	}
	wrapped := fmt.Errorf("loading: %w", err)
	pe, ok := errors.AsType[*fs.PathError](wrapped)
	fmt.Println(ok, pe.Op)
	_, ok = errors.AsType[*fs.PathError](errors.New("plain"))
	fmt.Println(ok)
	_, ok = errors.AsType[*fs.PathError](nil)
	fmt.Println(ok)
	joined := errors.Join(errors.New("a"), wrapped)
	pe, ok = errors.AsType[*fs.PathError](joined)
	fmt.Println(ok, pe.Path)
}
