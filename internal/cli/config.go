package cli

import (
	"github.com/spf13/cobra"

	"github.com/bangate/bangate/internal/config"
)

// loadConfig reads and validates the configuration of a command: its
// flags, BANGATE_* variables, --config or ./bangate.yaml, and defaults.
// Every command reads it the same way, so a bad key fails every command.
func loadConfig(cmd *cobra.Command, env *Env) (config.Config, config.Settled, error) {
	cfgFile, _ := cmd.Flags().GetString("config")
	cfg, _, err := config.Load(config.LoadOptions{File: cfgFile, Dir: env.Dir, Flags: cmd.Flags()})
	if err != nil {
		return cfg, config.Settled{}, err
	}
	settled, err := cfg.Validate(env.Now())
	return cfg, settled, err
}
