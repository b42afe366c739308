package recursivetypes

import (
	"bytes"
	"slices"
	"testing"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// Each program declares a group of mutually recursive types and uses
// them; run by the interpreter with the group's types made by Build
// first, it prints what Go prints.
var programs = []struct {
	name, types string
	group       []string
	code, want  string
}{
	{"a list holding its root element, whose elements point back to it", `
type Element struct {
	next, prev *Element
	list       *List
	Value      int
}
type List struct {
	root Element
	len  int
}`, []string{"Element", "List"}, `
func (l *List) Init() *List {
	l.root.next = &l.root
	l.root.prev = &l.root
	l.len = 0
	return l
}
func (l *List) PushBack(v int) *Element {
	e := &Element{Value: v, list: l}
	at := l.root.prev
	e.prev, e.next = at, at.next
	e.prev.next = e
	e.next.prev = e
	l.len++
	return e
}
func main() {
	l := new(List).Init()
	l.PushBack(1)
	l.PushBack(2)
	for e := l.root.next; e != &l.root; e = e.next {
		fmt.Print(e.Value, " ", e.list == l, " ")
	}
	fmt.Println(l.len)
}`, "1 true 2 true 2\n"},
	{"a tree whose nodes point to it", `
type Tree struct {
	root *Node
	size int
}
type Node struct {
	left, right *Node
	tree        *Tree
	key         int
}`, []string{"Node", "Tree"}, `
func (t *Tree) Insert(k int) {
	n := &Node{key: k, tree: t}
	t.size++
	p := &t.root
	for *p != nil {
		if k < (*p).key {
			p = &(*p).left
		} else {
			p = &(*p).right
		}
	}
	*p = n
}
func (n *Node) walk(f func(int)) {
	if n != nil {
		n.left.walk(f)
		f(n.key)
		n.right.walk(f)
	}
}
func main() {
	t := &Tree{}
	for _, k := range []int{5, 3, 8, 1} {
		t.Insert(k)
	}
	t.root.walk(func(k int) { fmt.Print(k, " ") })
	fmt.Println(t.size, t.root.left.tree == t)
}`, "1 3 5 8 4 true\n"},
	{"vertices and edges, through slices, maps, arrays, channels and functions", `
type Vertex struct {
	name  string
	edges []*Edge
	byTo  map[string]*Edge
	pair  [2]*Vertex
	done  chan *Vertex
	visit func(*Edge) bool
	Kids  Kids
}
type Kids []*Vertex
type Edge struct {
	from, to *Vertex
	w        int
}`, []string{"Vertex", "Kids", "Edge"}, `
func main() {
	a := &Vertex{name: "a", byTo: map[string]*Edge{}, done: make(chan *Vertex, 1)}
	b := &Vertex{name: "b"}
	e := &Edge{a, b, 7}
	a.edges = append(a.edges, e)
	a.byTo["b"] = e
	a.pair = [2]*Vertex{a, b}
	a.visit = func(e *Edge) bool { return e.w > 5 }
	a.Kids = Kids{b}
	a.done <- b
	fmt.Println(a.edges[0].to.name, a.byTo["b"].from.name, a.pair[1].name, (<-a.done).name, a.visit(e), a.Kids[0].name)
}`, "b a b b true b\n"},
	{"people and companies, each also pointing to its own kind", `
type Person struct {
	name    string
	friends []*Person
	company *Company
}
type Company struct {
	people []*Person
	parent *Company
	boss   Person
}`, []string{"Person", "Company"}, `
func main() {
	c := &Company{boss: Person{name: "ada"}}
	p := &Person{name: "bob", company: c}
	p.friends = append(p.friends, &c.boss)
	c.people = append(c.people, p)
	c.parent = &Company{}
	c.boss.company = c
	fmt.Println(c.people[0].friends[0].name, c.boss.company.people[0].name, c.parent.parent == nil)
}`, "ada bob true\n"},
}

func TestBuild(t *testing.T) {
	for _, p := range programs {
		t.Run(p.name, func(t *testing.T) { build(t, p.types, p.group, p.code, p.want) })
		reversed := slices.Clone(p.group)
		slices.Reverse(reversed)
		t.Run(p.name+", the group in the other order", func(t *testing.T) { build(t, p.types, reversed, p.code, p.want) })
	}
}

// newInterp returns an interpreter with the standard library and fmt
// imported, printing to out.
func newInterp(t *testing.T, out *bytes.Buffer) *interp.Interpreter {
	t.Helper()
	i := interp.New(interp.Options{Stdout: out})
	if err := i.Use(stdlib.Symbols); err != nil {
		t.Fatal(err)
	}
	if _, err := i.Eval(`import "fmt"`); err != nil {
		t.Fatal(err)
	}
	return i
}

// build runs a program with the group of types made by Build.
func build(t *testing.T, types string, group []string, code, want string) {
	var out bytes.Buffer
	i := newInterp(t, &out)
	if _, err := i.Eval(types); err != nil {
		t.Fatal(err)
	}
	if err := Build(i, "main", group); err != nil {
		t.Fatal(err)
	}
	if _, err := i.Eval(code); err != nil {
		t.Fatalf("%v (printed %q)", err, out.String())
	}
	if out.String() != want {
		t.Errorf("printed %q, want %q", out.String(), want)
	}
}

// TestWithoutBuild: the interpreter alone gets every program's types
// wrong, so each program tests what Build does.
func TestWithoutBuild(t *testing.T) {
	for _, p := range programs {
		var out bytes.Buffer
		_, err := newInterp(t, &out).Eval(p.types + p.code)
		if err == nil && out.String() == p.want {
			t.Errorf("%s: the interpreter makes these types right by itself; the program tests nothing", p.name)
		}
	}
}

// TestCategories: the interpreter's type categories are the ones Build
// reads (Yaegi v0.16.1's interp.tcat).
func TestCategories(t *testing.T) {
	i := interp.New(interp.Options{})
	if _, err := i.Eval(`type A [2]int
type C chan int
type R <-chan int
type W chan<- int
type F func(...int)
type M map[int]int
type P *int
type S []int
type T struct{}
type L A`); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]uint64{"A": arrayT, "C": chanT, "R": chanRecvT, "W": chanSendT, "F": funcT, "M": mapT, "P": ptrT, "S": sliceT, "T": structT, "L": linkedT} {
		typ, err := lookup(i, "main", name)
		if err != nil {
			t.Fatal(err)
		}
		if got := typ.cat(); got != want {
			t.Errorf("type %s is of category %d, want %d", name, got, want)
		}
	}
	f, _ := lookup(i, "main", "F")
	if args := f.list("arg"); len(args) != 1 || args[0].cat() != variadicT {
		t.Errorf("the parameter of F is not of the variadic category %d", variadicT)
	}
}
