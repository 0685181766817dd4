package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/profilelint/profilelint/config"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/lint/report"
	"github.com/profilelint/profilelint/profiles"
	"github.com/profilelint/profilelint/rules"
)

func lintCommand() *cli.Command {
	return &cli.Command{
		Name:      "lint",
		Usage:     "lint profile files and folders",
		ArgsUsage: "[path…]",
		Description: `Lints the given files and folders (default: the current folder). Folders
are walked in sorted order; .yaml, .yml and .json files are linted, hidden
folders skipped. "-" reads one profile from standard input.

Each finding is printed as path:line:column: severity rule: message, with
the source line and a caret under the column. Columns count characters
(runes), starting at 1.

Settings come from .profilelint.yaml, looked for in the current folder and
its parents up to the repository root, or from --config FILE; --no-config
ignores it, and --only and --disable win over it. Files its ignore globs
match are not linted; one named on the command line is skipped with a note
on standard error. "profilelint config --help" tells more.

In CI, --new-from-rev origin/main reports only the findings a change
introduced, and --baseline FILE (written by "profilelint baseline") only
those not accepted yet; both match findings by rule, profile id, node and
text, never by line. Results are cached per file in the user cache folder;
--no-cache bypasses it ("profilelint cache --help").

Exit status: 0 when no finding is at or above --fail-level, 1 when one is,
2 for a usage error, a bad configuration or a path that cannot be read, 3
for an internal error.`,
		Flags: append([]cli.Flag{
			&cli.StringSliceFlag{Name: "format", Aliases: []string{"f"}, Value: cli.NewStringSlice("text"), Usage: "output format, repeatable: NAME writes to standard output (one format at most), NAME=PATH to a file; NAME is one of " + strings.Join(report.Formats, ", ")},
			&cli.StringFlag{Name: "fail-level", Value: "error", Usage: "lowest severity that fails the run: error, warning, info or none"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print findings only: no source lines, no summary"},
			&cli.StringFlag{Name: "stdin-filename", Value: "<stdin>", Usage: "the name to report for a profile read from standard input"},
			&cli.StringFlag{Name: "color", Value: "auto", Usage: "colour the text output: auto, always or never (auto honours NO_COLOR)"},
			&cli.StringSliceFlag{Name: "only", Usage: "run only these rules (repeat the flag or separate ids with commas)"},
			&cli.StringSliceFlag{Name: "disable", Usage: "turn these rules off (repeat the flag or separate ids with commas)"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "files linted at once (default: one per CPU)"},
			configFlag(),
			noConfigFlag(),
			noCacheFlag(),
		}, append(baselineFlags(), limitFlags()...)...),
		Action: runLint,
	}
}

func failLevel(s string) (lint.Severity, error) {
	if s == "none" {
		return lint.Off, nil
	}
	sev, err := lint.ParseSeverity(s)
	if err != nil || sev == lint.Off {
		return 0, fmt.Errorf("--fail-level: %q is not error, warning, info or none", s)
	}
	return sev, nil
}

func runLint(c *cli.Context) error {
	fail, err := failLevel(c.String("fail-level"))
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	out := c.App.Writer
	color, err := useColor(c.String("color"), out)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	outputs, err := parseFormats(c.StringSlice("format"))
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}

	in, err := prepare(c)
	if err != nil {
		return err
	}
	cfg, pathErrs := in.cfg, in.pathErrs
	printers, closeOutputs, err := openOutputs(outputs, out, c.String("color"), report.Options{
		Color: color, Quiet: c.Bool("quiet"), Version: version, Rules: enabledRules(&cfg),
	})
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	res := in.run(c)
	if err := narrow(c, res, cfg, in.files); err != nil {
		_ = closeOutputs()
		return err
	}
	for _, p := range printers {
		if err := p.Print(res); err != nil {
			_ = closeOutputs() // the write error says more
			return &exitError{code: exitInternal, err: fmt.Errorf("writing report: %w", err)}
		}
	}
	if err := closeOutputs(); err != nil {
		return &exitError{code: exitInternal, err: fmt.Errorf("writing report: %w", err)}
	}
	for _, e := range append(pathErrs, res.Errors...) {
		fmt.Fprintf(c.App.ErrWriter, "profilelint: %v\n", e)
	}
	switch {
	case res.Internal:
		return &exitError{code: exitInternal}
	case len(pathErrs)+len(res.Errors) > 0 && res.Files == 0:
		return &exitError{code: exitUsage}
	case mistyped(pathErrs):
		// A path that does not exist is a mistake in the command line,
		// even when other paths were linted. Files skipped on purpose
		// (links, devices) and unreadable ones are said, and fail the
		// run only when nothing could be linted.
		return &exitError{code: exitUsage}
	}
	if fail != lint.Off {
		for _, f := range res.Findings {
			if f.Suppressed == nil && f.Severity >= fail {
				return &exitError{code: exitFindings}
			}
		}
	}
	if tooManyWarnings(c, res) {
		return &exitError{code: exitFindings}
	}
	return nil
}

