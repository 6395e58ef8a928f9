//go:build race

package corpustest_test

// raceEnabled: the race detector slows the xz decoder about fivefold.
const raceEnabled = true
