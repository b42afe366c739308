// Package wire encodes and decodes Jupyter messages as ZeroMQ frames
// (messaging protocol 5.3) and signs them with HMAC-SHA256.
//
// A message on the wire is a list of frames:
//
//	[routing ids..., "<IDS|MSG>", signature, header, parent_header, metadata, content, buffers...]
//
// The signature is the hex HMAC of the four JSON frames, computed with the
// connection file's key used as is. Decode checks it in constant time before
// anything else looks at the message, so a badly signed message never reaches
// a handler.
package wire

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"time"
)

// ProtocolVersion is the Jupyter messaging protocol version this package speaks.
const ProtocolVersion = "5.3"

// Delimiter separates routing identities from the message proper.
const Delimiter = "<IDS|MSG>"

// Header is a message header.
type Header struct {
	MsgID    string `json:"msg_id"`
	Session  string `json:"session"`
	Username string `json:"username"`
	Date     string `json:"date"`
	MsgType  string `json:"msg_type"`
	Version  string `json:"version"`
}

// Message is one decoded Jupyter message. Content, metadata and the parent
// header stay raw JSON: handlers decode the content they understand, and a
// reply's parent header must be the request's header byte for byte.
type Message struct {
	Identities   [][]byte
	Header       Header
	RawHeader    json.RawMessage
	ParentHeader json.RawMessage
	Metadata     json.RawMessage
	Content      json.RawMessage
	Buffers      [][]byte
}

// Errors returned by Decode. Each one means the message is dropped.
var (
	ErrNoDelimiter  = errors.New("wire: no <IDS|MSG> delimiter in the frames")
	ErrTooFewFrames = errors.New("wire: fewer than the 5 frames that follow the delimiter")
	ErrBadSignature = errors.New("wire: signature does not match the message (wrong key or tampered frames)")
)

// Codec signs outgoing messages and verifies incoming ones. A Codec with an
// empty key neither signs nor verifies, as the protocol prescribes.
type Codec struct {
	key []byte
}

// NewCodec returns a codec for the connection file's key and signature
// scheme. Only "hmac-sha256" (or no scheme with an empty key) is supported.
func NewCodec(key, scheme string) (*Codec, error) {
	if key != "" && scheme != "" && scheme != "hmac-sha256" {
		return nil, fmt.Errorf("wire: signature scheme %q is not supported; use hmac-sha256", scheme)
	}
	return &Codec{key: []byte(key)}, nil
}

func (c *Codec) mac() hash.Hash { return hmac.New(sha256.New, c.key) }

// Sign returns the hex signature of the four JSON frames.
func (c *Codec) Sign(header, parent, metadata, content []byte) string {
	if len(c.key) == 0 {
		return ""
	}
	m := c.mac()
	m.Write(header)
	m.Write(parent)
	m.Write(metadata)
	m.Write(content)
	return hex.EncodeToString(m.Sum(nil))
}

// Decode parses frames into a Message, verifying the signature first.
func (c *Codec) Decode(frames [][]byte) (*Message, error) {
	delim := -1
	for i, f := range frames {
		if string(f) == Delimiter {
			delim = i
			break
		}
	}
	if delim < 0 {
		return nil, ErrNoDelimiter
	}
	rest := frames[delim+1:]
	if len(rest) < 5 {
		return nil, ErrTooFewFrames
	}
	sig, header, parent, metadata, content := rest[0], rest[1], rest[2], rest[3], rest[4]
	if len(c.key) > 0 {
		want, err := hex.DecodeString(string(sig))
		if err != nil {
			return nil, ErrBadSignature
		}
		m := c.mac()
		m.Write(header)
		m.Write(parent)
		m.Write(metadata)
		m.Write(content)
		if !hmac.Equal(want, m.Sum(nil)) {
			return nil, ErrBadSignature
		}
	}
	msg := &Message{
		Identities:   frames[:delim],
		RawHeader:    json.RawMessage(header),
		ParentHeader: json.RawMessage(parent),
		Metadata:     json.RawMessage(metadata),
		Content:      json.RawMessage(content),
		Buffers:      rest[5:],
	}
	if err := json.Unmarshal(header, &msg.Header); err != nil {
		return nil, fmt.Errorf("wire: header is not a JSON object: %w", err)
	}
	if msg.Header.MsgType == "" {
		return nil, errors.New("wire: header has no msg_type")
	}
	for name, raw := range map[string][]byte{"parent_header": parent, "metadata": metadata, "content": content} {
		if !isJSONObject(raw) {
			return nil, fmt.Errorf("wire: %s is not a JSON object", name)
		}
	}
	return msg, nil
}

// Encode returns the frames of msg, signed. A nil parent header, metadata or
// content is sent as {}.
func (c *Codec) Encode(msg *Message) ([][]byte, error) {
	header := msg.RawHeader
	if header == nil {
		b, err := json.Marshal(msg.Header)
		if err != nil {
			return nil, err
		}
		header = b
	}
	parent, metadata, content := orEmpty(msg.ParentHeader), orEmpty(msg.Metadata), orEmpty(msg.Content)
	frames := make([][]byte, 0, len(msg.Identities)+6+len(msg.Buffers))
	frames = append(frames, msg.Identities...)
	frames = append(frames,
		[]byte(Delimiter),
		[]byte(c.Sign(header, parent, metadata, content)),
		header, parent, metadata, content)
	frames = append(frames, msg.Buffers...)
	return frames, nil
}

// marshal encodes v without escaping <, > and &, which outputs of HTML and
// SVG are full of; JSON does not need it.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func orEmpty(b json.RawMessage) json.RawMessage {
	if len(b) == 0 || string(b) == "null" {
		return json.RawMessage("{}")
	}
	return b
}

func isJSONObject(b []byte) bool {
	// json.Valid scans without building anything: a display's content can
	// be hundreds of kilobytes.
	t := bytes.TrimLeft(b, " \t\r\n")
	return len(t) > 0 && t[0] == '{' && json.Valid(t)
}

// NewID returns a fresh random message or session id.
func NewID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// Now returns the current time in the protocol's date format.
func Now() string { return time.Now().UTC().Format("2006-01-02T15:04:05.000000Z07:00") }

// Reply builds a message of msgType whose parent is parent (which may be nil
// for messages with no parent), routed to the same peer as parent.
func Reply(parent *Message, session, msgType string, content any) (*Message, error) {
	body, err := marshal(content)
	if err != nil {
		return nil, fmt.Errorf("wire: encoding %s content: %w", msgType, err)
	}
	m := &Message{
		Header: Header{
			MsgID:    NewID(),
			Session:  session,
			Username: "kernel",
			Date:     Now(),
			MsgType:  msgType,
			Version:  ProtocolVersion,
		},
		Content: body,
	}
	if parent != nil {
		m.Identities = parent.Identities
		m.ParentHeader = parent.RawHeader
		if parent.Header.Username != "" {
			m.Header.Username = parent.Header.Username
		}
	}
	return m, nil
}
