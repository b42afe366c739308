package sockets

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"net"
	"testing"
)

// recordConn is a net.Conn that keeps each write.
type recordConn struct {
	net.Conn
	writes [][]byte
}

func (r *recordConn) Write(p []byte) (int, error) {
	r.writes = append(r.writes, bytes.Clone(p))
	return len(p), nil
}

// frame is a ZMTP frame: flags, size and body.
func frame(flags byte, body []byte) []byte {
	if len(body) > 255 {
		h := make([]byte, 9)
		h[0] = flags | flagLong
		binary.BigEndian.PutUint64(h[1:], uint64(len(body)))
		return append(h, body...)
	}
	return append([]byte{flags, byte(len(body))}, body...)
}

// message is a multipart message of the given bodies.
func message(bodies ...[]byte) []byte {
	var out []byte
	for i, b := range bodies {
		flags := byte(flagMore)
		if i == len(bodies)-1 {
			flags = 0
		}
		out = append(out, frame(flags, b)...)
	}
	return out
}

// TestWholeMessages writes a greeting, a command and messages in pieces of
// every size and checks that the connection sends the same bytes, the
// greeting as it comes and the rest a command or a message at a time.
func TestWholeMessages(t *testing.T) {
	greeting := bytes.Repeat([]byte{0xff}, greetingLen)
	ready := frame(flagCommand, []byte("\x05READY"))
	reply := message([]byte("id"), nil, []byte("<IDS|MSG>"), []byte("sig"), bytes.Repeat([]byte("h"), 300), []byte("{}"))
	status := message([]byte("kernel.status"), []byte("{}"))
	stream := append(append(append(bytes.Clone(greeting), ready...), reply...), status...)
	// What must reach the wire, write by write, after the greeting.
	want := [][]byte{ready, reply, status}
	r := rand.New(rand.NewPCG(1, 2))
	for try := range 2000 {
		rec := &recordConn{}
		c := &wholeConn{Conn: rec, greeting: greetingLen}
		for rest := stream; len(rest) > 0; {
			k := 1 + r.IntN(min(len(rest), 40))
			if try == 0 {
				k = len(rest) // all at once
			}
			if n, err := c.Write(rest[:k]); n != k || err != nil {
				t.Fatalf("Write = %d, %v", n, err)
			}
			rest = rest[k:]
		}
		sent := bytes.Join(rec.writes, nil)
		if !bytes.Equal(sent, stream) {
			t.Fatalf("try %d: sent %q, want %q", try, sent, stream)
		}
		// Past the greeting's writes, one write a command or message.
		var after [][]byte
		passed := 0
		for _, w := range rec.writes {
			if passed < greetingLen {
				passed += len(w)
				continue
			}
			after = append(after, w)
		}
		if len(after) != len(want) {
			t.Fatalf("try %d: %d writes after the greeting, want %d", try, len(after), len(want))
		}
		for i := range want {
			if !bytes.Equal(after[i], want[i]) {
				t.Fatalf("try %d: write %d = %q, want %q", try, i, after[i], want[i])
			}
		}
	}
}

// A message larger than what a connection holds back goes out in parts.
func TestWholeMessagesLarge(t *testing.T) {
	rec := &recordConn{}
	c := &wholeConn{Conn: rec}
	big := message([]byte("display_data"), bytes.Repeat([]byte("x"), 3*heldMost))
	for rest := big; len(rest) > 0; {
		k := min(len(rest), 64<<10)
		c.Write(rest[:k])
		rest = rest[k:]
	}
	if sent := bytes.Join(rec.writes, nil); !bytes.Equal(sent, big) {
		t.Fatalf("sent %d bytes, want the %d written", len(sent), len(big))
	}
	if len(rec.writes) < 3 {
		t.Errorf("%d writes: the message was held whole", len(rec.writes))
	}
	if c.held != nil {
		t.Errorf("%d bytes of capacity kept after a large message", cap(c.held))
	}
}
