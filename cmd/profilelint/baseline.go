package main

import (
	"fmt"
	"path/filepath"
	"slices"

	"github.com/urfave/cli/v2"

	"github.com/profilelint/profilelint/baseline"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profdiff"
	"github.com/profilelint/profilelint/profiles"
)

const defaultBaseline = ".profilelint-baseline.json"

func baselineFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "baseline", TakesFile: true, Usage: "accept the findings listed in `FILE` (written by \"profilelint baseline\"); entries that no longer match are reported on standard error"},
		&cli.StringFlag{Name: "new-from-rev", Usage: "report only findings that were not present at git revision `REV` (matched by rule, profile id, node and text, not by line); walked files git neither tracks nor has staged are not linted"},
		&cli.StringFlag{Name: "new-from-merge-base", Usage: "like --new-from-rev, at the merge base of `REV` and HEAD: what a pull request introduces when its base has moved"},
		&cli.IntFlag{Name: "max-warnings", Value: -1, Usage: "fail (exit 1) when there are more than `N` warnings; -1 never"},
	}
}

// narrow applies --baseline and --new-from-rev to a result; in.old is
// the result at the revision, which run linted.
func narrow(c *cli.Context, res *lint.Result, in *runInput) error {
	cfg := in.cfg
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
	if in.oldErr != nil {
		return in.oldErr
	}
	if in.old != nil {
		baseline.NewSinceSame(res, in.old, func(file string) bool { return in.oldSame[file] })
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

// newFrom is the revision --new-from-rev or --new-from-merge-base
// names, and the flag that named it; empty without either.
func newFrom(c *cli.Context) (flag, rev string) {
	if rev := c.String("new-from-merge-base"); rev != "" {
		return "new-from-merge-base", rev
	}
	if rev := c.String("new-from-rev"); rev != "" {
		return "new-from-rev", rev
	}
	return "", ""
}

// lintAtRevision lints the files the run linted as they were at the
// revision, with the same configuration and under the same names, so
// that the corpus-wide rules see the same corpus shape and the result
// cache serves both sides. A file git says is unchanged since then is
// linted from the working tree, where the cache knows it by its stamp
// without reading it; the others are read from git in one process.
// Before the first commit, "HEAD" has no files: every finding is new.
func lintAtRevision(c *cli.Context, in *runInput, files []string) (old *lint.Result, same map[string]bool, err error) {
	flag, rev := newFrom(c)
	fail := func(err error) error {
		return &exitError{code: exitUsage, err: fmt.Errorf("--%s: %w", flag, err)}
	}
	repo, err := profdiff.OpenRepo()
	if err != nil {
		return nil, nil, fail(err)
	}
	if flag == "new-from-merge-base" {
		if rev, err = repo.MergeBase(rev); err != nil {
			return nil, nil, fail(err)
		}
	} else if rev == "HEAD" && repo.Unborn() {
		return &lint.Result{Sources: map[string]*profiles.File{}}, nil, nil
	} else if err := repo.Resolve(rev); err != nil {
		return nil, nil, fail(err)
	}
	repo.Limits = in.cfg.Limits
	byPath := make(map[string]lint.Source, len(in.sources))
	for _, src := range in.sources {
		if src.Name != "-" {
			byPath[filepath.Clean(src.Name)] = src
		}
	}
	order := make(map[string]int, len(files)) // a linted file's place in the run
	for i, f := range files {
		order[filepath.Clean(f)] = i
	}
	paths := c.Args().Slice()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	var args []string
	for _, p := range paths {
		if p != "-" {
			args = append(args, p)
		}
	}
	entries, _, err := repo.Tree(rev, args)
	if err != nil {
		return nil, nil, fail(err)
	}
	kept := entries[:0]
	for _, e := range entries {
		if _, ok := order[e.Local]; ok {
			kept = append(kept, e)
		}
	}
	// In the new side's order (git sorts "a-b/x" before "a/x", a walk
	// does not), so that the corpus-wide rules meet the same corpus as on
	// the new side and their cached findings serve.
	slices.SortFunc(kept, func(a, b profdiff.Entry) int { return order[a.Local] - order[b.Local] })
	unchanged, err := repo.Unchanged(rev, kept)
	if err != nil {
		return nil, nil, fail(err)
	}
	sources := make([]lint.Source, len(kept))
	var read []profdiff.Entry
	var at []int
	same = make(map[string]bool, len(unchanged))
	for i, e := range kept {
		if unchanged[e.Name] {
			sources[i] = byPath[e.Local]
			same[sources[i].Name] = true
		} else {
			read, at = append(read, e), append(at, i)
		}
	}
	ins, err := repo.Read(rev, read)
	if err != nil {
		return nil, nil, fail(err)
	}
	for j := range ins {
		now := byPath[ins[j].Path]
		src := ins[j].Source()
		src.Name, src.Detect = now.Name, now.Detect
		sources[at[j]] = src
	}
	cfg := in.cfg
	cfg.Progress = nil
	// The old side's files have the new side's names: shown to the
	// printers, their pages would stand for the files as they are.
	cfg.Visit = nil
	return lint.Run(cfg, sources), same, nil
}
