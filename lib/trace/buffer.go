package trace

// chunkSize is how many events a chunk holds at most. Chunks are allocated
// as the trace grows, so a short trace costs little and a long one never
// copies.
const chunkSize = 4096

// buffer is an append-only list of events kept in fixed-size chunks.
type buffer struct {
	chunks [][]Event
	n      int
}

func (b *buffer) append(e Event) {
	last := len(b.chunks) - 1
	if last < 0 || len(b.chunks[last]) == cap(b.chunks[last]) {
		// Every goroutine has a buffer: start small, grow to chunkSize.
		size := 16
		if last >= 0 {
			size = min(2*cap(b.chunks[last]), chunkSize)
		}
		b.chunks = append(b.chunks, make([]Event, 0, size))
		last++
	}
	b.chunks[last] = append(b.chunks[last], e)
	b.n++
}

func (b *buffer) len() int { return b.n }

// views appends the chunks to lists, without copying the events.
func (b *buffer) views(lists [][]Event) [][]Event {
	for _, c := range b.chunks {
		if len(c) > 0 {
			lists = append(lists, c[:len(c):len(c)])
		}
	}
	return lists
}

func (b *buffer) reset() {
	b.chunks = nil
	b.n = 0
}
