// fmt's scanning functions call the notebook's Scan methods (fmt.Scanner),
// of struct types and of named types that are not structs, as Go's do:
// compiled fmt saw no method ("can't scan type: *struct {...}", a Deg
// scanned as the float64 it is to reflect).
package main

import (
	"errors"
	"fmt"
	"strings"
)

type Coord struct{ X, Y int }

func (c *Coord) Scan(st fmt.ScanState, verb rune) error {
	if verb != 'v' {
		return errors.New("bad verb for Coord")
	}
	_, err := fmt.Fscanf(st, "(%d,%d)", &c.X, &c.Y)
	return err
}

type Word struct{ Text string }

func (w *Word) Scan(st fmt.ScanState, verb rune) error {
	tok, err := st.Token(true, func(r rune) bool { return r != ' ' && r != '\n' })
	w.Text = strings.ToUpper(string(tok))
	return err
}

type Deg float64

func (d *Deg) Scan(st fmt.ScanState, verb rune) error {
	var f float64
	if _, err := fmt.Fscan(st, &f); err != nil {
		return err
	}
	*d = Deg(f * 2)
	return nil
}

func main() {
	var a, b Coord
	n, err := fmt.Sscanf("(1,2) (3,4)", "%v %v", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanf("(1,2)", "%d", &a)
	fmt.Println(n, err)
	var w1, w2 Word
	var k int
	n, err = fmt.Fscan(strings.NewReader("hello 42 world"), &w1, &k, &w2)
	fmt.Println(n, err, w1, k, w2)
	n, err = fmt.Sscanln("abc def\nghi", &w1, &w2)
	fmt.Println(n, err, w1, w2)
	var d Deg
	n, err = fmt.Sscan("1.5", &d)
	fmt.Println(n, err, d)
	cs := make([]Coord, 2)
	n, err = fmt.Sscan("(5,6) (7,8)", &cs[0], &cs[1])
	fmt.Println(n, err, cs)
}
