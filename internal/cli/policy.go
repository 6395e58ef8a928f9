package cli

import (
	"fmt"
	"io/fs"

	"github.com/spf13/cobra"

	"github.com/bangate/bangate/internal/decision"
	"github.com/bangate/bangate/internal/policy"
	"github.com/bangate/bangate/policies"
)

func newPolicyCmd(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "policy",
		Short: "Work with policy bundles",
	}
	cmd.AddCommand(newPolicyTestCmd(env))
	return cmd
}

func newPolicyTestCmd(env *Env) *cobra.Command {
	var noBuiltin bool
	cmd := &cobra.Command{
		Use:   "test [DIR...]",
		Short: "Run the Rego tests of the built-in bundle and of your policy directories",
		Long: `Run every test_* rule of the built-in bundle and of each DIR (your policy
and data directories, as given to check --policy), compiled together as check
compiles them: your packages in your own namespace (bangate.rules.<set>, data
at bangate.lists.<id> and bangate.profiles.<name>, or outside bangate), without
the network, clock and randomness built-ins unless --allow-builtin names them,
each test under --policy-timeout. Exit 0 when every test passes, 1 when one
fails, 2 when the bundle does not load or compile.`,
		RunE: func(cmd *cobra.Command, dirs []string) error {
			var builtin fs.FS = policies.FS
			if noBuiltin {
				builtin = nil
			}
			cfg, settled, err := loadConfig(cmd, env)
			if err != nil {
				return withCode(decision.ExitError, err)
			}
			b, err := policy.LoadBundle(builtin, dirs)
			if err != nil {
				return withCode(decision.ExitError, err)
			}
			limits := policy.Limits{AllowBuiltins: cfg.Policy.AllowBuiltins, Timeout: settled.PolicyTimeout}
			results, err := policy.RunTests(cmd.Context(), b, limits)
			if err != nil {
				return withCode(decision.ExitError, err)
			}
			pass, fail, skip := 0, 0, 0
			for _, r := range results {
				switch {
				case r.Skip:
					skip++
				case r.Pass:
					pass++
				default:
					fail++
					fmt.Fprintf(env.Stdout, "FAIL %s.%s: %s\n", r.Package, r.Name, r.Fail)
				}
			}
			fmt.Fprintf(env.Stdout, "%d passed, %d failed, %d skipped\n", pass, fail, skip)
			if fail > 0 {
				return withCode(decision.ExitFail, nil)
			}
			if pass == 0 {
				return withCode(decision.ExitError, fmt.Errorf("policy test: no tests found"))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&noBuiltin, "no-builtin", false, "test only the given directories")
	addConfigFlags(cmd, "policy.allow-builtins", "policy.timeout")
	return cmd
}
