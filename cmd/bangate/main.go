// Command bangate is a policy-as-code compliance gate: it checks SBOMs and
// procurement records against vendor ban lists and sanctions lists with
// Rego policies. See the README.
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/bangate/bangate/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	wd, _ := os.Getwd()
	code := cli.Run(ctx, os.Args[1:], cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Dir: wd})
	stop()
	os.Exit(code)
}
