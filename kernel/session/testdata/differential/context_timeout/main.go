package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func slow(ctx context.Context) error {
	select {
	case <-time.After(time.Second):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	err := slow(ctx)
	fmt.Println(err, errors.Is(err, context.DeadlineExceeded))
	_, ok := ctx.Deadline()
	fmt.Println(ok)
}
