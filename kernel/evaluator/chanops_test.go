package evaluator

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/traefik/yaegi/interp"
)

// Each program's output is what `go run` prints for it; the rewritten
// channel operations must not change a thing.
func TestChannelSemantics(t *testing.T) {
	tests := []goProgram{
		{"ping pong", `ping, pong := make(chan string), make(chan string)
go func() { for i := 0; i < 3; i++ { m := <-ping; pong <- m + "!" } }()
for _, w := range []string{"a", "b", "c"} { ping <- w; fmt.Print(<-pong, " ") }
fmt.Println()`, "a! b! c! \n"},
		{"buffered", `ch := make(chan int, 3)
ch <- 1; ch <- 2
fmt.Println(len(ch), cap(ch), <-ch, len(ch))`, "2 3 1 1\n"},
		{"range and close", `ch := make(chan int)
go func() { defer close(ch); for i := 1; i <= 3; i++ { ch <- i * i } }()
sum := 0
for v := range ch { sum += v }
v, ok := <-ch
fmt.Println(sum, v, ok)`, "14 0 false\n"},
		{"range without variable", `ch := make(chan int, 2)
ch <- 1; ch <- 2; close(ch)
n := 0
for range ch { n++ }
fmt.Println(n)`, "2\n"},
		{"select default", `ch := make(chan int)
select {
case v := <-ch:
	fmt.Println("got", v)
default:
	fmt.Println("nothing ready")
}`, "nothing ready\n"},
		{"select send and receive", `in, out := make(chan int, 1), make(chan int, 1)
in <- 5
select {
case v, ok := <-in:
	fmt.Println("recv", v, ok)
case <-out:
	fmt.Println("impossible")
}
select {
case v := <-in:
	fmt.Println("impossible", v)
case out <- 7:
	fmt.Println("sent", <-out)
}`, "recv 5 true\nsent 7\n"},
		{"select chooses at random", `a, b := make(chan int, 1), make(chan int, 1)
na, nb := 0, 0
for i := 0; i < 400; i++ {
	a <- 1
	b <- 2
	select {
	case <-a:
		na++
		<-b
	case <-b:
		nb++
		<-a
	}
}
fmt.Println(na > 100, nb > 100)`, "true true\n"},
		{"break label from select", `quit := make(chan bool)
go func() { time.Sleep(20 * time.Millisecond); close(quit) }()
ticks := 0
loop:
for {
	select {
	case <-quit:
		break loop
	case <-time.After(time.Millisecond):
		ticks++
	}
}
fmt.Println(ticks > 0)`, "true\n"},
		{"continue label from select", `ch := make(chan int, 4)
for i := 0; i < 4; i++ { ch <- i }
close(ch)
odd := 0
outer:
for {
	select {
	case v, ok := <-ch:
		if !ok { break outer }
		if v%2 == 0 { continue outer }
		odd++
	}
}
fmt.Println(odd)`, "2\n"},
		{"return receive", `func first(ch chan int) int { return <-ch }
c := make(chan int, 1)
c <- 42
fmt.Println(first(c))`, "42\n"},
		{"receive in if init", `c := make(chan int, 1)
c <- 3
if v := <-c; v > 2 { fmt.Println("big", v) }`, "big 3\n"},
		{"evaluation order", `a, b := make(chan int, 1), make(chan int, 1)
a <- 1; b <- 2
f := func(x, y int) int { return x*10 + y }
fmt.Println(f(<-a, <-b))`, "12\n"},
		{"nil channel in select", `var never chan int
done := make(chan int, 1)
done <- 9
select {
case <-never:
	fmt.Println("impossible")
case v := <-done:
	fmt.Println("done", v)
}`, "done 9\n"},
		{"channel of channels", `reqs := make(chan chan int)
go func() { for r := range reqs { r <- 7 } }()
reply := make(chan int)
reqs <- reply
fmt.Println(<-reply)`, "7\n"},
		{"directions", `func producer(out chan<- int) { for i := 0; i < 3; i++ { out <- i }; close(out) }
func consumer(in <-chan int) (s int) { for v := range in { s += v }; return }
ch := make(chan int)
go producer(ch)
fmt.Println(consumer(ch))`, "3\n"},
		// The interpreter keeps a select's cases in one array per
		// statement: goroutines running the same send or select at once
		// must still each send their own value.
		{"one send statement in many goroutines", `out := make(chan int)
for g := 0; g < 8; g++ {
	go func(g int) {
		for i := 0; i < 500; i++ {
			out <- g*1000 + i
		}
	}(g)
}
seen := map[int]bool{}
for n := 0; n < 4000; n++ {
	seen[<-out] = true
}
fmt.Println(len(seen))`, "4000\n"},
		{"one select in many goroutines", `a, b := make(chan int), make(chan int)
for g := 0; g < 8; g++ {
	go func(g int) {
		for i := 0; i < 250; i++ {
			select {
			case a <- g*1000 + i:
			case b <- -(g*1000 + i):
			}
		}
	}(g)
}
seen := map[int]bool{}
for n := 0; n < 2000; n++ {
	select {
	case v := <-a:
		seen[v] = true
	case v := <-b:
		seen[-v] = true
	}
}
fmt.Println(len(seen))`, "2000\n"},
		{"interpreted interface values", `type shape interface{ Area() float64 }
type square struct{ side float64 }
func (s square) Area() float64 { return s.side * s.side }
ch := make(chan shape, 2)
ch <- square{3}
ch <- nil
s, ok := <-ch
fmt.Println(s.Area(), ok, <-ch == nil)`, "9 true true\n"},
		{"structs, funcs and errors", `type point struct{ X, Y int }
pts := make(chan point, 1)
fns := make(chan func() string, 1)
errs := make(chan error, 2)
pts <- point{1, 2}
fns <- func() string { return "called" }
errs <- errors.New("boom")
errs <- nil
p := <-pts
fmt.Println(p.X+p.Y, (<-fns)(), <-errs, <-errs)`, "3 called boom <nil>\n"},
	}
	runPrograms(t, tests)
}

