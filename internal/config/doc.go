// Package config holds bangate's configuration: one typed Config with a
// default for every key, loaded from bangate.yaml, BANGATE_* environment
// variables and command-line flags (flag > env > file > default), and
// validated with errors that name the key.
package config
