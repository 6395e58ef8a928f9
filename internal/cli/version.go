package cli

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/policy"
	"github.com/bangate/bangate/policies"
)

// These are set at build time with -ldflags "-X ...".
var (
	version = ""
	commit  = ""
)

// toolInfo identifies this build.
func toolInfo() decision.Tool {
	v, c := version, commit
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && c == "" {
				c = s.Value
			}
		}
	}
	if v == "" {
		v = "dev"
	}
	return decision.Tool{Name: "bangate", Version: v, Commit: c, OPAVersion: policy.OPAVersion(), BundleVersion: policies.Version}
}

func newVersionCmd(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the versions of bangate, OPA and the built-in policy bundle",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			t := toolInfo()
			commit := t.Commit
			if commit == "" {
				commit = "unknown"
			}
			fmt.Fprintf(env.Stdout, "bangate %s\ncommit: %s\nopa: %s\npolicy bundle: %s\n", t.Version, commit, t.OPAVersion, t.BundleVersion)
			return nil
		},
	}
}
