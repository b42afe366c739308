//go:build !race

package evaluator

// raceMemoryFactor is 1 without the race detector (race_on.go).
const raceMemoryFactor = 1
