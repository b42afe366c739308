// A pointer to one of the notebook's structs with methods, compared with
// or looked up as the same pointer held otherwise: in an any a compiled
// container gives back, in one of the notebook's interfaces, converted in
// place (after tmrts/go-patterns' mediator, whose chat room finds the
// sender in a container/list by e.Value == uc: it sent nothing, as every
// comparison was false). The interpreter passed the pointer on in a box
// one time and bare the other, and the comparison and the map took the
// two for different values.
package main

import (
	"container/list"
	"fmt"
)

type Colleague interface {
	Name() string
}

type User struct {
	name string
	msgs []string
}

func (u *User) Name() string { return u.name }

type Room struct{ users *list.List }

func (r *Room) Join(c Colleague) { r.users.PushBack(c) }

func (r *Room) Send(from Colleague, msg string) {
	for e := r.users.Front(); e != nil; e = e.Next() {
		if e.Value == from {
			fmt.Printf("%s -> %s\n", from.Name(), msg)
		}
	}
}

type Point struct{ X, Y int }

func (p Point) Name() string { return fmt.Sprint(p.X, ",", p.Y) }

func main() {
	room := &Room{list.New()}
	ann, bob := &User{name: "ann"}, &User{name: "bob"}
	room.Join(ann)
	room.Join(bob)
	room.Send(ann, "hello")
	room.Send(bob, "hi ann")

	var a any = ann
	var c Colleague = ann
	var back any = c
	fmt.Println(a == any(ann), a == c, back == c, back == any(bob), room.users.Front().Value == any(ann))

	seen := map[any]int{}
	seen[ann] = 1
	seen[c]++
	seen[any(bob)] = 5
	fmt.Println(seen[c], seen[ann], seen[any(ann)], seen[bob], len(seen))
	delete(seen, c)
	_, ok := seen[ann]
	fmt.Println(ok, len(seen))

	byPoint := map[any]string{Point{1, 2}: "a"}
	var p Colleague = Point{1, 2}
	fmt.Println(byPoint[p], byPoint[any(Point{1, 2})], p == any(Point{1, 2}))
}
