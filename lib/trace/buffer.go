package trace

// chunkSize is how many events a chunk holds. Chunks are allocated as the
// trace grows, so a short trace costs little and a long one never copies.
const chunkSize = 4096

// buffer is an append-only list of events kept in fixed-size chunks.
type buffer struct {
	chunks [][]Event
	n      int
}

func (b *buffer) append(e Event) {
	if b.n%chunkSize == 0 {
		b.chunks = append(b.chunks, make([]Event, 0, chunkSize))
	}
	last := len(b.chunks) - 1
	b.chunks[last] = append(b.chunks[last], e)
	b.n++
}

func (b *buffer) len() int { return b.n }

// copyOut returns the events as one slice.
func (b *buffer) copyOut() []Event {
	out := make([]Event, 0, b.n)
	for _, c := range b.chunks {
		out = append(out, c...)
	}
	return out
}

func (b *buffer) reset() {
	b.chunks = nil
	b.n = 0
}