func TestChannelPanics(t *testing.T) {
	tests := map[string]string{
		"ch := make(chan int)\nclose(ch)\nch <- 1":   "send on closed channel",
		"ch := make(chan int)\nclose(ch)\nclose(ch)": "close of closed channel",
		"var ch chan int\nclose(ch)":                 "close of nil channel",
	}
	for src, want := range tests {
		s := newSession(t)
		_, err := s.run(src)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: err = %v, want %q", src, err, want)
		}
	}
}

// TestClosuresSurviveInterrupts guards against the interpreter's own
// cancellation, which leaves earlier closures dead.
func TestClosuresSurviveInterrupts(t *testing.T) {
	s := newSession(t)
	s.must("counter := func() func() int { n := 0; return func() int { n++; return n } }()\ntype T struct{ x int }\nfunc (t T) Get() int { return t.x }\nch := make(chan int, 1)")
	for _, block := range []string{"for {\n}", "<-make(chan int)", "select {}", "time.Sleep(time.Hour)"} {
		u, err := s.prog.Compile("[x]", block)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		_, err = s.ev.Run(ctx, "[x]", u.Chunks, RunOptions{Label: "[x]"})
		cancel()
		if err != ErrInterrupted {
			t.Fatalf("%q: %v", block, err)
		}
	}
	l := s.must("ch <- 5\nfmt.Println(counter(), counter(), T{3}.Get(), <-ch)")
	if got := s.rec.output(l); got != "1 2 3 5\n" {
		t.Errorf("after interrupts: %q", got)
	}
}

