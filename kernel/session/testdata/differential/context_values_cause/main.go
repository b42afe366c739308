package main

import (
	"context"
	"errors"
	"fmt"
)

type key string

func main() {
	ctx := context.WithValue(context.Background(), key("user"), "ada")
	ctx, cancel := context.WithCancelCause(ctx)
	cancel(errors.New("shutting down"))
	fmt.Println(ctx.Value(key("user")), ctx.Err(), context.Cause(ctx))
}
