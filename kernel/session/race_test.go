//go:build race

package session

// raceEnabled says the tests run under the race detector, which makes the
// interpreter several times slower.
const raceEnabled = true
