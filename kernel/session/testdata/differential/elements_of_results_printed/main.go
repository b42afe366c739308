// An element of a slice that a call or a literal makes, printed: fmt
// calls its String method, as for a variable's element.
package main

import "fmt"

type Token struct {
	Kind  string
	Value string
}

func (t Token) String() string { return t.Kind + ":" + t.Value }

type holder struct{ tok Token }

func toks() []Token        { return []Token{{"w", "y"}} }
func arr() [1]Token        { return [1]Token{{"a", "r"}} }
func h() holder            { return holder{Token{"h", "f"}} }
func hp() *holder          { return &holder{Token{"p", "f"}} }
func mp() map[string]Token { return map[string]Token{"k": {"m", "p"}} }

func main() {
	fmt.Println([]Token{{"l", "i"}}[0])
	fmt.Println(toks()[0])
	fmt.Println(arr()[0])
	fmt.Println(h().tok)
	fmt.Println(hp().tok)
	fmt.Println(mp()["k"])
	fmt.Println(toks()[0:1])
	var x any = toks()[0]
	fmt.Println(x)
	s := fmt.Sprintf("%v|%s", toks()[0], toks()[0])
	fmt.Println(s)
	fmt.Println(fmt.Sprint("a", toks()[0], "b"), fmt.Sprint(toks()[0]))
}
