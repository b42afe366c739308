package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
)

// The test vector from the Jupyter notes: a known key, four frames and the
// signature a real client computes for them.
const (
	vectorKey    = "a0436f6c-1916-498b-8eb9-e81ab9368e84"
	vectorHeader = `{"msg_id":"m1","session":"s1","username":"u","date":"2024-01-01T00:00:00.000000Z","msg_type":"kernel_info_request","version":"5.3"}`
	vectorSig    = "6266b3b511c3b48eb711e9994593682ad95a00af3c99eed46948acf4bb756803"
)

func vectorFrames(sig string) [][]byte {
	return [][]byte{[]byte("peer"), []byte(Delimiter), []byte(sig), []byte(vectorHeader), []byte("{}"), []byte("{}"), []byte("{}")}
}

func TestSignVector(t *testing.T) {
	c, err := NewCodec(vectorKey, "hmac-sha256")
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Sign([]byte(vectorHeader), []byte("{}"), []byte("{}"), []byte("{}")); got != vectorSig {
		t.Fatalf("signature = %s, want %s", got, vectorSig)
	}
}

func TestDecodeVector(t *testing.T) {
	c, _ := NewCodec(vectorKey, "hmac-sha256")
	m, err := c.Decode(vectorFrames(vectorSig))
	if err != nil {
		t.Fatal(err)
	}
	if m.Header.MsgType != "kernel_info_request" || m.Header.MsgID != "m1" {
		t.Errorf("header = %+v", m.Header)
	}
	if len(m.Identities) != 1 || string(m.Identities[0]) != "peer" {
		t.Errorf("identities = %q", m.Identities)
	}
}

func TestDecodeRejects(t *testing.T) {
	c, _ := NewCodec(vectorKey, "hmac-sha256")
	badSig := vectorFrames(vectorSig)
	badSig[2] = []byte("6266b3b511c3b48eb711e9994593682ad95a00af3c99eed46948acf4bb756804")
	tampered := vectorFrames(vectorSig)
	tampered[6] = []byte(`{"code":"x"}`)
	notHex := vectorFrames("zz")
	tests := []struct {
		name   string
		frames [][]byte
		want   error
	}{
		{"bad signature", badSig, ErrBadSignature},
		{"tampered content", tampered, ErrBadSignature},
		{"signature not hex", notHex, ErrBadSignature},
		{"no delimiter", [][]byte{[]byte("a"), []byte("b")}, ErrNoDelimiter},
		{"too few frames", vectorFrames(vectorSig)[:5], ErrTooFewFrames},
		{"empty", nil, ErrNoDelimiter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.Decode(tt.frames)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestDecodeMalformedJSON(t *testing.T) {
	c, _ := NewCodec("", "")
	cases := map[string][][]byte{
		"header not json":  {[]byte(Delimiter), nil, []byte("{"), []byte("{}"), []byte("{}"), []byte("{}")},
		"no msg_type":      {[]byte(Delimiter), nil, []byte(`{"msg_id":"x"}`), []byte("{}"), []byte("{}"), []byte("{}")},
		"content an array": {[]byte(Delimiter), nil, []byte(`{"msg_type":"x"}`), []byte("{}"), []byte("{}"), []byte("[]")},
		"parent null":      {[]byte(Delimiter), nil, []byte(`{"msg_type":"x"}`), []byte("null"), []byte("{}"), []byte("{}")},
	}
	for name, frames := range cases {
		if _, err := c.Decode(frames); err == nil {
			t.Errorf("%s: decoded without error", name)
		}
	}
}

func TestEncodeRoundTrip(t *testing.T) {
	c, _ := NewCodec(vectorKey, "hmac-sha256")
	req, err := c.Decode(vectorFrames(vectorSig))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Reply(req, "kernel-session", "kernel_info_reply", map[string]any{"status": "ok"})
	if err != nil {
		t.Fatal(err)
	}
	frames, err := c.Encode(rep)
	if err != nil {
		t.Fatal(err)
	}
	back, err := c.Decode(frames)
	if err != nil {
		t.Fatalf("decoding our own message: %v", err)
	}
	if !bytes.Equal(back.ParentHeader, []byte(vectorHeader)) {
		t.Errorf("parent header = %s, want the request header verbatim", back.ParentHeader)
	}
	if string(back.Identities[0]) != "peer" {
		t.Errorf("reply not routed to the requesting peer: %q", back.Identities)
	}
	var content map[string]string
	json.Unmarshal(back.Content, &content)
	if content["status"] != "ok" || back.Header.Version != ProtocolVersion || back.Header.MsgType != "kernel_info_reply" {
		t.Errorf("round trip lost data: %+v %s", back.Header, back.Content)
	}
	if string(back.Metadata) != "{}" {
		t.Errorf("nil metadata must go out as {}, got %s", back.Metadata)
	}
}

func TestUnsignedWithEmptyKey(t *testing.T) {
	c, _ := NewCodec("", "hmac-sha256")
	frames := vectorFrames("")
	if _, err := c.Decode(frames); err != nil {
		t.Fatalf("empty key must not verify: %v", err)
	}
}

func TestNewIDUnique(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 1000; i++ {
		id := NewID()
		if seen[id] || len(id) != 36 {
			t.Fatalf("bad or duplicate id %q", id)
		}
		seen[id] = true
	}
}

func TestUnsupportedScheme(t *testing.T) {
	if _, err := NewCodec("k", "hmac-md5"); err == nil {
		t.Fatal("hmac-md5 accepted")
	}
}