// TestLoopAndDeferSemantics checks Go 1.22 loop variables, range over
// integers and the evaluation of deferred calls' arguments, which the
// interpreter gets wrong on its own. Each want is what go run prints.
func TestLoopAndDeferSemantics(t *testing.T) {
	tests := []goProgram{
		{"closures see their iteration", `var fs []func() int
for i := 0; i < 3; i++ {
	fs = append(fs, func() int { return i })
}
for _, f := range fs {
	fmt.Print(f(), " ")
}`, "0 1 2 "},
		{"addresses of loop variables", `var ps []*int
for i := 0; i < 3; i++ {
	ps = append(ps, &i)
}
fmt.Println(*ps[0], *ps[1], *ps[2])`, "0 1 2\n"},
		{"the body changes the variable", `var fs []func() int
for i := 0; i < 10; i++ {
	if i == 2 {
		i += 5
	}
	fs = append(fs, func() int { return i })
}
for _, f := range fs {
	fmt.Print(f(), " ")
}`, "0 1 7 8 9 "},
		{"continue and labels", `var fs []func() int
outer:
for i := 0; i < 3; i++ {
	for j := 0; j < 3; j++ {
		if j == 1 {
			continue outer
		}
		fs = append(fs, func() int { return i*10 + j })
	}
}
for _, f := range fs {
	fmt.Print(f(), " ")
}`, "0 10 20 "},
		{"goroutines in a loop", `var wg sync.WaitGroup
var mu sync.Mutex
seen := map[int]bool{}
for i := 0; i < 50; i++ {
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
		seen[i] = true
		mu.Unlock()
	}()
}
wg.Wait()
fmt.Println(len(seen))`, "50\n"},
		{"range variables", `var fs []func() string
for i, s := range []string{"a", "b", "c"} {
	fs = append(fs, func() string { return fmt.Sprint(i, s) })
}
for _, f := range fs {
	fmt.Print(f(), " ")
}`, "0a 1b 2c "},
		{"range over an integer", `n := 0
for i := range 4 {
	n += i
}
for range 3 {
	n++
}
for i := range -2 {
	n += 100 * i
}
type id int
var last id
for v := range id(3) {
	last = v
}
fmt.Println(n, last)`, "9 2\n"},
		{"range over an integer with closures", `var fs []func() int
for i := range 3 {
	fs = append(fs, func() int { return i })
}
fmt.Println(fs[0](), fs[1](), fs[2]())`, "0 1 2\n"},
		{"deferred arguments", `func order() {
	x := 1
	defer fmt.Println("x was", x)
	x = 2
	for i := 0; i < 3; i++ {
		defer fmt.Print(i, " ")
	}
}
order()`, "2 1 0 x was 1\n"},
	}
	runPrograms(t, tests)
}

// goProgram is a cell and what go run prints for it.
type goProgram struct{ name, src, want string }

// runPrograms runs each program in a fresh session and compares outputs.
func runPrograms(t *testing.T, tests []goProgram) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSession(t)
			l, err := s.run(tt.src)
			if err != nil {
				t.Fatalf("%v", err)
			}
			if got := s.rec.output(l); got != tt.want {
				t.Errorf("output %q, want %q", got, tt.want)
			}
		})
	}
}