// runInput is what a lint run needs, as the flags and the configuration
// select it.
type runInput struct {
	conf     *config.Config
	cfg      lint.Config
	files    []string // the paths linted, as expanded
	sources  []lint.Source
	pathErrs []error
}

// prepare expands the paths, loads the configuration and builds the lint
// configuration, for lint and for the commands that lint like it.
func prepare(c *cli.Context) (*runInput, error) {
	paths := c.Args().Slice()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	files, pathErrs := profiles.Expand(paths)
	conf, files, err := configureLint(c, paths, files)
	if err != nil {
		return nil, err
	}
	in := &runInput{conf: conf, files: files, pathErrs: pathErrs}
	memoryLimit(len(files))
	for _, p := range files {
		if p == "-" {
			data, err := io.ReadAll(c.App.Reader)
			if err != nil {
				return nil, &exitError{code: exitUsage, err: fmt.Errorf("reading standard input: %w", err)}
			}
			in.sources = append(in.sources, lint.Source{Name: c.String("stdin-filename"), Read: func() ([]byte, error) { return bytes.Clone(data), nil }})
			continue
		}
		in.sources = append(in.sources, lint.FileSource(p))
	}
	in.cfg = conf.Lint()
	in.cfg.Jobs = c.Int("jobs")
	in.cfg.RuleTimeout = c.Duration("rule-timeout")
	in.cfg.ParseTimeout = c.Duration("parse-timeout")
	// Limits: the flags win over the configuration (conf.Lint), which wins
	// over the loader's defaults (a zero field).
	for flag, field := range map[string]*int{"max-file-size": &in.cfg.Limits.MaxBytes, "max-depth": &in.cfg.Limits.MaxDepth, "max-entries": &in.cfg.Limits.MaxEntries} {
		if c.IsSet(flag) {
			*field = c.Int(flag)
		}
	}
	if err := selectRules(&in.cfg, c.StringSlice("only"), c.StringSlice("disable")); err != nil {
		return nil, &exitError{code: exitUsage, err: err}
	}
	return in, nil
}

// run lints, through the result cache unless --no-cache.
func (in *runInput) run(c *cli.Context) *lint.Result {
	store := openCache(c, in.conf, &in.cfg)
	in.cfg.Progress = newProgress()
	res := lint.Run(in.cfg, in.sources)
	if store != nil {
		_ = store.Save() // a cache that cannot be written only costs speed
	}
	return res
}

// useColor decides on ANSI colour: only on a terminal, never with NO_COLOR.
func useColor(mode string, w io.Writer) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		if os.Getenv("NO_COLOR") != "" {
			return false, nil
		}
		f, ok := w.(*os.File)
		if !ok {
			return false, nil
		}
		info, err := f.Stat()
		return err == nil && info.Mode()&os.ModeCharDevice != 0, nil
	}
	return false, fmt.Errorf("--color: %q is not auto, always or never", mode)
}

// selectRules applies --only and --disable to the configuration. The flags
// win over the configuration file: --disable turns a rule off in its
// overrides too, and --only runs the named rules even where the file turned
// them off, except in the overrides that turn them off for some files.
func selectRules(cfg *lint.Config, only, disable []string) error {
	for _, id := range append(append([]string{}, only...), disable...) {
		if rules.Lookup(id) == nil {
			return fmt.Errorf("unknown rule %q; \"profilelint rules\" lists them", id)
		}
	}
	if len(only) > 0 {
		keep := make(map[string]bool, len(only))
		for _, id := range only {
			keep[id] = true
		}
		for _, r := range cfg.Rules {
			if keep[r.ID] {
				ruleOn(cfg, r.ID)
			} else {
				ruleOffEverywhere(cfg, r.ID)
			}
		}
	}
	for _, id := range disable {
		ruleOffEverywhere(cfg, id)
	}
	return nil
}

