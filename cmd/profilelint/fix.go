package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"time"

	"github.com/rogpeppe/go-internal/diff"
	"github.com/urfave/cli/v2"

	"github.com/profilelint/profilelint/fix"
	"github.com/profilelint/profilelint/internal/fserr"
	"github.com/profilelint/profilelint/profiles"
	"github.com/profilelint/profilelint/rules"
)

func fixCommand() *cli.Command {
	return &cli.Command{
		Name:      "fix",
		Usage:     "apply the fixes that rules attach to their findings",
		ArgsUsage: "[path…]",
		Description: `Lints the given files and folders (default: the current folder) with the
same rules as "lint" and applies the first fix of each finding that has
one, by editing the file's bytes where the finding is: comments, quoting,
key order and indentation stay as they were. Fixes whose edits overlap are
applied in order, the later one in a further round; rounds repeat (at most
5) until no fix applies, so fixing twice changes nothing the second time.
Each file is linted on its own, with the configuration "lint" uses
(.profilelint.yaml; files it ignores are not fixed). Folders are walked as
"lint" walks them: files git ignores, and YAML or JSON that is not a
profile, are left alone.

A fix set is applied only when the result is still well-formed YAML and has
no schema finding the file did not have; a refused fix is reported on
standard error and nothing of it is written. Files are replaced atomically
(a temporary file in the same folder, synced, given the original's mode and
renamed over it); a file that changed on disk since it was read is not
written, nor is a read-only one unless --force.

  --diff   print what would change as a unified diff; write nothing
  --check  exit 1 when a fix would apply; write nothing (for pre-commit)

"profilelint fix -" reads one profile from standard input and writes it,
fixed or as it was, to standard output (for editors); --stdin-filename
names it.

Exit status: 0 when done (or, with --check, when nothing would change), 1
with --check when a fix would apply, 2 for a usage error, a path that cannot
be read or a file that could not be written (the file is left as it was),
3 for an internal error.`,
		Flags: append([]cli.Flag{
			&cli.BoolFlag{Name: "diff", Usage: "print the changes as a unified diff instead of writing them"},
			&cli.BoolFlag{Name: "check", Usage: "exit 1 when a fix would apply; write nothing"},
			&cli.BoolFlag{Name: "force", Usage: "write read-only files too"},
			&cli.BoolFlag{Name: "only-profiles", Usage: "leave named files that are not profiles alone, as a folder walk does (for hooks that pass every staged YAML file)"},
			&cli.StringSliceFlag{Name: "only", Usage: "apply the fixes of these rules only (repeat the flag or separate ids with commas)"},
			&cli.StringSliceFlag{Name: "disable", Usage: "do not apply the fixes of these rules"},
			&cli.StringFlag{Name: "stdin-filename", Value: "<stdin>", Usage: "the name to report, and to match the configuration with, for a profile read from standard input"},
			configFlag(),
			noConfigFlag(),
		}, sizeLimitFlags()...),
		Action: runFix,
	}
}

