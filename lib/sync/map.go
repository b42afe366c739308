package sync

import "sync"

// Map is the standard sync.Map: its operations never wait, so it needs no
// instrumentation but a scheduling point before each operation in an
// explored run; it is here so that the package replaces sync entirely.
type Map struct{ m sync.Map }

// Load returns the value stored for key, if any.
func (m *Map) Load(key any) (value any, ok bool) {
	point()
	return m.m.Load(key)
}

// Store sets the value for key.
func (m *Map) Store(key, value any) {
	point()
	m.m.Store(key, value)
}

// LoadOrStore returns the existing value for key if present; otherwise it
// stores and returns value. loaded reports which.
func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	point()
	return m.m.LoadOrStore(key, value)
}

// LoadAndDelete deletes the value for key, returning it.
func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	point()
	return m.m.LoadAndDelete(key)
}

// Delete deletes the value for key.
func (m *Map) Delete(key any) {
	point()
	m.m.Delete(key)
}

// Swap stores value for key and returns the previous value, if any.
func (m *Map) Swap(key, value any) (previous any, loaded bool) {
	point()
	return m.m.Swap(key, value)
}

// CompareAndSwap swaps the value for key if it is old.
func (m *Map) CompareAndSwap(key, old, new any) (swapped bool) {
	point()
	return m.m.CompareAndSwap(key, old, new)
}

// CompareAndDelete deletes the entry for key if its value is old.
func (m *Map) CompareAndDelete(key, old any) (deleted bool) {
	point()
	return m.m.CompareAndDelete(key, old)
}

// Range calls f for each key and value until f returns false.
func (m *Map) Range(f func(key, value any) bool) {
	point()
	m.m.Range(f)
}

// Clear deletes all the entries.
func (m *Map) Clear() {
	point()
	m.m.Clear()
}
