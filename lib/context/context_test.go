package context_test

import (
	stdctx "context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/goconc/goconc/lib/context"
	"github.com/goconc/goconc/lib/trace"
)

func TestLikeStd(t *testing.T) {
	cause := errors.New("stop it")
	tests := []struct {
		name     string
		lib, std func() (stdctx.Context, func())
		wantErr  error
	}{
		{"cancel",
			func() (stdctx.Context, func()) { c, f := context.WithCancel(context.Background()); return c, f },
			func() (stdctx.Context, func()) { c, f := stdctx.WithCancel(stdctx.Background()); return c, f },
			stdctx.Canceled},
		{"cause",
			func() (stdctx.Context, func()) {
				c, f := context.WithCancelCause(context.Background())
				return c, func() { f(cause) }
			},
			func() (stdctx.Context, func()) {
				c, f := stdctx.WithCancelCause(stdctx.Background())
				return c, func() { f(cause) }
			},
			stdctx.Canceled},
		{"timeout",
			func() (stdctx.Context, func()) {
				c, f := context.WithTimeout(context.Background(), 10*time.Millisecond)
				return c, func() { time.Sleep(30 * time.Millisecond); f() }
			},
			func() (stdctx.Context, func()) {
				c, f := stdctx.WithTimeout(stdctx.Background(), 10*time.Millisecond)
				return c, func() { time.Sleep(30 * time.Millisecond); f() }
			},
			stdctx.DeadlineExceeded},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, mk := range []func() (stdctx.Context, func()){tt.lib, tt.std} {
				ctx, cancel := mk()
				if ctx.Err() != nil {
					t.Fatal("done before cancel")
				}
				cancel()
				<-ctx.Done()
				if ctx.Err() != tt.wantErr {
					t.Errorf("Err = %v, want %v", ctx.Err(), tt.wantErr)
				}
				if tt.name == "cause" && context.Cause(ctx) != cause {
					t.Errorf("Cause = %v", context.Cause(ctx))
				}
			}
		})
	}
	// Values pass through, and children are cancelled with their parent.
	parent, cancel := context.WithCancel(context.WithValue(context.Background(), "k", "v"))
	child, cc := context.WithTimeout(parent, time.Hour)
	defer cc()
	cancel()
	<-child.Done()
	if child.Value("k") != "v" || child.Err() != stdctx.Canceled {
		t.Errorf("child: %v %v", child.Value("k"), child.Err())
	}
}

func TestRecorded(t *testing.T) {
	trace.Start()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan bool)
	go func() {
		<-ctx.Done()
		_ = ctx.Err()
		close(done)
	}()
	cancel()
	<-done
	tr := trace.Stop()
	var got []string
	for _, e := range tr.Events {
		got = append(got, e.Kind.String()+":"+e.Text)
	}
	if len(got) != 2 || got[0] != "cancel:context canceled" || got[1] != "cancel-seen:context canceled" {
		t.Errorf("events %v", got)
	}
}

func ExampleWithTimeout() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	select {
	case <-ctx.Done():
		fmt.Println(ctx.Err())
	case <-time.After(time.Second):
		fmt.Println("too slow")
	}
	// The context is a standard one: any API taking a context accepts it.
	var _ stdctx.Context = ctx
	// Output: context deadline exceeded
}
