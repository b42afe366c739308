package sockets

import (
	"context"
	"errors"
	"fmt"
	"log"
	"strings"
	"sync"
	"time"

	"github.com/go-zeromq/zmq4"

	"github.com/goconc/goconc/kernel/wire"
)

// iopubHWM is the PUB queue length. zmq4 silently drops messages past it, and
// a cell that prints fast can queue many; the session batches stream output,
// so this only has to absorb bursts of display and status messages.
const iopubHWM = 100000

// Channel is one socket with the codec that signs and checks its messages.
// Send is safe for concurrent use.
type Channel struct {
	Name  string
	sock  zmq4.Socket
	codec *wire.Codec
	mu    sync.Mutex
	log   *log.Logger
}

// Recv returns the next well-formed, correctly signed message. Messages that
// fail to decode are logged and dropped: a bad peer must not stop the kernel.
func (c *Channel) Recv() (*wire.Message, error) {
	for {
		raw, err := c.sock.Recv()
		if err != nil {
			return nil, err
		}
		m, err := c.codec.Decode(raw.Frames)
		if err != nil {
			c.log.Printf("%s: dropped a message: %v", c.Name, err)
			continue
		}
		return m, nil
	}
}

// Send signs and sends msg.
func (c *Channel) Send(msg *wire.Message) error {
	frames, err := c.codec.Encode(msg)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.sock.SendMulti(zmq4.NewMsgFrom(frames...)); err != nil {
		return fmt.Errorf("%s: sending %s: %w", c.Name, msg.Header.MsgType, err)
	}
	return nil
}

// Kernel holds the sockets of a running kernel.
type Kernel struct {
	Shell, Control, Stdin, IOPub *Channel
	heartbeat                    zmq4.Socket
	cancel                       context.CancelFunc
}

// Open binds every socket of ci and starts answering heartbeats.
func Open(ci ConnectionInfo, logger *log.Logger) (*Kernel, error) {
	codec, err := wire.NewCodec(ci.Key, ci.SignatureScheme)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	k := &Kernel{cancel: cancel}
	register()
	bind := func(name string, sock zmq4.Socket, port int) (*Channel, error) {
		ep := ci.Endpoint(port)
		if ci.Transport != "ipc" {
			ep = wholeMessages + strings.TrimPrefix(ep, "tcp") // (framing.go)
		}
		if err := sock.Listen(ep); err != nil {
			return nil, fmt.Errorf("binding the %s socket to %s: %w", name, ci.Endpoint(port), err)
		}
		return &Channel{Name: name, sock: sock, codec: codec, log: logger}, nil
	}
	// The timeout bounds how long a send may wait on a slow peer.
	opt := zmq4.WithTimeout(10 * time.Second)
	steps := []struct {
		name string
		dst  **Channel
		sock zmq4.Socket
		port int
	}{
		{"shell", &k.Shell, zmq4.NewRouter(ctx, opt), ci.ShellPort},
		{"control", &k.Control, zmq4.NewRouter(ctx, opt), ci.ControlPort},
		{"stdin", &k.Stdin, zmq4.NewRouter(ctx, opt), ci.StdinPort},
		{"iopub", &k.IOPub, zmq4.NewPub(ctx, opt), ci.IOPubPort},
	}
	for _, s := range steps {
		ch, err := bind(s.name, s.sock, s.port)
		if err != nil {
			k.Close()
			return nil, err
		}
		*s.dst = ch
	}
	if err := k.IOPub.sock.SetOption(zmq4.OptionHWM, iopubHWM); err != nil {
		logger.Printf("iopub: could not raise the high-water mark: %v", err)
	}
	k.heartbeat = zmq4.NewRep(ctx)
	if err := k.heartbeat.Listen(ci.Endpoint(ci.HBPort)); err != nil {
		k.Close()
		return nil, fmt.Errorf("binding the heartbeat socket: %w", err)
	}
	go echo(k.heartbeat)
	return k, nil
}

// echo answers every heartbeat with its own bytes until the socket closes.
func echo(sock zmq4.Socket) {
	for {
		msg, err := sock.Recv()
		if err != nil {
			if errors.Is(err, context.Canceled) {
				return
			}
			// A peer that went away mid-ping is not fatal; a closed socket is.
			if msg.Frames == nil {
				time.Sleep(10 * time.Millisecond)
			}
			continue
		}
		sock.Send(msg)
	}
}

// Close closes every socket.
func (k *Kernel) Close() {
	for _, c := range []*Channel{k.Shell, k.Control, k.Stdin, k.IOPub} {
		if c != nil {
			c.sock.Close()
		}
	}
	if k.heartbeat != nil {
		k.heartbeat.Close()
	}
	k.cancel()
}
