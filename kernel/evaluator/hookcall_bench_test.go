package evaluator

import (
	"reflect"
	"testing"

	"github.com/traefik/yaegi/interp"
)

// What a channel operation of a cell costs before the hook does anything:
// the interpreter calls every compiled function through reflect.Value.Call
// (its callBin), so a hook as cheap as sendTyped still pays for the call.
// Compare BenchmarkInterpreterCallsHook (a SendInt-shaped function that
// does nothing) and BenchmarkInterpreterCallsRecvHook (a RecvInt-shaped one)
// with BenchmarkInterpreterChannelOps (a send and a receive on a buffered
// channel, the interpreter's own): four such calls make a round of an
// unbuffered ping-pong, whatever the hooks do.

func interpreterLoop(b *testing.B, body string) {
	i := interp.New(interp.Options{})
	if err := i.Use(interp.Exports{"hooks/hooks": {
		"Send": reflect.ValueOf(func(c chan<- int, v int, site string) {}),
		"Recv": reflect.ValueOf(func(c <-chan int, site string) int { return 0 }),
	}}); err != nil {
		b.Fatal(err)
	}
	if _, err := i.Eval(`import "hooks"`); err != nil {
		b.Fatal(err)
	}
	src := `func loop(n int) { c := make(chan int, 1); s := 0; for i := 0; i < n; i++ { ` + body + ` }; _ = s }`
	if _, err := i.Eval(src); err != nil {
		b.Fatal(err)
	}
	v, err := i.Eval("loop")
	if err != nil {
		b.Fatal(err)
	}
	loop := v.Interface().(func(int))
	b.ResetTimer()
	loop(b.N)
}

func BenchmarkInterpreterEmptyLoop(b *testing.B) { interpreterLoop(b, ``) }

func BenchmarkInterpreterCallsHook(b *testing.B) {
	interpreterLoop(b, `hooks.Send(c, i, "c\x1f[1]:3")`)
}

func BenchmarkInterpreterCallsRecvHook(b *testing.B) {
	interpreterLoop(b, `s = hooks.Recv(c, "c\x1f[1]:4")`)
}

func BenchmarkInterpreterChannelOps(b *testing.B) { interpreterLoop(b, `c <- i; s = <-c`) }
