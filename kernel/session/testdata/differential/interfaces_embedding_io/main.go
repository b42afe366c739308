package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

type upper struct{ r io.Reader }

func (u upper) Read(p []byte) (int, error) {
	n, err := u.r.Read(p)
	copy(p, bytes.ToUpper(p[:n]))
	return n, err
}

func main() {
	var buf bytes.Buffer
	n, err := io.Copy(&buf, upper{strings.NewReader("hello reader")})
	fmt.Println(buf.String(), n, err)
	var w io.Writer = &buf
	_, isStringer := w.(fmt.Stringer)
	fmt.Println(isStringer)
}
