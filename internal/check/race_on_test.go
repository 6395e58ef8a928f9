//go:build race

package check_test

// raceEnabled: the wild corpus test does not run under the race detector,
// which slows the xz decoder and the checks about fivefold.
const raceEnabled = true
