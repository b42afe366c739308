package sync

import "unsafe"

// ptr is the address of a value, which identifies it until it is named.
func ptr[T any](p *T) unsafe.Pointer { return unsafe.Pointer(p) }
