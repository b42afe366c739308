// The Go Tour's Readers and rot13Reader exercises: golang.org/x/tour/reader
// validates the cell's io.Reader, and writes what it finds wrong to
// os.Stderr from compiled code.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/tour/reader"
)

type MyReader struct{}

func (MyReader) Read(b []byte) (int, error) {
	for i := range b {
		b[i] = 'A'
	}
	return len(b), nil
}

// Bs reads one 'B', the kind of mistake the validator catches.
type Bs struct{}

func (Bs) Read(b []byte) (int, error) {
	b[0] = 'B'
	return 1, nil
}

type rot13Reader struct {
	r io.Reader
}

func (r rot13Reader) Read(b []byte) (int, error) {
	n, err := r.r.Read(b)
	for i := range b[:n] {
		switch c := b[i]; {
		case 'a' <= c && c <= 'z':
			b[i] = 'a' + (c-'a'+13)%26
		case 'A' <= c && c <= 'Z':
			b[i] = 'A' + (c-'A'+13)%26
		}
	}
	return n, err
}

func main() {
	reader.Validate(MyReader{})
	reader.Validate(Bs{})
	s := strings.NewReader("Lbh penpxrq gur pbqr!")
	r := rot13Reader{s}
	io.Copy(os.Stdout, &r)
	fmt.Println()
}
