// Values of the notebook's named types stored in a context, a sync.Map or
// an atomic.Value
// come back of their types, and keys of a type of their own do not equal
// keys of the type under it: why the context lesson gives keys a type.
package main

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

type ctxKey string

type RequestID string

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

const userKey ctxKey = "user"

func requestID(ctx context.Context) (RequestID, bool) {
	id, ok := ctx.Value(ctxKey("request")).(RequestID)
	return id, ok
}

func main() {
	ctx := context.WithValue(context.Background(), userKey, "alice")
	ctx = context.WithValue(ctx, ctxKey("request"), RequestID("r-17"))
	ctx = context.WithValue(ctx, "user", "mallory") // a plain string key: another key
	fmt.Println(ctx.Value(userKey), ctx.Value("user"), ctx.Value(ctxKey("user")))
	fmt.Println(requestID(ctx))
	fmt.Println(requestID(context.Background()))

	var temps sync.Map
	temps.Store("oslo", Celsius(-3))
	temps.Store(RequestID("x"), 1)
	temps.Store("x", 2)
	v, ok := temps.Load("oslo")
	c, isC := v.(Celsius)
	fmt.Println(v, ok, c, isC)
	a, _ := temps.Load(RequestID("x"))
	b, _ := temps.Load("x")
	fmt.Println(a, b)
	old, loaded := temps.LoadOrStore("oslo", Celsius(5))
	fmt.Printf("%v %v %T\n", old, loaded, old)
	var lines []string
	temps.Range(func(k, v any) bool {
		lines = append(lines, fmt.Sprintf("%T %v: %T %v", k, k, v, v))
		return true
	})
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
	defer fmt.Println(temps.Load("oslo"))
	line := fmt.Sprintln(temps.Load("oslo"))
	fmt.Print(line, strings.TrimSpace(fmt.Sprint(temps.Load("x"))), "\n")

	var current atomic.Value
	current.Store(RequestID("r-1"))
	prev := current.Swap(RequestID("r-2"))
	now, isID := current.Load().(RequestID)
	fmt.Printf("%T %v %v %v\n", prev, prev, now, isID)
}
