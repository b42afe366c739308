// Package stacks reads the stacks of every goroutine of the process, as
// runtime.Stack writes them ("goroutine 7 [chan receive]:" and the frames,
// a blank line between goroutines). The dump stops the world while it is
// written: read it when something looks stuck, not on a hot path.
package stacks

import "runtime"

// All returns the stacks of all goroutines, the caller's first, in a
// buffer grown until the whole dump fits.
func All() []byte {
	buf := make([]byte, 64<<10)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return buf[:n]
		}
		buf = make([]byte, 2*len(buf))
	}
}
