package sockets

import (
	"context"
	"encoding/binary"
	"net"
	"sync"

	"github.com/go-zeromq/zmq4"
	"github.com/go-zeromq/zmq4/transport"
)

// zmq4 (v0.17) writes a message that a ROUTER socket sends frame by frame,
// two write system calls a frame: an execute_reply of seven frames was
// fourteen writes, each of which could wake the client, and took about
// 100 µs to send, a fifth of a trivial cell's round trip. The kernel's
// sockets listen through a transport of their own (wholeMessages) whose
// connections gather what zmq4 writes until a message's last frame, or a
// command, is whole, and then write it at once. The bytes on the wire are
// the same.

// wholeMessages is the name of the transport, the scheme of the endpoints
// the kernel binds for TCP.
const wholeMessages = "goconc-tcp"

var registerOnce sync.Once

// register makes the transport known to zmq4, once.
func register() {
	registerOnce.Do(func() {
		if err := zmq4.RegisterTransport(wholeMessages, wholeTransport{transport.New("tcp")}); err != nil {
			panic(err) // (only registered here, once)
		}
	})
}

// wholeTransport is TCP whose accepted connections write whole messages.
type wholeTransport struct{ tcp transport.Transport }

func (t wholeTransport) Dial(ctx context.Context, d transport.Dialer, addr string) (net.Conn, error) {
	return t.tcp.Dial(ctx, d, addr)
}

func (t wholeTransport) Listen(ctx context.Context, addr string) (net.Listener, error) {
	l, err := t.tcp.Listen(ctx, addr)
	if err != nil {
		return nil, err
	}
	return wholeListener{l}, nil
}

func (t wholeTransport) Addr(ep string) (string, error) { return t.tcp.Addr(ep) }

type wholeListener struct{ net.Listener }

func (l wholeListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &wholeConn{Conn: c, greeting: greetingLen}, nil
}

// The ZMTP 3 framing: a 64-byte greeting, then frames, each a flags byte,
// a size (one byte, or eight with the long flag) and the body.
const (
	greetingLen = 64
	flagMore    = 0x01
	flagLong    = 0x02
	flagCommand = 0x04
	// heldMost bounds what a connection holds back: past it, a message
	// being written goes out in parts.
	heldMost = 1 << 20
)

// wholeConn writes what is written to it when a message or a command is
// whole. It reads the frames of what is written as they come, whatever
// the pieces they are written in.
type wholeConn struct {
	net.Conn
	mu       sync.Mutex
	greeting int    // bytes of the greeting still to pass on as they come
	held     []byte // written, not yet sent
	header   []byte // the current frame's header, while incomplete
	body     uint64 // bytes of the current frame's body still to come
	flags    byte   // the current frame's flags
}

func (c *wholeConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := len(p)
	if c.greeting > 0 {
		k := min(len(p), c.greeting)
		if _, err := c.Conn.Write(p[:k]); err != nil {
			return 0, err
		}
		c.greeting -= k
		p = p[k:]
	}
	for len(p) > 0 {
		if c.body > 0 {
			k := int(min(uint64(len(p)), c.body))
			c.held = append(c.held, p[:k]...)
			c.body -= uint64(k)
			p = p[k:]
			if c.body == 0 {
				if err := c.frameEnd(); err != nil {
					return 0, err
				}
			}
			continue
		}
		c.header = append(c.header, p[0])
		p = p[1:]
		size, ok := c.headerSize()
		if !ok {
			continue
		}
		c.flags = c.header[0]
		c.held = append(c.held, c.header...)
		c.header = c.header[:0]
		c.body = size
		if size == 0 {
			if err := c.frameEnd(); err != nil {
				return 0, err
			}
		}
	}
	if len(c.held) > heldMost {
		if err := c.flush(); err != nil {
			return 0, err
		}
	}
	return n, nil
}

// headerSize returns the size of the frame whose header c.header holds,
// once it is complete.
func (c *wholeConn) headerSize() (uint64, bool) {
	h := c.header
	switch {
	case len(h) == 2 && h[0]&flagLong == 0:
		return uint64(h[1]), true
	case len(h) == 9:
		return binary.BigEndian.Uint64(h[1:]), true
	}
	return 0, false
}

// frameEnd sends what is held if the frame that ended is a message's last
// or a command.
func (c *wholeConn) frameEnd() error {
	if c.flags&flagMore != 0 && c.flags&flagCommand == 0 {
		return nil
	}
	return c.flush()
}

func (c *wholeConn) flush() error {
	if len(c.held) == 0 {
		return nil
	}
	_, err := c.Conn.Write(c.held)
	c.held = c.held[:0]
	if cap(c.held) > 64<<10 {
		c.held = nil // (a large display's, not kept for later messages)
	}
	return err
}
