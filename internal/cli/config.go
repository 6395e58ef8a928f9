package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/bangate/bangate/internal/config"
	"github.com/bangate/bangate/internal/decision"
)

// loadConfig reads and validates the configuration of a command: its
// flags, BANGATE_* variables, --config (or BANGATE_CONFIG) or a
// ./bangate.yaml found in the working directory, and defaults. Every
// command reads it the same way, so a bad key fails every command.
func loadConfig(cmd *cobra.Command, env *Env) (config.Config, config.Settled, error) {
	cfg, settled, _, err := loadConfigFiles(cmd, env)
	return cfg, settled, err
}

// loadConfigFiles is loadConfig that also returns the configuration files
// read. A found file's settings that were not applied (they could weaken
// the gate) are logged as a warning, naming the file and how to apply
// them; reports list them too.
func loadConfigFiles(cmd *cobra.Command, env *Env) (config.Config, config.Settled, []decision.ConfigFile, error) {
	cfgFile, _ := cmd.Flags().GetString("config")
	cfg, files, err := config.Load(config.LoadOptions{File: cfgFile, Dir: env.Dir, Flags: cmd.Flags()})
	if err != nil {
		return cfg, config.Settled{}, files, err
	}
	settled, err := cfg.Validate(env.Now())
	if err != nil {
		return cfg, settled, files, err
	}
	log := newLogger(env.Stderr, cfg.LogLevel)
	for _, f := range files {
		if len(f.Ignored) == 0 {
			continue
		}
		parts := make([]string, len(f.Ignored))
		for i, s := range f.Ignored {
			parts[i] = s.Key + ": " + s.Value
		}
		log.Warn("configuration file found in the working directory, not named: settings that could weaken the gate were not applied; name it with --config or "+config.ConfigEnv+" to apply them",
			"file", f.Path, "not_applied", strings.Join(parts, "; "))
	}
	return cfg, settled, files, nil
}