// output is one --format value: a format and the file it goes to, or ""
// for standard output.
type output struct{ format, path string }

// parseFormats reads the --format values: NAME for standard output, at
// most one of them, or NAME=PATH for a file.
func parseFormats(values []string) ([]output, error) {
	var outs []output
	toStdout := ""
	paths := make(map[string]bool)
	for _, v := range values {
		name, path, toFile := strings.Cut(v, "=")
		if _, err := report.New(name, io.Discard, report.Options{}); err != nil {
			return nil, fmt.Errorf("--format: %w", err)
		}
		switch {
		case toFile && path == "":
			return nil, fmt.Errorf("--format %s: no file name after %q", v, "=")
		case toFile && paths[path]:
			return nil, fmt.Errorf("--format: two formats write to %s", path)
		case !toFile && toStdout != "":
			return nil, fmt.Errorf("--format: %s and %s both write to standard output; send one to a file with NAME=PATH", toStdout, name)
		case !toFile:
			toStdout = name
		}
		paths[path] = true
		outs = append(outs, output{format: name, path: path})
	}
	return outs, nil
}

// openOutputs creates the report files, before anything is linted, and a
// printer for each output. The returned function closes the files.
func openOutputs(outs []output, stdout io.Writer, colorMode string, opt report.Options) ([]report.Printer, func() error, error) {
	var files []*os.File
	closeAll := func() error {
		var errs []error
		for _, f := range files {
			errs = append(errs, f.Close())
		}
		return errors.Join(errs...)
	}
	printers := make([]report.Printer, 0, len(outs))
	for _, o := range outs {
		w := stdout
		popt := opt
		if o.path != "" {
			f, err := os.Create(o.path)
			if err != nil {
				_ = closeAll() // nothing was written yet
				var pe *os.PathError
				if errors.As(err, &pe) {
					err = pe.Err // the path is in the message already
				}
				return nil, nil, fmt.Errorf("--format %s=%s: %w", o.format, o.path, err)
			}
			files = append(files, f)
			w = f
			// A file is no terminal: colour only when asked for always.
			popt.Color, _ = useColor(colorMode, f)
		}
		p, err := report.New(o.format, w, popt)
		if err != nil {
			_ = closeAll() // nothing was written yet
			return nil, nil, fmt.Errorf("--format: %w", err)
		}
		printers = append(printers, p)
	}
	return printers, closeAll, nil
}

// enabledRules are the rules turned on for some file: the ones a report
// describes.
func enabledRules(cfg *lint.Config) []*lint.Rule {
	var out []*lint.Rule
	for _, r := range cfg.Rules {
		sev, set := cfg.Severity[r.ID]
		on := !set && r.Severity != lint.Off || set && sev != lint.Off
		for _, o := range cfg.Overrides {
			if s, ok := o.Severity[r.ID]; ok && s != lint.Off {
				on = true
			}
		}
		if on {
			out = append(out, r)
		}
	}
	return out
}

// limitFlags bound the work one file can cause: hostile input is rejected
// with a finding, and a stuck rule is reported instead of hanging CI.
func limitFlags() []cli.Flag {
	return []cli.Flag{
		&cli.IntFlag{Name: "max-file-size", Usage: "reject files over `BYTES` (default 1048576; config: limits.max_bytes)"},
		&cli.IntFlag{Name: "max-depth", Usage: "reject nesting deeper than `N` levels (default 64; config: limits.max_depth)"},
		&cli.IntFlag{Name: "max-entries", Usage: "reject a mapping or list of more than `N` entries (default 10000; config: limits.max_entries)"},
		&cli.DurationFlag{Name: "rule-timeout", Value: 10 * time.Second, Usage: "stop a file's rules after `DURATION` and report the rule running then (exit 3); 0 never"},
		&cli.DurationFlag{Name: "parse-timeout", Value: 10 * time.Second, Usage: "give up parsing a file after `DURATION` and report it (exit 3); 0 never"},
	}
}

// mistyped reports whether a path named on the command line does not exist.
func mistyped(errs []error) bool {
	for _, err := range errs {
		if errors.Is(err, fs.ErrNotExist) {
			var skipped *profiles.Skipped
			if !errors.As(err, &skipped) {
				return true
			}
		}
	}
	return false
}
