// Package benchcpu reads the CPU time the process has used, for the load
// benchmarks that report CPU per operation beside throughput: on a shared
// machine the load moves operations per second much more than it moves
// the CPU an operation takes.
package benchcpu
