package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/profilelint/profilelint/baseline"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profdiff"
)

const defaultBaseline = ".profilelint-baseline.json"

func baselineFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "baseline", TakesFile: true, Usage: "accept the findings listed in `FILE` (written by \"profilelint baseline\"); entries that no longer match are reported on standard error"},
		&cli.StringFlag{Name: "new-from-rev", Usage: "report only findings that were not present at git revision `REV` (matched by rule, profile id, node and text, not by line)"},
		&cli.IntFlag{Name: "max-warnings", Value: -1, Usage: "fail (exit 1) when there are more than `N` warnings; -1 never"},
	}
}

// narrow applies --baseline and --new-from-rev to a result.
func narrow(c *cli.Context, res *lint.Result, cfg lint.Config, files []string) error {
	if path := c.String("baseline"); path != "" {
		base, err := baseline.Read(path)
		if err != nil {
			return &exitError{code: exitUsage, err: fmt.Errorf("--baseline: %w", err)}
		}
		// Entries of rules this run did not run are neither matched nor
		// stale: "lint --only schema" says nothing about the others.
		ran := map[string]bool{}
		for _, r := range enabledRules(&cfg) {
			ran[r.ID] = true
		}
		entries := base.Entries[:0:0]
		for _, e := range base.Entries {
			if ran[e.Rule] {
				entries = append(entries, e)
			}
		}
		base.Entries = entries
		stale := baseline.Filter(res, base)
		for _, e := range stale {
			fmt.Fprintf(c.App.ErrWriter, "profilelint: %s: stale baseline entry: %s at %s#%s no longer matches a finding\n", path, e.Rule, e.File, e.Pointer)
		}
		if len(stale) > 0 {
			fmt.Fprintf(c.App.ErrWriter, "profilelint: %d stale baseline %s; \"profilelint baseline -o %s\" rewrites the file\n", len(stale), plural(len(stale), "entry", "entries"), path)
		}
	}
	if rev := c.String("new-from-rev"); rev != "" {
		old, err := lintAtRevision(rev, files, cfg)
		if err != nil {
			return &exitError{code: exitUsage, err: fmt.Errorf("--new-from-rev: %w", err)}
		}
		baseline.NewSince(res, old)
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// tooManyWarnings applies --max-warnings.
func tooManyWarnings(c *cli.Context, res *lint.Result) bool {
	limit := c.Int("max-warnings")
	if limit < 0 {
		return false
	}
	n := 0
	for _, f := range res.Findings {
		if f.Suppressed == nil && f.Severity == lint.Warning {
			n++
		}
	}
	if n > limit {
		fmt.Fprintf(c.App.ErrWriter, "profilelint: %d %s, more than --max-warnings %d\n", n, plural(n, "warning", "warnings"), limit)
		return true
	}
	return false
}

func baselineCommand() *cli.Command {
	return &cli.Command{
		Name:      "baseline",
		Usage:     "accept today's findings: write them to a baseline file",
		ArgsUsage: "[path…]",
		Description: `Lints the paths like "lint" and writes every finding to a baseline file
(default ` + defaultBaseline + `). "lint --baseline FILE" then reports only
findings that are not in it, so that a team can adopt profilelint on an
existing corpus and fail only on what is new. Findings are matched by rule,
profile id, the node's JSON pointer and a hash of its text, not by line, so
edits elsewhere in a file do not bring accepted findings back. Entries
that no longer match a finding are reported as stale by "lint --baseline".`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Value: defaultBaseline, TakesFile: true, Usage: "write the baseline to `FILE`"},
			configFlag(), noConfigFlag(),
		},
		Action: func(c *cli.Context) error {
			res, _, err := lintForBaseline(c)
			if err != nil {
				return err
			}
			out := c.String("output")
			if err := baseline.WriteFile(out, res); err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			n := len(baseline.Entries(res))
			fmt.Fprintf(c.App.ErrWriter, "profilelint: wrote %d %s to %s\n", n, plural(n, "finding", "findings"), out)
			return nil
		},
	}
}

// lintForBaseline lints the command's paths as "lint" would.
func lintForBaseline(c *cli.Context) (*lint.Result, *runInput, error) {
	in, err := prepare(c, []string{c.String("output")})
	if err != nil {
		return nil, nil, err
	}
	for _, e := range in.pathErrs {
		fmt.Fprintf(c.App.ErrWriter, "profilelint: %v\n", e)
	}
	if len(in.pathErrs) > 0 {
		return nil, nil, &exitError{code: exitUsage}
	}
	return in.run(c), in, nil
}

// lintAtRevision lints the files the run linted as they were at rev, with
// the same configuration, naming each by its current path so that the
// corpus-wide rules see the same corpus shape.
func lintAtRevision(rev string, files []string, cfg lint.Config) (*lint.Result, error) {
	repo, err := profdiff.OpenRepo()
	if err != nil {
		return nil, err
	}
	if err := repo.Resolve(rev); err != nil {
		return nil, err
	}
	repo.Limits = cfg.Limits
	var paths []string
	for _, f := range files {
		if f != "-" {
			paths = append(paths, f)
		}
	}
	ins, _, err := repo.Files(rev, paths)
	if err != nil {
		return nil, err
	}
	sources := make([]lint.Source, len(ins))
	for i := range ins {
		sources[i] = ins[i].Source()
		sources[i].Name = ins[i].Path
	}
	cfg.Store = nil // old versions are linted once
	return lint.Run(cfg, sources), nil
}
