package evaluator

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// wholeRunes keeps back the start of a character whose bytes came in two
// writes (a bufio.Writer's buffer filled in the middle of a 日, a byte
// written at a time) until the rest comes: each stream message is text,
// and a message ending in half a character had that half replaced by
// U+FFFD, one per byte, and the other half in the next one too, where a
// terminal shows the character.
type wholeRunes struct {
	mu    sync.Mutex
	tails map[[2]string]string // by cell and stream
}

// whole returns what of text to send now, with what was kept back of the
// stream before it, keeping back an unfinished character at its end.
func (w *wholeRunes) whole(cell, name, text string) string {
	w.mu.Lock()
	defer w.mu.Unlock()
	key := [2]string{cell, name}
	if tail := w.tails[key]; tail != "" {
		text = tail + text
		delete(w.tails, key)
	}
	if n := completeRunes(text); n < len(text) {
		if w.tails == nil {
			w.tails = map[[2]string]string{}
		}
		w.tails[key] = text[n:]
		text = text[:n]
	}
	return text
}

// flush sends what is kept back, as it is: the rest did not come.
func (w *wholeRunes) flush(send func(cell, name, text string)) {
	w.mu.Lock()
	tails := w.tails
	w.tails = nil
	w.mu.Unlock()
	for key, text := range tails {
		send(key[0], key[1], text)
	}
}

// completeRunes returns how much of s ends with whole characters: all of
// it, but for the start of an encoding of a character that s cuts short.
// (A byte that starts no character is whole: it is sent, and replaced.)
func completeRunes(s string) int {
	for i := len(s) - 1; i >= 0 && i > len(s)-utf8.UTFMax; i-- {
		if utf8.RuneStart(s[i]) {
			if utf8.FullRuneInString(s[i:]) {
				return len(s)
			}
			return i
		}
	}
	return len(s)
}

// validText returns s with each ill-formed part replaced by one U+FFFD,
// as a terminal or Python's decoder shows it: the longest start of a
// character's encoding (three bytes of a four-byte emoji cut short) is one
// replacement, not one per byte, which the wire's JSON would make.
func validText(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != utf8.RuneError || size > 1 {
			b.WriteString(s[i : i+size])
			i += size
			continue
		}
		b.WriteRune(utf8.RuneError)
		i += maximalSubpart(s[i:])
	}
	return b.String()
}

// maximalSubpart returns the length of the longest start of a well-formed
// encoding that s, ill-formed at its first byte, begins with (Unicode's
// "maximal subpart"), at least 1.
func maximalSubpart(s string) int {
	n, lo, hi := 0, byte(0x80), byte(0xBF)
	switch c := s[0]; {
	case c >= 0xC2 && c <= 0xDF:
		n = 2
	case c == 0xE0:
		n, lo = 3, 0xA0
	case c == 0xED:
		n, hi = 3, 0x9F
	case c >= 0xE1 && c <= 0xEF:
		n = 3
	case c == 0xF0:
		n, lo = 4, 0x90
	case c == 0xF4:
		n, hi = 4, 0x8F
	case c >= 0xF1 && c <= 0xF3:
		n = 4
	default:
		return 1
	}
	i := 1
	for ; i < n && i < len(s) && s[i] >= lo && s[i] <= hi; i++ {
		lo, hi = 0x80, 0xBF
	}
	return i
}
