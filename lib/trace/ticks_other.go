//go:build !amd64

package trace

// haveTicks says whether ticks is a cycle counter rather than nanotime.
const haveTicks = false

func ticks() int64 { return nanotime() }
