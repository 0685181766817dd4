package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/profilelint/profilelint/internal/fserr"
	"github.com/profilelint/profilelint/internal/textesc"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profdiff"
	"github.com/profilelint/profilelint/profiles"
)

func diffCommand() *cli.Command {
	return &cli.Command{
		Name:      "diff",
		Usage:     "show what changed between two versions of profiles, in content terms",
		ArgsUsage: "OLD NEW | --rev REV [path…]",
		Description: `Compares two versions of profiles: two files, two folders (profiles paired
by id, then by path), or with --rev the files under the given paths
(default: the current folder) against their versions at a git revision
(files added or deleted since then show as added or removed profiles).

For each profile it lists what changed in content terms: levels added or
removed, responsibilities added, removed or reworded per level (a reworded
one, sharing at least half its words with the old, is shown as a word diff
[-old-]{+new+}), years of experience, skills, provenance sources, review
scores, id, title, level and classification; then the findings the change
introduces and those it resolves, linting both versions with every rule.
Findings are matched by rule, JSON pointer and message, not by line. The
configuration is the one "lint" uses (.profilelint.yaml, or --config).

Exit status: 0 (the diff is informational), or with --fail-on-new 1 when
the change introduces an error finding; 2 for a usage error, a path that
cannot be read, or a git failure (not a repository, unknown revision).`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: " + strings.Join(profdiff.Formats, ", ")},
			&cli.StringFlag{Name: "rev", Usage: "compare the working tree with this git revision"},
			&cli.BoolFlag{Name: "fail-on-new", Usage: "exit 1 when the change introduces an error finding"},
			configFlag(),
			noConfigFlag(),
		},
		Action: runDiff,
	}
}

func runDiff(c *cli.Context) error {
	format := c.String("format")
	if !oneOf(profdiff.Formats, format) {
		return usageErrorf("--format: unknown format %q (want %s)", format, strings.Join(profdiff.Formats, ", "))
	}
	// The configuration first: its limits bound what is read.
	conf, err := loadConfig(c)
	if err != nil {
		return err
	}
	lim := conf.Lint().Limits
	var old, new []profdiff.Input
	direct := false
	if rev := c.String("rev"); c.IsSet("rev") {
		var err error
		old, new, err = revInputs(c, rev, c.Args().Slice(), lim)
		if err != nil {
			return err
		}
	} else {
		if c.NArg() != 2 {
			return usageErrorf("diff takes OLD and NEW (two files or two folders), or --rev REV [path…]")
		}
		a, b := c.Args().Get(0), c.Args().Get(1)
		ia, err := os.Stat(a)
		if err != nil {
			return usageErrorf("%s: %v", a, fserr.Cause(err))
		}
		ib, err := os.Stat(b)
		if err != nil {
			return usageErrorf("%s: %v", b, fserr.Cause(err))
		}
		if ia.IsDir() != ib.IsDir() {
			return usageErrorf("diff compares two files or two folders; %s and %s are not both either", a, b)
		}
		direct = !ia.IsDir()
		if old, err = readSide(c, a, lim); err != nil {
			return err
		}
		if new, err = readSide(c, b, lim); err != nil {
			return err
		}
	}
	old, new = notIgnored(conf.Ignore, old), notIgnored(conf.Ignore, new)
	rep := profdiff.Compare(conf.Lint(), old, new, direct)
	out := c.App.Writer
	if format != "json" {
		// Text and Markdown carry the profiles' words as they are: a
		// hostile one must not drive the reader's terminal.
		out = textesc.NewWriter(out, "\n\t")
	}
	if err := profdiff.Write(out, format, rep); err != nil {
		return &exitError{code: exitInternal, err: fmt.Errorf("writing the diff: %w", err)}
	}
	if c.Bool("fail-on-new") {
		for _, p := range rep.Profiles {
			for _, f := range p.Introduced {
				if f.Severity >= lint.Error {
					return &exitError{code: exitFindings}
				}
			}
		}
	}
	return nil
}

// notIgnored drops the files that the configuration says never to lint.
func notIgnored(ignore func(string) bool, ins []profdiff.Input) []profdiff.Input {
	var out []profdiff.Input
	for _, in := range ins {
		if !ignore(in.Local) {
			out = append(out, in)
		}
	}
	return out
}

// readSide reads a file, or the profiles of a folder paired by their path
// inside it; what it skips is said on standard error.
func readSide(c *cli.Context, root string, lim profiles.Limits) ([]profdiff.Input, error) {
	ins, skipped, err := profdiff.ReadTree(root, lim)
	if err != nil {
		return nil, usageErrorf("%v", err)
	}
	for _, s := range skipped {
		fmt.Fprintf(c.App.ErrWriter, "profilelint: %v\n", s)
	}
	return ins, nil
}

// revInputs reads the files under paths from the working tree and at rev.
func revInputs(c *cli.Context, rev string, paths []string, lim profiles.Limits) (old, new []profdiff.Input, err error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	repo, err := profdiff.OpenRepo()
	if err != nil {
		return nil, nil, usageErrorf("--rev: %v", err)
	}
	if err := repo.Resolve(rev); err != nil {
		return nil, nil, usageErrorf("--rev: %v", err)
	}
	repo.Limits = lim
	old, missing, err := repo.Files(rev, paths)
	if err != nil {
		return nil, nil, usageErrorf("%v", err)
	}
	var present []string
	for _, p := range paths {
		if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			if missing[p] {
				return nil, nil, usageErrorf("%s: no such file in the working tree or at %s", p, rev)
			}
			continue // deleted since rev: its old files show as removed
		}
		present = append(present, p)
	}
	new, skipped, err := profdiff.ReadPaths(present, lim)
	if err != nil {
		return nil, nil, usageErrorf("%v", err)
	}
	for _, s := range skipped {
		fmt.Fprintf(c.App.ErrWriter, "profilelint: %v\n", s)
	}
	return old, new, nil
}

func oneOf(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
