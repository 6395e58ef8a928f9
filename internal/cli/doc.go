// Package cli holds bangate's cobra commands. It binds flags to the
// configuration, calls the package that owns each job, and maps the outcome
// to an exit code; it holds no business logic and never exits the process.
package cli
