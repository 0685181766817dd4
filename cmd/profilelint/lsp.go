package main

import (
	"context"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/profilelint/profilelint/config"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/lint/resultcache"
	"github.com/profilelint/profilelint/lsp"
	"github.com/profilelint/profilelint/rules"
)

func lspCommand() *cli.Command {
	return &cli.Command{
		Name:  "lsp",
		Usage: "run the language server on standard input and output",
		Description: `Runs a Language Server Protocol server over standard input and output,
for editors: diagnostics of every rule on open and on every change, the
corpus-wide rules (unique-id, duplicate-across, sibling-drift,
adjacent-unresolved) judged against every profile of the workspace folder
and refreshed when a file is saved, created or deleted, fixes and
suppressions as code actions, and hover with a rule's doc or the schema's
word on a key. The configuration is found as "lint" run in the workspace
folder finds it, and reloaded when it changes. The README shows the setup
for Neovim, Helix, Emacs and VS Code.`,
		Flags: []cli.Flag{
			noConfigFlag(),
			noCacheFlag(),
			&cli.DurationFlag{Name: "debounce", Value: lsp.DefaultDebounce, Usage: "lint a changed document `DURATION` after the last change"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageErrorf("lsp takes no arguments; the client names the workspace folder")
			}
			opt := lsp.Options{
				Rules:    rules.All(),
				Version:  version,
				Debounce: c.Duration("debounce"),
				NoConfig: c.Bool("no-config"),
			}
			if !c.Bool("no-cache") {
				opt.Cache = lspStore
			}
			rw := stdio{c.App.Reader, c.App.Writer}
			if err := lsp.Serve(context.Background(), rw, opt); err != nil {
				return &exitError{code: exitInternal, err: err}
			}
			return nil
		},
	}
}

// lspStore opens the result store for the workspace runs; the store
// derives its key from the configuration, as for lint.
func lspStore(_ *config.Config, cfg *lint.Config) lsp.Store {
	dir, err := resultcache.Dir()
	if err != nil {
		return nil
	}
	store := resultcache.Open(dir, cfg)
	cfg.Store = store
	return store
}

// stdio is standard input and output as one stream.
type stdio struct {
	io.Reader
	io.Writer
}

func (stdio) Close() error { return nil }
