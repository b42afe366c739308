package trace

import "sync"

// shards is a map read on every event by every recording goroutine and
// written rarely (a new goroutine, a new object). It is split in shards,
// each with its own read lock, so that readers of different keys do not
// touch the same cache line; a sync.Map costs about twice as much per
// lookup here (interface boxing and hashing of the key).
type shards[K ~int64 | ~uintptr, V any] struct {
	s [shardCount]struct {
		mu sync.RWMutex
		m  map[K]V
		_  [32]byte // a shard per cache line (24 + 8 + 32 bytes)
	}
}

const shardCount = 64

func (m *shards[K, V]) shard(k K) int {
	// Goroutine ids are sequential and addresses aligned: mix the bits.
	h := uint64(k) * 0x9E3779B97F4A7C15
	return int(h >> 58) // the top 6 bits: 64 shards
}

func (m *shards[K, V]) Load(k K) (V, bool) {
	s := &m.s[m.shard(k)]
	s.mu.RLock()
	v, ok := s.m[k]
	s.mu.RUnlock()
	return v, ok
}

func (m *shards[K, V]) Store(k K, v V) {
	s := &m.s[m.shard(k)]
	s.mu.Lock()
	if s.m == nil {
		s.m = map[K]V{}
	}
	s.m[k] = v
	s.mu.Unlock()
}

func (m *shards[K, V]) Delete(k K) {
	s := &m.s[m.shard(k)]
	s.mu.Lock()
	delete(s.m, k)
	s.mu.Unlock()
}
