package chans_test

import (
	"testing"

	"github.com/goconc/goconc/lib/chans"
	"github.com/goconc/goconc/lib/trace"
)

// A value sent and received through a buffered channel: native, wrapped,
// and wrapped while tracing (two events per value).

func BenchmarkSendRecvNative(b *testing.B) {
	c := make(chan int, 1)
	for i := 0; i < b.N; i++ {
		c <- i
		<-c
	}
}

func BenchmarkSendRecvChan(b *testing.B) {
	c := chans.Make[int]("c", 1)
	for i := 0; i < b.N; i++ {
		c.Send(i)
		c.Recv()
	}
}

func BenchmarkSendRecvChanTraced(b *testing.B) {
	trace.Start(trace.WithMaxEvents(1 << 30))
	defer stopUntimed(b)
	c := chans.Make[int]("c", 1)
	for i := 0; i < b.N; i++ {
		c.Send(i)
		c.Recv()
	}
}

// Unbuffered, between two goroutines.
func BenchmarkPingPongNative(b *testing.B) {
	c := make(chan int)
	go func() {
		for v := range c {
			_ = v
		}
	}()
	for i := 0; i < b.N; i++ {
		c <- i
	}
	close(c)
}

func BenchmarkPingPongChanTraced(b *testing.B) {
	trace.Start(trace.WithMaxEvents(1 << 30))
	defer stopUntimed(b)
	c := chans.Make[int]("c", 0)
	go func() {
		for range c.All() {
		}
	}()
	for i := 0; i < b.N; i++ {
		c.Send(i)
	}
	c.Close()
}

// stopUntimed ends the trace outside the measured time: building the
// result is not part of recording.
func stopUntimed(b *testing.B) {
	b.StopTimer()
	trace.Stop()
}
