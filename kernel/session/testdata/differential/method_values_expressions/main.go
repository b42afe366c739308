package main

import "fmt"

type point struct{ x, y int }

func (p point) add(q point) point { return point{p.x + q.x, p.y + q.y} }
func (p *point) scale(k int)      { p.x *= k; p.y *= k }

func main() {
	p := point{1, 2}
	add := p.add
	fmt.Println(add(point{10, 10}))
	addExpr := point.add
	fmt.Println(addExpr(p, point{1, 1}))
	scale := (*point).scale
	scale(&p, 3)
	fmt.Println(p)
}