func runFix(c *cli.Context) error {
	stdout, stderr := c.App.Writer, c.App.ErrWriter
	w := &fix.Writer{Force: c.Bool("force"), Start: time.Now(), Removed: func(path string) {
		fmt.Fprintf(stderr, "profilelint: removed %s, a temporary copy left by a fix that was stopped\n", path)
	}}
	dryRun := c.Bool("diff") || c.Bool("check")
	paths := c.Args().Slice()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	stdin := false
	for _, p := range paths {
		if p == "-" {
			if len(paths) > 1 {
				return usageErrorf("standard input (-) is fixed on its own, not with files")
			}
			stdin = true
		}
	}
	found, errs := profiles.Walk(paths, profiles.WalkOptions{Skip: walkSkip(paths, nil)})
	files := make([]string, len(found))
	walked := make(map[string]bool)
	for i, f := range found {
		files[i] = f.Path
		// --only-profiles judges named files as a walk judges the files
		// it meets: pre-commit names every staged YAML file, mkdocs.yml
		// among them.
		walked[f.Path] = !f.Named || c.Bool("only-profiles") && f.Path != "-"
	}
	conf, files, err := configureLint(c, paths, files)
	if err != nil {
		return err
	}
	named := make(map[string]bool, len(walked))
	for p, w := range walked {
		named[p] = !w
	}
	files, _ = byFileGlobs(conf, files, named)
	cfg := conf.Lint()
	setLimits(c, &cfg)
	if err := selectRules(&cfg, c.StringSlice("only"), c.StringSlice("disable")); err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	opts := fix.Options{Config: cfg}
	if r := rules.Lookup("schema"); r != nil {
		opts.Guards = append(opts.Guards, r)
	}

	failed, wouldFix, internal := len(errs) > 0, false, false
	for _, e := range errs {
		fmt.Fprintf(stderr, "profilelint: %v\n", e)
	}
	for _, path := range files {
		if walked[path] && !conf.ProfileGlobs() && !looksLikeProfileFile(path, cfg.Limits) {
			// Another tool's YAML (mkdocs.yml, a CI file) is never
			// rewritten by a walk, nor linted for fixes.
			continue
		}
		var r *fix.Result
		if stdin {
			path = c.String("stdin-filename")
			r, err = fix.Read(opts, path, c.App.Reader)
		} else {
			r, err = fix.Path(opts, path)
		}
		if err != nil {
			fmt.Fprintf(stderr, "profilelint: %s: %v\n", path, fserr.Cause(err))
			failed = true
			continue
		}
		if stdin && !dryRun {
			// Like gofmt: the text, fixed or not, goes to standard output.
			stdout.Write(r.New)
		}
		if r.Internal {
			fmt.Fprintf(stderr, "profilelint: %s: a rule failed while fixing; \"profilelint lint %s\" names it\n", path, path)
			internal = true
		}
		if r.Syntax != nil {
			fmt.Fprintf(stderr, "%s:%d:%d: not fixed: the file is not well-formed (%s)\n", path, r.Syntax.Line, r.Syntax.Column, r.Syntax.Message)
		}
		for _, ref := range r.Refused {
			fmt.Fprintln(stderr, ref)
		}
		if r.Unsettled {
			fmt.Fprintf(stderr, "%s: fixes still apply after %d rounds; a rule's fix does not remove its finding\n", path, r.Rounds)
		}
		if !r.Changed() {
			continue
		}
		n := countFindings(len(r.Fixed))
		if dryRun {
			wouldFix = true
			if c.Bool("diff") {
				name := filepath.ToSlash(path)
				stdout.Write(diff.Diff("a/"+name, r.Old, "b/"+name, r.New))
			}
			fmt.Fprintf(stderr, "would fix %s in %s\n", n, path)
			continue
		}
		if stdin {
			fmt.Fprintf(stderr, "fixed %s in %s\n", n, path)
			continue
		}
		if err := w.Write(path, r.Old, r.New); err != nil {
			if errors.Is(err, fix.ErrReadOnly) {
				err = fmt.Errorf("%w (--force writes it)", err)
			}
			fmt.Fprintf(stderr, "profilelint: %v\n", err)
			failed = true
			continue
		}
		fmt.Fprintf(stderr, "fixed %s in %s\n", n, path)
	}
	switch {
	case internal:
		return &exitError{code: exitInternal}
	case failed:
		return &exitError{code: exitUsage}
	case c.Bool("check") && wouldFix:
		return &exitError{code: exitFindings}
	}
	return nil
}

func countFindings(n int) string {
	if n == 1 {
		return "1 finding"
	}
	return fmt.Sprintf("%d findings", n)
}

// looksLikeProfileFile judges a walked file by its text, read no further
// than the size limit, before fix parses it: a large package-lock.json
// costs a scan, not a lint.
func looksLikeProfileFile(path string, lim profiles.Limits) bool {
	f, err := os.Open(path)
	if err != nil {
		return true // fix reads it again and says why it cannot
	}
	defer f.Close()
	n := int64(profiles.HeadSize(lim))
	if lim.MaxBytes < 0 {
		n = math.MaxInt64 // the limit is off
	}
	data, err := io.ReadAll(io.LimitReader(f, n))
	return err != nil || profiles.LooksLikeProfile(data)
}
