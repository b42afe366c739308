// A program may declare display at its top level (a board game's
// display(b board), a reflection walker's display(path, v)): goconc's
// display package, imported for the notebook where a cell uses it, does
// not take the name.
package main

import (
	"fmt"
	"reflect"
	"strings"
)

type board [3][3]byte

func display(b board) {
	for _, row := range b {
		var s strings.Builder
		for _, c := range row {
			if c == 0 {
				c = '.'
			}
			s.WriteByte(c)
		}
		fmt.Println(s.String())
	}
}

func show(path string, v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			show(path+"."+v.Type().Field(i).Name, v.Field(i))
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			show(fmt.Sprintf("%s[%d]", path, i), v.Index(i))
		}
	default:
		fmt.Printf("%s = %v\n", path, v)
	}
}

type move struct {
	Row, Col int
	mark     byte
}

func main() {
	var b board
	moves := []move{{1, 1, 'X'}, {0, 2, 'O'}, {2, 0, 'X'}}
	for _, m := range moves {
		b[m.Row][m.Col] = m.mark
	}
	display(b)
	show("moves", reflect.ValueOf(moves))
}
