package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/profilelint/profilelint/config"
	"github.com/profilelint/profilelint/internal/fserr"
	"github.com/profilelint/profilelint/internal/gitignore"
	"github.com/profilelint/profilelint/internal/safefile"
	"github.com/profilelint/profilelint/internal/suggest"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/lint/report"
	"github.com/profilelint/profilelint/lint/resultcache"
	"github.com/profilelint/profilelint/profiles"
	"github.com/profilelint/profilelint/rules"
)

func lintCommand() *cli.Command {
	return &cli.Command{
		Name:      "lint",
		Usage:     "lint profile files and folders",
		ArgsUsage: "[path…]",
		Description: `Lints the given files and folders (default: the current folder). A file
named is always linted. Folders are walked in sorted order, and a .yaml,
.yml or .json file in them is linted when it is a profile: it declares
"schema: profile/..." (a misspelt one counts, and is reported), or has at
least four of a profile's top-level keys, two of them holding mappings or
lists as a profile's do. Other files (package.json,
mkdocs.yml, reports) are skipped and counted; --verbose lists them. Files
git ignores and hidden folders are not walked. "-" reads one profile from
standard input.

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
			&cli.BoolFlag{Name: "verbose", Usage: "also list on standard error the files skipped because they are not profiles"},
			&cli.StringFlag{Name: "stdin-filename", Value: "<stdin>", Usage: "the name to report for a profile read from standard input"},
			&cli.StringFlag{Name: "color", Value: "auto", Usage: "colour the text output: auto, always or never (auto honours NO_COLOR)"},
			&cli.StringSliceFlag{Name: "only", Usage: "run only these rules (repeat the flag or separate ids with commas)"},
			&cli.StringSliceFlag{Name: "disable", Usage: "turn these rules off (repeat the flag or separate ids with commas)"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "files linted at once (default: one per CPU)"},
			configFlag(),
			noConfigFlag(),
			noCacheFlag(),
		}, append(append(baselineFlags(), limitFlags()...), reportFlags()...)...),
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

	var reports []string
	for _, o := range outputs {
		if o.path != "" {
			reports = append(reports, o.path)
		}
	}
	in, err := prepare(c, reports)
	if err != nil {
		return err
	}
	cfg, pathErrs := in.cfg, in.pathErrs
	prefix, root, err := repoPlace(c, outputs)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	printers, finishOutputs, err := openOutputs(outputs, out, c.String("color"), report.Options{
		Color: color, Quiet: c.Bool("quiet"), Version: version, Rules: enabledRules(&cfg),
		Prefix: prefix, Root: root, Full: c.Bool("full"), FullReport: fullReport(c, outputs, c.Bool("full")),
		Load: loader(in.sources, cfg.Limits), Memo: in.printerMemo,
	})
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	in.cfg.Visit = visitors(printers)
	res := in.lint(c)
	if err := narrow(c, res, in); err != nil {
		in.saveCache(c, res)
		_ = finishOutputs(false)
		return err
	}
	for _, p := range printers {
		if err := p.Print(res); err != nil {
			in.saveCache(c, res)
			_ = finishOutputs(false) // the write error says more
			return &exitError{code: exitUsage, err: fmt.Errorf("writing a report: %w; report files are as they were", fserr.Cause(err))}
		}
	}
	// After the printers: the html report keeps pages in the cache.
	in.saveCache(c, res)
	if err := finishOutputs(true); err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	for _, e := range append(pathErrs, res.Errors...) {
		fmt.Fprintf(c.App.ErrWriter, "profilelint: %v\n", e)
	}
	if c.Bool("verbose") {
		why := "no schema: profile/… line, nor a profile's keys"
		if in.conf.ProfileGlobs() {
			why = "not matched by the files: globs of " + in.conf.Files[0]
		}
		for _, p := range res.Skipped {
			fmt.Fprintf(c.App.ErrWriter, "profilelint: %s: skipped: not a profile (%s)\n", p, why)
		}
	}
	switch {
	case res.Internal:
		return &exitError{code: exitInternal}
	case len(pathErrs)+len(res.Errors) > 0 && res.Files == 0:
		return &exitError{code: exitUsage}
	case len(res.Errors) > 0 || failedPath(pathErrs):
		// A path that does not exist, or a file or folder that cannot be
		// read, fails the run even when other files were linted: its
		// findings are unknown. Files skipped on purpose (links,
		// devices) are said, and fail the run only when nothing could be
		// linted.
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
	// notProfiles are walked files that the files: globs do not match.
	notProfiles []string
	// old is the result at the revision of --new-from-rev, oldErr why
	// there is none; oldSame names the files that are the same there.
	old     *lint.Result
	oldSame map[string]bool
	oldErr  error
	// store is the run's result cache, nil without one.
	store *resultcache.Store
}

// prepare expands the paths, loads the configuration and builds the lint
// configuration, for lint and for the commands that lint like it.
func prepare(c *cli.Context, reports []string) (*runInput, error) {
	paths := c.Args().Slice()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	found, pathErrs := profiles.Walk(paths, profiles.WalkOptions{Skip: walkSkip(paths, reports)})
	named := make(map[string]bool)
	files := make([]string, len(found))
	for i, f := range found {
		files[i] = f.Path
		named[f.Path] = f.Named
	}
	conf, files, err := configureLint(c, paths, files)
	if err != nil {
		return nil, err
	}
	files, notProfiles := byFileGlobs(conf, files, named)
	if flag, _ := newFrom(c); flag != "" {
		files = tracked(files, named)
	}
	in := &runInput{conf: conf, files: files, pathErrs: pathErrs, notProfiles: notProfiles}
	memoryLimit(len(files))
	in.cfg = conf.Lint()
	in.cfg.Jobs = c.Int("jobs")
	in.cfg.RuleTimeout = c.Duration("rule-timeout")
	in.cfg.ParseTimeout = c.Duration("parse-timeout")
	setLimits(c, &in.cfg)
	if err := selectRules(&in.cfg, c.StringSlice("only"), c.StringSlice("disable")); err != nil {
		return nil, &exitError{code: exitUsage, err: err}
	}
	for _, p := range files {
		if p == "-" {
			src, err := stdinSource(c.App.Reader, c.String("stdin-filename"), in.cfg.Limits)
			if err != nil {
				return nil, &exitError{code: exitUsage, err: err}
			}
			in.sources = append(in.sources, src)
			continue
		}
		src := lint.FileSource(p)
		src.Detect = !named[p] && !conf.ProfileGlobs()
		in.sources = append(in.sources, src)
	}
	return in, nil
}

// byFileGlobs keeps, of the files a walk found, those the configuration's
// files: globs say are profiles, and returns the others apart; named files
// are kept whatever their name. Without globs it keeps every file: the
// content decides (lint.Source.Detect).
func byFileGlobs(conf *config.Config, files []string, named map[string]bool) (kept, others []string) {
	if !conf.ProfileGlobs() {
		return files, nil
	}
	for _, f := range files {
		if f == "-" || named[f] || conf.IsProfile(f) {
			kept = append(kept, f)
		} else {
			others = append(others, f)
		}
	}
	return kept, others
}

// stdinSource reads a profile from standard input, no more of it than the
// size limit needs: past the limit, the first bytes are judged (as for a
// file) and the rest is never read, so a 300 MB stream costs 1 MiB.
func stdinSource(r io.Reader, name string, lim profiles.Limits) (lint.Source, error) {
	head := int64(profiles.HeadSize(lim))
	if lim.MaxBytes < 0 {
		head = math.MaxInt64 // the limit is off: read it all
	}
	data, err := io.ReadAll(io.LimitReader(r, head))
	if err != nil {
		return lint.Source{}, fmt.Errorf("reading standard input: %w", err)
	}
	return lint.Source{
		Name:    name,
		Read:    func() ([]byte, error) { return bytes.Clone(data), nil },
		Partial: int64(len(data)) == head,
	}, nil
}

// walkSkip is what a folder walk passes over: what git ignores below each
// folder named (node_modules, build output), and the run's own report
// files, which may be .json and are written before the walk.
func walkSkip(paths, reports []string) func(path string, dir bool) bool {
	var ignored []*gitignore.Set
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			if set := gitignore.Ignored(p); set != nil {
				ignored = append(ignored, set)
			}
		}
	}
	own := make(map[string]bool, len(reports))
	for _, r := range reports {
		if abs, err := filepath.Abs(r); err == nil && r != "" {
			own[abs] = true
		}
	}
	if len(ignored) == 0 && len(own) == 0 {
		return nil
	}
	return func(path string, dir bool) bool {
		for _, set := range ignored {
			if set.Has(path) {
				return true
			}
		}
		if dir {
			// A nested repository or submodule has ignore rules of its
			// own, which git run above it does not apply.
			if _, err := os.Lstat(filepath.Join(path, ".git")); err == nil {
				if set := gitignore.Ignored(path); set != nil {
					ignored = append(ignored, set)
				}
			}
		}
		if !dir && len(own) > 0 {
			abs, err := filepath.Abs(path)
			return err == nil && own[abs]
		}
		return false
	}
}

// run lints, through the result cache unless --no-cache.
func (in *runInput) run(c *cli.Context) *lint.Result {
	res := in.lint(c)
	in.saveCache(c, res)
	return res
}

// lint is run without saving the cache, for printers that keep what they
// take of each file in it (printerMemo): saveCache writes it all.
func (in *runInput) lint(c *cli.Context) *lint.Result {
	in.store = openCache(c, &in.cfg)
	in.cfg.Progress = newProgress()
	res := lint.Run(in.cfg, in.sources)
	if len(in.notProfiles) > 0 {
		res.Skipped = append(res.Skipped, in.notProfiles...)
		sort.Strings(res.Skipped)
	}
	if flag, _ := newFrom(c); flag != "" {
		// Through the same cache session: the old side's unchanged files
		// are the new side's entries.
		in.old, in.oldSame, in.oldErr = lintAtRevision(c, in, linted(in.files, res))
	}
	return res
}

// saveCache writes what the run added to the result cache.
func (in *runInput) saveCache(c *cli.Context, res *lint.Result) {
	if store := in.store; store != nil {
		_ = store.Save() // a cache that cannot be written only costs speed
		if store.Verify() {
			fmt.Fprintf(c.App.ErrWriter, "profilelint: PROFILELINT_CACHEVERIFY: %d cached results computed again, %d differ\n", store.Verified()+store.Mismatches(), store.Mismatches())
		}
		if store.Mismatches() > 0 {
			res.Internal = true // the cache was wrong: fail loudly
		}
	}
}

// printerMemo is report.Options.Memo: through the result cache when the
// run has one.
//
// Not after the old side of --new-from-rev was linted: its files have the
// new side's names, so the cache then knows a changed file by its old
// content, and a page looked up or kept under it would be the wrong one.
func (in *runInput) printerMemo(file, name string, compute func() ([]byte, error)) ([]byte, error) {
	if in.store == nil || in.old != nil {
		return compute()
	}
	return in.store.PrinterMemo(file, name, compute)
}

// linted drops from files those the run skipped as not profiles.
func linted(files []string, res *lint.Result) []string {
	if len(res.Skipped) == 0 {
		return files
	}
	skipped := make(map[string]bool, len(res.Skipped))
	for _, p := range res.Skipped {
		skipped[p] = true
	}
	var out []string
	for _, f := range files {
		if !skipped[f] {
			out = append(out, f)
		}
	}
	return out
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
			return unknownRule(id)
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

// unknownRule is the error for a rule id that names no rule, with the
// closest one.
func unknownRule(id string) error {
	ids := make([]string, 0, len(rules.All()))
	for _, r := range rules.All() {
		ids = append(ids, r.ID)
	}
	if best := suggest.Closest(id, ids); best != "" {
		return fmt.Errorf("unknown rule %q; did you mean %s?", id, best)
	}
	return fmt.Errorf("unknown rule %q; \"profilelint rules\" lists them", id)
}

// output is one --format value: a format and the file it goes to, or ""
// for standard output.
type output struct{ format, path string }

// visitors passes each parsed file to the printers that take one.
func visitors(printers []report.Printer) func(*profiles.File) {
	var vs []report.Visitor
	for _, p := range printers {
		if v, ok := p.(report.Visitor); ok {
			vs = append(vs, v)
		}
	}
	if len(vs) == 0 {
		return nil
	}
	return func(f *profiles.File) {
		for _, v := range vs {
			v.Visit(f)
		}
	}
}

// loader reads a linted file again for the printers that show clean files
// too (html).
func loader(sources []lint.Source, lim profiles.Limits) func(string) (*profiles.File, error) {
	byName := make(map[string]lint.Source, len(sources))
	for _, s := range sources {
		byName[s.Name] = s
	}
	return func(name string) (*profiles.File, error) {
		s, ok := byName[name]
		if !ok {
			return nil, fmt.Errorf("%s: not in this run", name)
		}
		data, err := s.Read()
		if err != nil {
			return nil, err
		}
		return profiles.ParseWithLimits(name, data, lim)
	}
}

// parseFormats reads the --format values: NAME for standard output, at
// most one of them, or NAME=PATH for a file.
func parseFormats(values []string) ([]output, error) {
	var outs []output
	toStdout := ""
	paths := make(map[string]bool)
	for _, v := range values {
		name, path, toFile := strings.Cut(v, "=")
		if path == "-" {
			path, toFile = "", false // NAME=- is standard output, as elsewhere
		}
		if _, err := report.New(name, io.Discard, report.Options{}); err != nil {
			if best := suggest.Closest(name, report.Formats); best != "" {
				return nil, fmt.Errorf("--format: unknown format %q; did you mean %s?", name, best)
			}
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

// openOutputs opens the report files, before anything is linted, and a
// printer for each output. A report replaces its file whole when it is
// complete, never through a link (safefile). finish(true) puts every report in place, the
// first failure said; finish(false) drops them, leaving the files as they
// were.
func openOutputs(outs []output, stdout io.Writer, colorMode string, opt report.Options) (printers []report.Printer, finish func(ok bool) error, err error) {
	var files []*safefile.File
	finish = func(ok bool) error {
		var errs []error
		for _, f := range files {
			if ok {
				errs = append(errs, f.Commit())
			} else {
				f.Abort()
			}
		}
		return errors.Join(errs...)
	}
	printers = make([]report.Printer, 0, len(outs))
	for _, o := range outs {
		w := stdout
		popt := opt
		if o.path != "" {
			f, err := safefile.Create(o.path)
			if err != nil {
				_ = finish(false) // nothing was written yet
				return nil, nil, fmt.Errorf("--format %s=%s: %w", o.format, o.path, err)
			}
			files = append(files, f)
			w = f
			// A file is no terminal: colour only when asked for always.
			popt.Color = colorMode == "always"
		}
		p, err := report.New(o.format, w, popt)
		if err != nil {
			_ = finish(false) // nothing was written yet
			return nil, nil, fmt.Errorf("--format: %w", err)
		}
		printers = append(printers, p)
	}
	return printers, finish, nil
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
	return append(sizeLimitFlags(),
		&cli.DurationFlag{Name: "rule-timeout", Value: 10 * time.Second, Usage: "stop a file's rules after `DURATION` and report the rule running then (exit 3); 0 never"},
		&cli.DurationFlag{Name: "parse-timeout", Value: 10 * time.Second, Usage: "give up parsing a file after `DURATION` and report it (exit 3); 0 never"},
	)
}

// sizeLimitFlags are the loader's limits, for every command that reads
// profiles.
func sizeLimitFlags() []cli.Flag {
	return []cli.Flag{
		&cli.IntFlag{Name: "max-file-size", Usage: "reject files over `BYTES` (default 1048576; -1 for no limit; config: limits.max_bytes)"},
		&cli.IntFlag{Name: "max-depth", Usage: "reject nesting deeper than `N` levels (default 64; -1 for no limit; config: limits.max_depth)"},
		&cli.IntFlag{Name: "max-entries", Usage: "reject a mapping or list of more than `N` entries (default 10000; -1 for no limit; config: limits.max_entries)"},
	}
}

// setLimits applies the limit flags: they win over the configuration
// (conf.Lint), which wins over the loader's defaults (a zero field).
func setLimits(c *cli.Context, cfg *lint.Config) {
	for flag, field := range map[string]*int{"max-file-size": &cfg.Limits.MaxBytes, "max-depth": &cfg.Limits.MaxDepth, "max-entries": &cfg.Limits.MaxEntries} {
		if c.IsSet(flag) {
			*field = c.Int(flag)
		}
	}
}

// failedPath reports whether a path could not be read (it does not exist,
// or its folder cannot be listed), as against one skipped on purpose.
func failedPath(errs []error) bool {
	for _, err := range errs {
		var skipped *profiles.Skipped
		if !errors.As(err, &skipped) {
			return true
		}
	}
	return false
}
