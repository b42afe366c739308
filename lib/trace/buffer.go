package trace

import "sync"

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
		var c []Event
		if size == chunkSize {
			if p, ok := chunks.Get().(*[]Event); ok {
				c = (*p)[:0]
			}
		}
		if c == nil {
			c = make([]Event, 0, size)
		}
		b.chunks = append(b.chunks, c)
		last++
	}
	b.chunks[last] = append(b.chunks[last], e)
	b.n++
}

func (b *buffer) len() int { return b.n }

// last returns the last event appended, or nil.
func (b *buffer) last() *Event {
	if len(b.chunks) == 0 {
		return nil
	}
	c := b.chunks[len(b.chunks)-1]
	if len(c) == 0 {
		return nil
	}
	return &c[len(c)-1]
}

// views appends the chunks to lists, without copying the events.
func (b *buffer) views(lists [][]Event) [][]Event {
	for _, c := range b.chunks {
		if len(c) > 0 {
			lists = append(lists, c[:len(c):len(c)])
		}
	}
	return lists
}

// reset empties the buffer. Full-size chunks go back to the pool: the
// trace built from them holds copies, and a busy cell fills megabytes of
// chunks that the next cell can reuse instead of the collector freeing.
func (b *buffer) reset() {
	for _, c := range b.chunks {
		if cap(c) == chunkSize {
			clear(c) // drop the strings they point to
			c = c[:0]
			chunks.Put(&c)
		}
	}
	b.chunks = nil
	b.n = 0
}

// chunks holds *[]Event of capacity chunkSize for reuse.
var chunks sync.Pool
