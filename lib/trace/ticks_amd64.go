package trace

// haveTicks says whether ticks is a cycle counter rather than nanotime.
const haveTicks = true

// ticks reads the processor's time-stamp counter (constant rate on every
// amd64 processor of the last fifteen years).
func ticks() int64
