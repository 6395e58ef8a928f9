package config

// EvidenceConfig governs the audit evidence record.
type EvidenceConfig struct {
	// File is where `check` writes the evidence record; empty writes none.
	File string `mapstructure:"file"`
	// Dir is the evidence store; empty means "bangate/evidence" under the
	// user cache directory.
	Dir string `mapstructure:"dir"`
	// SignKey is the Ed25519 private key (PEM file) that signs records;
	// empty writes unsigned, digest-bound records.
	SignKey string `mapstructure:"sign-key"`
}
