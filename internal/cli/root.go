package cli

import (
	"bytes"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

const rootLong = `bangate checks SBOMs and procurement records against vendor ban lists
(Kaspersky, FCC Covered List, NDAA section 889) and sanctions lists (OFAC), with
Rego policies, and answers pass, fail or review with reasons.

Exit codes: 0 pass, 1 fail, 2 could not check, 3 needs review.`

func newRootCmd(env *Env) *cobra.Command {
	root := &cobra.Command{
		Use:           "bangate",
		Short:         "Policy-as-code compliance gate for SBOMs and procurement records",
		Long:          rootLong,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().String("config", "", "configuration file, applied whole (also BANGATE_CONFIG); without it a ./bangate.yaml found in the working directory may only make the gate stricter")
	root.AddCommand(newCheckCmd(env), newMonitorCmd(env), newVersionCmd(env), newPolicyCmd(env), newDataCmd(env), newScreenCmd(env), newEvidenceCmd(env),
		newServeCmd(env), newTokenCmd(env), newLogCmd(env))
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return withCode(2, err) })
	// pflag writes every boolean flag as --name[=true|false]; a boolean
	// flag is given as --name, and the help says so.
	help := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		out := c.OutOrStdout()
		var buf bytes.Buffer
		c.SetOut(&buf)
		help(c, args)
		c.SetOut(out)
		_, _ = io.WriteString(out, strings.ReplaceAll(buf.String(), "[=true|false]", strings.Repeat(" ", len("[=true|false]"))))
	})
	return root
}
