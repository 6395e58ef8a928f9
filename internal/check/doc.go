// Package check runs bangate's pipeline once for every front end (the CLI,
// the server, evidence replay): read the input, detect and parse it,
// attribute every component, screen the signals against the loaded lists,
// build the policy input and evaluate it. A Checker compiles nothing per
// call, holds no global state, is safe for concurrent use, and its lists can
// be swapped while it runs. LoadScreening loads and indexes the lists, or
// reads the index an IndexCache kept for the same lists, options and
// program.
package check
