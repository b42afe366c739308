//go:build race

package session

// raceEnabled: the race detector randomizes scheduling, so only the shape
// of a golden timeline can be compared.
const raceEnabled = true