// TestBuiltinsAndIterators checks what the interpreter lacks or gets wrong
// and the rewrites provide: min, max, clear, method expressions, range
// over functions, range over slices of channels.
func TestBuiltinsAndIterators(t *testing.T) {
	runPrograms(t, []goProgram{
		{"min and max", `a, b := 3, 7
f := 2.5
fmt.Println(min(a, b, 5), max(a, b, 5), min(f, 1), max("b", "a", "c"), min(4, 2, 8))
nan := math.NaN()
fmt.Println(math.IsNaN(min(1, nan)), math.IsNaN(max(nan, 1)))`, "3 7 1 c 2\ntrue true\n"},
		{"clear", `m := map[string]int{"a": 1, "b": 2}
s := []string{"x", "y"}
clear(m)
clear(s)
fmt.Printf("%d %q\n", len(m), s)`, "0 [\"\" \"\"]\n"},
		{"method expressions", `type point struct{ x, y int }
func (p point) add(q point) point { return point{p.x + q.x, p.y + q.y} }
func (p *point) scale(k int) { p.x *= k; p.y *= k }
func (p point) sum(vs ...int) int { t := p.x + p.y; for _, v := range vs { t += v }; return t }
add := point.add
scale := (*point).scale
p := point{1, 2}
scale(&p, 10)
fmt.Println(add(p, point{1, 1}), point.sum(p, 1, 2), fmt.Stringer.String(time.Second))`, "{11 21} 33 1s\n"},
		{"range over functions", `func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}
func pairs(yield func(string, int) bool) {
	_ = yield("a", 1) && yield("b", 2) && yield("c", 3)
}
total := 0
for v := range count(10) {
	if v%2 == 0 {
		continue
	}
	if v > 7 {
		break
	}
	for j := range 3 {
		if j == 1 {
			break
		}
		total += v
	}
}
var k string
for k = range pairs {
}
var got []string
for name, n := range pairs {
	got = append(got, fmt.Sprint(name, n))
}
fmt.Println(total, k, got)`, "16 c [a1 b2 c3]\n"},
		{"type switch on standard interfaces", `func kind(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case error:
		return "error " + x.Error()
	case fmt.Stringer:
		return "stringer " + x.String()
	case int, string:
		return fmt.Sprintf("plain %v", x)
	default:
		return fmt.Sprintf("%T", x)
	}
}
for _, v := range []any{nil, errors.New("e"), time.Second, 3, "s", 2.5} {
	fmt.Print(kind(v), "; ")
}`, "nil; error e; stringer 1s; plain 3; plain s; float64; "},
		{"range over a slice of channels", `chans := []chan int{make(chan int, 1), make(chan int, 1)}
for i, c := range chans {
	c <- i + 1
}
sum := 0
for _, c := range chans {
	sum += <-c
}
fmt.Println(sum)`, "3\n"},
	})
}

func TestRangeOverFunctionNestedReturn(t *testing.T) {
	s := newSession(t)
	// A return from a range over a function nested in another, which
	// was refused: it goes out through both iterators.
	label := s.must("func seq(yield func(int) bool) { _ = yield(1) && yield(2) }\nfunc first() int {\n\tfor u := range seq {\n\t\tfor v := range seq {\n\t\t\tif u+v == 3 {\n\t\t\t\treturn u*10 + v\n\t\t\t}\n\t\t}\n\t}\n\treturn 0\n}\nfmt.Println(first())")
	if got := s.rec.output(label); got != "12\n" {
		t.Errorf("got %q, want 12", got)
	}
}

// A value in one of the notebook's interfaces reaches compiled code as the
// interpreter's own struct; timelines show the value it holds.
func TestValueTextOfNotebookInterface(t *testing.T) {
	i := interp.New(interp.Options{})
	if _, err := i.Eval(`type I interface{ M() }
type T struct{ X int }
func (T) M() {}
var v I = T{7}`); err != nil {
		t.Fatal(err)
	}
	p, err := i.Eval("&v")
	if err != nil {
		t.Fatal(err)
	}
	if got := valueText(p.Elem()); got != "{7}" {
		t.Errorf("valueText of an I holding T{7} = %q, want {7}", got)
	}
	var nilI reflect.Value
	if _, err := i.Eval("var w I"); err != nil {
		t.Fatal(err)
	}
	if nilI, err = i.Eval("&w"); err != nil {
		t.Fatal(err)
	}
	if got := valueText(nilI.Elem()); got != "nil" {
		t.Errorf("valueText of a nil I = %q, want nil", got)
	}
}

// A value of a named type with methods in an any (a chan any's element)
// is the interpreter's box inside an interface; timelines show its value.
func TestValueTextOfBoxInAny(t *testing.T) {
	i := interp.New(interp.Options{})
	if _, err := i.Eval(`type Done int
func (Done) M() {}
var v any = Done(3)`); err != nil {
		t.Fatal(err)
	}
	p, err := i.Eval("&v")
	if err != nil {
		t.Fatal(err)
	}
	if got := valueText(p.Elem()); got != "3" {
		t.Errorf("valueText of an any holding Done(3) = %q, want 3", got)
	}
}
