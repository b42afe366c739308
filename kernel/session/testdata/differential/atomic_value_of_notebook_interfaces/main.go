// An atomic.Value holds values of one type: it panics when a Shape holding
// a Rect follows one holding an Sq, as Go's does (to it, every value of
// the notebook's interfaces was the interpreter's box), and its
// CompareAndSwap compares the values, not the boxes.
package main

import (
	"fmt"
	"sync/atomic"
)

type Shape interface{ Area() float64 }
type Sq float64

func (s Sq) Area() float64 { return float64(s * s) }

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panics:", r)
		}
	}()
	f()
	fmt.Println(name, "ok")
}

func main() {
	var v atomic.Value
	var s Shape = Sq(2)
	try("store sq", func() { v.Store(s) })
	try("store sq again", func() { v.Store(Shape(Sq(3))) })
	try("store rect", func() { v.Store(Shape(Rect{1, 2})) })
	try("store rect value", func() { v.Store(Rect{1, 2}) })
	try("store float", func() { v.Store(2.0) })
	try("swap rect", func() { v.Swap(Shape(Rect{1, 2})) })
	try("cas", func() { fmt.Println(v.CompareAndSwap(Shape(Sq(3)), Shape(Sq(4)))) })
	try("cas mixed", func() { v.CompareAndSwap(Shape(Sq(4)), Shape(Rect{})) })
	try("cas old mixed", func() { v.CompareAndSwap(Shape(Rect{}), Shape(Sq(5))) })
	try("store nil", func() { v.Store(nil) })
	fmt.Println(v.Load().(Shape).Area())
	var w atomic.Value
	try("first rect", func() { w.Store(Shape(Rect{2, 2})) })
	try("then sq", func() { w.Store(Shape(Sq(1))) })
	fmt.Println(w.Load())
}
