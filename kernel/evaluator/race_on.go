//go:build race

package evaluator

// raceMemoryFactor is how much more memory the race detector makes the
// evaluator use than it would: its shadow memory counts in the resident
// memory that watchMemory's emergency looks at (Go's race detector
// documentation: memory usage may increase by 5-10x). Only an evaluator
// built with -race, as the tests are, has it.
const raceMemoryFactor = 8
