package wire

import (
	"bytes"
	"testing"
)

// FuzzDecode feeds arbitrary frames to the decoder: it must return a message
// or an error, never panic, and whatever it accepts must re-encode and decode
// to the same header.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(vectorHeader), []byte("{}"), []byte("{}"), []byte(`{"code":"1"}`), []byte("id"))
	f.Add([]byte(`{"msg_type":"x"}`), []byte("null"), []byte("[]"), []byte("{"), []byte(""))
	f.Add([]byte(""), []byte(""), []byte(""), []byte(""), []byte(Delimiter))
	c, _ := NewCodec(vectorKey, "hmac-sha256")
	f.Fuzz(func(t *testing.T, header, parent, metadata, content, id []byte) {
		sig := c.Sign(header, parent, metadata, content)
		frames := [][]byte{id, []byte(Delimiter), []byte(sig), header, parent, metadata, content}
		m, err := c.Decode(frames)
		if err != nil {
			return
		}
		out, err := c.Encode(m)
		if err != nil {
			t.Fatalf("re-encoding an accepted message: %v", err)
		}
		back, err := c.Decode(out)
		if err != nil {
			t.Fatalf("decoding a re-encoded message: %v", err)
		}
		if !bytes.Equal(back.RawHeader, m.RawHeader) {
			t.Fatalf("header changed in round trip")
		}
		// Unsigned garbage must never pass.
		frames[2] = []byte("00")
		if _, err := c.Decode(frames); err == nil {
			t.Fatal("accepted a message with a wrong signature")
		}
	})
}
