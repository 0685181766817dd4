package lint

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/profilelint/profilelint/profiles"
)

// Config says which rules run and how.
type Config struct {
	Rules []*Rule
	// Severity overrides a rule's default severity; Off turns it off.
	Severity map[string]Severity
	// Options sets rule options, by rule id and option name.
	Options map[string]map[string]any
	// Ladders maps a profile's track to its ladder. A track it does not
	// name takes its ladder from DefaultLadders when that holds the
	// file's levels, else from the file itself (InferLadder). A profile
	// without a track takes the professional ladder.
	Ladders map[string]Ladder
	// Bands maps a track to the bands of its configured ladder: levels
	// that share expectations (profiles.Bands).
	Bands map[string]Bands
	// Overrides change severities and options for the files they match,
	// in order: a later override wins.
	Overrides []Override
	// Jobs is the number of files linted at once; 0 means one per CPU.
	Jobs int
	// Store, when set, keeps results between runs (lint/resultcache). It
	// must have been opened for this configuration: its keys cover it.
	Store Store
	// Progress, when set, is called after each file with the number of
	// files done and the total, from the worker goroutines.
	Progress func(done, total int)
	// Limits bound what the loader accepts (zero fields: the defaults).
	Limits profiles.Limits
	// RuleTimeout bounds the time the rules may take on one file; a rule
	// still running then is reported under its id as an internal error
	// and the file's remaining rules are skipped. Zero means no bound.
	RuleTimeout time.Duration
	// ParseTimeout bounds the time the parse of one file may take; a file
	// still parsing then is reported under Syntax as an internal error and
	// not linted. The YAML parser cannot be stopped: its goroutine runs on
	// until the parse ends, even after Run returns, one per worker at
	// most. Zero means no bound.
	ParseTimeout time.Duration
	// Visit, when set, is called with each file parsed, from the worker
	// goroutines, before its tree is dropped: a printer that shows clean
	// files too takes what it needs then instead of parsing them again.
	// Files read from the cache are not parsed, and not visited.
	Visit func(*profiles.File)

	// parse reads a file; nil means profiles.ParseWithLimits. Tests stand
	// in a parse that blocks.
	parse func(name string, data []byte, lim profiles.Limits) (*profiles.File, error)
}

// Override is configuration that applies to some files only.
type Override struct {
	Match func(path string) bool
	// Patterns say in words what Match matches (its globs, with the folder
	// they are relative to): a Store's key covers them.
	Patterns []string
	Severity map[string]Severity
	Options  map[string]map[string]any
}

// Source is one file to lint: a name to report and a way to read it.
// Stat, when set, describes the file without reading it, so that the
// result cache can recognise an unchanged file by its size and times.
// Head, when set, reads at most the first n bytes: a file over the size
// limit is then rejected without being read whole.
type Source struct {
	Name string
	Read func() ([]byte, error)
	Stat func() (fs.FileInfo, error)
	Head func(n int) ([]byte, error)
	// Partial, set when Read returns only the first bytes of a larger
	// input (standard input past the size limit, whose size is not
	// known), judges it over the limit without more being read.
	Partial bool
	// Detect, set for a file met in a folder walk, lints the file only
	// when it is a profile (profiles.LooksLikeProfile); another file is
	// listed in Result.Skipped. A file named by the user is always linted.
	Detect bool
}

// FileSource reads a file from disk.
func FileSource(path string) Source {
	return Source{
		Name: path,
		Read: func() ([]byte, error) { return os.ReadFile(path) },
		Stat: func() (fs.FileInfo, error) { return os.Stat(path) },
		Head: func(n int) ([]byte, error) {
			f, err := os.Open(path)
			if err != nil {
				return nil, err
			}
			defer f.Close()
			return io.ReadAll(io.LimitReader(f, int64(n)))
		},
	}
}

// Result is the outcome of a run.
type Result struct {
	Files    int       // files read and linted
	Findings []Finding // sorted by file, line, column, rule
	// Errors are files that could not be read; the others were linted.
	Errors []error
	// Skipped lists the files passed over because they are not profiles
	// (Source.Detect), in input order.
	Skipped []string
	// Internal is set when a rule failed (panicked); its finding says so.
	Internal bool
	// Accepted counts the findings a baseline accepted, which were
	// dropped from Findings.
	Accepted int
	// Paths lists every file linted, in input order.
	Paths []string
	// Sources keeps, by name, the parsed files that have findings, for
	// printers that show source lines. Files without findings are dropped
	// as soon as they are linted, so that memory stays bounded by what is
	// reported, not by the size of the corpus.
	Sources map[string]*profiles.File
}

// Syntax is the rule under which the engine reports files that are not
// well-formed YAML or JSON. It is part of the engine, not of a rule set.
var Syntax = &Rule{
	ID:       "syntax",
	Summary:  "the file is well-formed YAML or JSON holding one document",
	Severity: Error,
	Doc: Doc{
		Text: `A file that cannot be parsed is reported at the position where the parser
stopped, and the other files are still linted. Files holding no document,
more than one document, anchors or aliases, or invalid UTF-8 are reported
here too: a profile is one plain document.`,
		Bad:  "schema: profile/v1\nid: [INFRAS.INFRASTR5562.P7\n",
		Good: "schema: profile/v1\nid: INFRAS.INFRASTR5562.P7\n",
	},
}

type fileResult struct {
	path       string // the file's name, also when file has been dropped
	file       *profiles.File
	findings   []Finding
	facts      map[*Rule]any
	directives []*Directive
	err        error
	skipped    bool // not a profile (Source.Detect)
	internal   bool
	abandoned  bool // a rule past the time budget still holds the file
	family     *profiles.Family
}

// Run lints the sources and returns the findings, sorted.
func Run(cfg Config, sources []Source) *Result {
	res, _ := RunContext(context.Background(), cfg, sources)
	return res
}

// RunContext is Run until ctx is cancelled: then no more files are
// started, and it returns ctx's error and no result once the files being
// linted are done (a late rule or parse is left behind, as ever).
//
// A run has five stages, each a function of its own: the worker pool
// lints each file (lintFiles, lintFile), the per-file results are
// gathered in input order (gather), the corpus rules judge what every
// file contributed (runCorpus), directives suppress what they cover
// (applySuppressions), and the printers get the sources of the files
// reported on (keepSources).
func RunContext(ctx context.Context, cfg Config, sources []Source) (*Result, error) {
	results := lintFiles(ctx, &cfg, sources)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res, dirs := gather(&cfg, results)
	byName := make(map[string]Source, len(sources))
	for _, src := range sources {
		byName[src.Name] = src
	}
	if err := runCorpus(ctx, &cfg, res, results, byName); err != nil {
		return nil, err
	}
	res.Findings = applySuppressions(res.Findings, dirs, &cfg)
	res.Findings = shareFindings(res.Findings, families(results))
	keepSources(&cfg, res, byName)
	Sort(res.Findings)
	return res, nil
}

// lintFiles lints the sources on cfg.Jobs workers and returns their
// results in input order. Each worker keeps a file's tree only while
// something reports on it.
func lintFiles(ctx context.Context, cfg *Config, sources []Source) []fileResult {
	jobs := cfg.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	results := make([]fileResult, len(sources))
	next := make(chan int)
	var wg sync.WaitGroup
	var done atomic.Int64
	for w := 0; w < min(jobs, max(1, len(sources))); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var runner *ruleRunner
			if cfg.RuleTimeout > 0 {
				runner = newRuleRunner(cfg)
				defer func() { runner.stop() }()
			}
			var parser *parseRunner
			if cfg.ParseTimeout > 0 {
				parser = newParseRunner(cfg)
				defer func() { parser.stop() }()
			}
			for i := range next {
				r := lintFile(cfg, sources[i], runner, parser)
				if r.abandoned {
					// Its goroutine is still in the late rule: leave it.
					runner.stop()
					runner = newRuleRunner(cfg)
				}
				if cfg.Visit != nil && r.file != nil && r.file.Root != nil {
					cfg.Visit(r.file)
				}
				// Keep a file's tree only while something reports on it.
				if len(r.findings) == 0 && r.file != nil {
					r.path, r.file = r.file.Path, nil
				} else if r.file != nil && !r.abandoned {
					// Keep the lines, not the tree. (A rule stopped by the
					// time budget may still be reading the tree.)
					r.file.Release()
				}
				results[i] = r
				if cfg.Progress != nil {
					cfg.Progress(int(done.Add(1)), len(sources))
				}
			}
		}()
	}
feed:
	for i := range sources {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	return results
}

// gather turns the per-file results, in input order, into the run's
// result, and returns the files' directives by name for the suppression
// stage.
func gather(cfg *Config, results []fileResult) (*Result, map[string][]*Directive) {
	res := &Result{Sources: make(map[string]*profiles.File, len(results))}
	dirs := make(map[string][]*Directive)
	for i := range results {
		r := &results[i]
		if r.err != nil {
			// A file that cannot be read is an error of the run, and a
			// finding too, so that every report format shows it.
			res.Errors = append(res.Errors, r.err)
			if sev := cfg.severityFor(Syntax, r.path); sev != Off && r.path != "" {
				res.Findings = append(res.Findings, Finding{
					Rule: Syntax.ID, Severity: sev, File: r.path, Line: 1, Column: 1,
					Message: "the file cannot be read: " + errors.Unwrap(r.err).Error(),
				})
			}
			continue
		}
		if r.skipped {
			res.Skipped = append(res.Skipped, r.path)
			continue
		}
		if len(r.directives) > 0 {
			dirs[r.path] = r.directives
		}
		res.Files++
		res.Findings = append(res.Findings, r.findings...)
		res.Internal = res.Internal || r.internal
		res.Paths = append(res.Paths, r.path)
		if r.file != nil {
			res.Sources[r.path] = r.file
		}
	}
	return res, dirs
}

// runCorpus runs the corpus rules over the facts every file collected,
// through the store: a warm run judges nothing again.
func runCorpus(ctx context.Context, cfg *Config, res *Result, results []fileResult, byName map[string]Source) error {
	load := func(name string) (*profiles.File, error) {
		if f := res.Sources[name]; f != nil && f.Tree() != nil {
			return f, nil
		}
		src, ok := byName[name]
		if !ok {
			return nil, fmt.Errorf("%s: not in this run", name)
		}
		data, err := src.Read()
		if err != nil {
			return nil, err
		}
		return profiles.ParseWithLimits(name, data, cfg.Limits)
	}
	for _, rule := range cfg.Rules {
		if rule.Scope != PerCorpus || rule.Finish == nil || !cfg.enabledAnywhere(rule) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		c := &Corpus{options: options{rule: rule, set: cfg.Options[rule.ID]}, Rule: rule, Ladders: cfg.ladders(), Bands: cfg.Bands, load: load, store: cfg.Store}
		for i := range results {
			if f, ok := results[i].facts[rule]; ok {
				c.Facts = append(c.Facts, Facts{File: results[i].path, Facts: f})
			}
		}
		// After a rule failed, nothing more is cached or served: the run
		// is to be done again.
		store := cfg.Store
		if res.Internal {
			store = nil
		}
		if store != nil {
			if cached, ok := store.Corpus(rule, res.Paths); ok {
				res.Findings = append(res.Findings, cached...)
				continue
			}
		}
		found, err := finishCorpus(cfg, c)
		if err != nil {
			res.Internal = true
			res.Findings = append(res.Findings, Finding{Rule: rule.ID, Severity: Error, Message: err.Error()})
			store = nil
		}
		res.Findings = append(res.Findings, found...)
		if store != nil {
			store.PutCorpus(rule, res.Paths, found)
		}
	}
	return nil
}

// families maps each file linted to its family (shareFindings).
func families(results []fileResult) map[string]*profiles.Family {
	out := make(map[string]*profiles.Family, len(results))
	for i := range results {
		if r := &results[i]; r.family != nil {
			out[r.path] = r.family
		}
	}
	return out
}

// finishCorpus runs one corpus rule's Finish and returns its findings.
func finishCorpus(cfg *Config, c *Corpus) ([]Finding, error) {
	var found []Finding
	c.report = func(f Finding) {
		// The severity is the one of the file reported on, after
		// overrides: a file where an override turns the rule off gets
		// none of its findings, and a rule turned on only by an override
		// reports at that override's severity.
		sev := cfg.severity(c.Rule)
		if f.File != "" {
			sev = cfg.severityFor(c.Rule, f.File)
		}
		if sev == Off {
			return
		}
		// A rule may lower a finding's severity (a near-duplicate is a
		// warning of an error rule), never raise it above the configured one.
		if f.Severity == Off || f.Severity > sev {
			f.Severity = sev
		}
		found = append(found, f)
	}
	err := safely(func() { c.Rule.Finish(c) })
	return found, err
}

// keepSources gives the printers the source lines of every file reported
// on. Findings from the store or from corpus rules may be in files that
// were not kept: those are read again (the tree is parsed only if a
// printer asks for it).
func keepSources(cfg *Config, res *Result, byName map[string]Source) {
	for _, f := range res.Findings {
		if _, ok := res.Sources[f.File]; ok || f.File == "" {
			continue
		}
		if src, ok := byName[f.File]; ok {
			if data, err := src.Read(); err == nil {
				res.Sources[f.File] = profiles.Unparsed(src.Name, data, cfg.Limits)
			}
		}
	}
}

// Sort orders findings by file, line, column, rule and message, so that
// output never depends on scheduling.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

func (cfg *Config) severity(r *Rule) Severity {
	if s, ok := cfg.Severity[r.ID]; ok {
		return s
	}
	return r.Severity
}

// severityFor is a rule's severity in one file, after overrides.
func (cfg *Config) severityFor(r *Rule, path string) Severity {
	sev := cfg.severity(r)
	for _, o := range cfg.Overrides {
		if s, ok := o.Severity[r.ID]; ok && o.Match(path) {
			sev = s
		}
	}
	return sev
}

// optionsFor is a rule's configured options in one file, after overrides.
func (cfg *Config) optionsFor(r *Rule, path string) map[string]any {
	set := cfg.Options[r.ID]
	for _, o := range cfg.Overrides {
		if opts, ok := o.Options[r.ID]; ok && o.Match(path) {
			merged := make(map[string]any, len(set)+len(opts))
			for k, v := range set {
				merged[k] = v
			}
			for k, v := range opts {
				merged[k] = v
			}
			set = merged
		}
	}
	return set
}

// enabledAnywhere reports whether a rule is on for some file: corpus rules
// collect facts from every file when they are.
func (cfg *Config) enabledAnywhere(r *Rule) bool {
	if cfg.severity(r) != Off {
		return true
	}
	for _, o := range cfg.Overrides {
		if s, ok := o.Severity[r.ID]; ok && s != Off {
			return true
		}
	}
	return false
}

func (cfg *Config) knownRules() map[string]bool {
	known := map[string]bool{Syntax.ID: true, UnusedSuppression.ID: true, InvalidSuppression.ID: true}
	for _, r := range cfg.Rules {
		known[r.ID] = true
	}
	return known
}

func (cfg *Config) ladders() map[string]Ladder {
	out := make(map[string]Ladder, len(DefaultLadders)+len(cfg.Ladders))
	for k, v := range DefaultLadders {
		out[k] = v
	}
	for k, v := range cfg.Ladders {
		out[k] = v
	}
	return out
}

// LadderFor returns the configured or default ladder of a track. The
// ladder a file is judged against may instead be inferred from the file
// (see Config.Ladders and Pass.LadderOrigin).
func (cfg *Config) LadderFor(track string) Ladder {
	l := cfg.ladders()
	if ladder, ok := l[track]; ok {
		return ladder
	}
	return l[""]
}

// statSource describes a regular file, or returns nil.
func statSource(src Source) fs.FileInfo {
	if src.Stat == nil {
		return nil
	}
	info, err := src.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return nil
	}
	return info
}

// readSource reads a file, or only its first bytes when it is far over
// the size limit (oversize): those place the finding.
func readSource(cfg *Config, src Source, info fs.FileInfo) (data []byte, oversize bool, err error) {
	if src.Partial {
		data, err = src.Read()
		return data, true, err
	}
	head := profiles.HeadSize(cfg.Limits)
	if info != nil && src.Head != nil && cfg.Limits.MaxBytes >= 0 && info.Size() > int64(head) {
		data, err = src.Head(head)
		return data, true, err
	}
	data, err = src.Read()
	return data, false, err
}

// lintFile lints one file, through the store when there is one: a file
// whose stat or bytes the store knows is not linted again.
func lintFile(cfg *Config, src Source, runner *ruleRunner, parser *parseRunner) fileResult {
	// Stat before reading: a file changed in between then has a stat
	// that the next run will not see again.
	info := statSource(src)
	if cfg.Store != nil {
		if e, ok := cfg.Store.Stat(src.Name, info); ok {
			return fromEntry(src.Name, e)
		}
	}
	data, oversize, err := readSource(cfg, src, info)
	if err != nil {
		return fileResult{path: src.Name, err: fmt.Errorf("%s: %w", src.Name, unwrap(err))}
	}
	if src.Detect && !profiles.LooksLikeProfile(data) {
		// Not cached: such files are few, and a cached verdict would
		// need a kind of entry of its own.
		return fileResult{path: src.Name, skipped: true}
	}
	// A file over the size limit is judged from its first bytes: no
	// entry could name it by its content.
	store := cfg.Store
	if oversize {
		store = nil
	}
	if store != nil {
		if e, ok := store.Content(src.Name, info, data); ok {
			return fromEntry(src.Name, e)
		}
	}
	r := lintData(cfg, src, info, data, oversize, runner, parser)
	if store != nil && !r.internal {
		// A rule failed or ran late: lint the file again next time.
		store.Put(src.Name, info, data, &Entry{Findings: r.findings, Directives: r.directives, Facts: r.facts, Family: r.family})
	}
	return r
}

// fromEntry is a file's result as a store kept it.
func fromEntry(name string, e *Entry) fileResult {
	return fileResult{path: name, findings: e.Findings, directives: e.Directives, facts: e.Facts, family: e.Family}
}

// lintData parses one file's bytes, reads its directives and runs the
// rules on it.
func lintData(cfg *Config, src Source, info fs.FileInfo, data []byte, oversize bool, runner *ruleRunner, parser *parseRunner) (r fileResult) {
	r.path = src.Name
	var file *profiles.File
	var perr error
	late := false
	if parser == nil {
		file, perr = cfg.parseFile(src.Name, data)
	} else {
		file, late, perr = parser.parse(src.Name, data)
	}
	if late {
		// Internal, so not cached: the next run may well parse it in time.
		r.internal = true
		r.findings = append(r.findings, Finding{
			Rule: Syntax.ID, Severity: Error, File: src.Name, Line: 1, Column: 1,
			Message: fmt.Sprintf("internal error: parsing %s took longer than %s; the file was not linted", src.Name, cfg.ParseTimeout),
		})
		return r
	}
	if oversize {
		size := int64(-1) // more than was read, how much more unknown
		if info != nil && !src.Partial {
			size = info.Size()
		}
		if se := profiles.CheckSize(data, size, cfg.Limits); se != nil {
			perr = se
		}
	}
	r.file = file
	if perr == nil && file.Root != nil {
		fam := profiles.FamilyOf(file.Root)
		r.family = &fam
	}
	var bad []Finding
	r.directives, bad = parseDirectives(file, cfg.knownRules())
	if sev := cfg.severityFor(InvalidSuppression, src.Name); sev != Off {
		for _, f := range bad {
			f.Severity = sev
			r.findings = append(r.findings, f)
		}
	}
	if perr != nil {
		if sev := cfg.severityFor(Syntax, src.Name); sev != Off {
			r.findings = append(r.findings, syntaxFinding(src.Name, sev, perr))
		}
		return r
	}
	var rr *ruleRun
	if cfg.RuleTimeout <= 0 {
		rr = &ruleRun{}
		cfg.runRules(file, rr)
	} else {
		rr, r.abandoned = runRulesTimed(cfg, file, runner)
	}
	rr.mu.Lock()
	defer rr.mu.Unlock()
	r.findings = append(r.findings, rr.findings...)
	r.facts, r.internal = rr.facts, rr.internal
	return r
}

// syntaxFinding reports a file that does not parse. The parser's errors
// are *profiles.SyntaxError, with a position; any other is placed at the
// start of the file rather than taking the worker down.
func syntaxFinding(name string, sev Severity, err error) Finding {
	f := Finding{Rule: Syntax.ID, Severity: sev, File: name, Line: 1, Column: 1, Message: err.Error()}
	var se *profiles.SyntaxError
	if errors.As(err, &se) {
		f.Line, f.Column, f.Message = se.Pos.Line, se.Pos.Column, se.Msg
	}
	return f
}

// runRulesTimed runs the rules on file on the worker's runner within
// cfg.RuleTimeout. Past it, the late rule is reported under its id and
// the file's remaining rules are skipped; abandoned says that the
// runner's goroutine is still in that rule.
func runRulesTimed(cfg *Config, file *profiles.File, runner *ruleRunner) (rr *ruleRun, abandoned bool) {
	rr = &ruleRun{}
	done := runner.run(file, rr)
	timer := time.NewTimer(cfg.RuleTimeout)
	defer timer.Stop()
	select {
	case <-done:
		return rr, false
	case <-timer.C:
	}
	// Go cannot stop a goroutine: the late rule runs on, but its results
	// are dropped and the file's other rules are skipped.
	rr.mu.Lock()
	defer rr.mu.Unlock()
	rr.stopped = true
	rr.internal = true
	msg := fmt.Sprintf("internal error: the rule was still running after %s on this file; it was stopped and the file's remaining rules were skipped", cfg.RuleTimeout)
	rule := rr.current
	if rule == nil {
		// The budget ran out before the first rule started (a budget of
		// microseconds): name the rule that was next.
		rule = cfg.firstRule(file)
		msg = fmt.Sprintf("internal error: the rules had not started after %s on this file; they were skipped", cfg.RuleTimeout)
	}
	rr.findings = append(rr.findings, Finding{
		Rule: rule.ID, Severity: Error, File: file.Path, Line: 1, Column: 1, Message: msg,
	})
	return rr, true
}

// parseFile parses one file within the configured limits.
func (cfg *Config) parseFile(name string, data []byte) (*profiles.File, error) {
	if cfg.parse != nil {
		return cfg.parse(name, data, cfg.Limits)
	}
	return profiles.ParseWithLimits(name, data, cfg.Limits)
}

// parseRunner parses one worker's files on a long-lived goroutine, which
// the worker gives up on when a parse runs past the time budget, as
// ruleRunner does for rules. goccy/go-yaml takes no context: a late parse
// runs on, and the worker starts a new runner for its next file. So that
// late parses never pile up (each holds the file's tokens, a few hundred
// bytes per byte of a hostile file), a worker leaves at most one behind:
// when a second parse is late while the first still runs, the worker
// waits for the first. A late parse does end: parsing is linear in the
// file (BenchmarkLongLine), and the file is bounded by Limits.MaxBytes.
type parseRunner struct {
	cfg  *Config
	jobs chan parseJob
	idle chan struct{}   // closed when the goroutine has ended
	late <-chan struct{} // the idle channel of the last late parse, or nil
}

type parseJob struct {
	name string
	data []byte
	done chan parseDone
}

type parseDone struct {
	file *profiles.File
	err  error
}

func newParseRunner(cfg *Config) *parseRunner {
	pr := &parseRunner{cfg: cfg}
	pr.start()
	return pr
}

// start gives the runner a new goroutine.
func (pr *parseRunner) start() {
	jobs, idle := make(chan parseJob), make(chan struct{})
	pr.jobs, pr.idle = jobs, idle
	go func() {
		defer close(idle)
		for j := range jobs {
			file, err := pr.cfg.parseFile(j.name, j.data)
			j.done <- parseDone{file, err}
		}
	}()
}

// parse parses data within cfg.ParseTimeout, or reports that it is late.
func (pr *parseRunner) parse(name string, data []byte) (file *profiles.File, late bool, err error) {
	done := make(chan parseDone, 1) // a late parse must not block on sending
	pr.jobs <- parseJob{name, data, done}
	timer := time.NewTimer(pr.cfg.ParseTimeout)
	defer timer.Stop()
	select {
	case d := <-done:
		return d.file, false, d.err
	case <-timer.C:
	}
	if pr.late != nil {
		<-pr.late
	}
	close(pr.jobs) // the goroutine ends when the late parse returns
	pr.late = pr.idle
	pr.start()
	return nil, true, nil
}

// stop lets the goroutine end once its current parse, if any, returns.
func (pr *parseRunner) stop() { close(pr.jobs) }

// ruleRun is the state of the rules running on one file, shared with the
// goroutine that watches the time budget.
type ruleRun struct {
	mu       sync.Mutex
	current  *Rule // the rule running now
	stopped  bool  // the budget ran out: record nothing more
	findings []Finding
	facts    map[*Rule]any
	internal bool
}

// ruleRunner runs the rules of one worker's files on one long-lived
// goroutine, which the worker can give up on when a rule runs past the
// time budget. One goroutine per worker, not per file: the schema
// validator's recursion grows a goroutine's stack, and a fresh goroutine
// per file grew it again for every file (5 % of a cold run's CPU).
type ruleRunner struct {
	jobs chan ruleJob
}

type ruleJob struct {
	file *profiles.File
	rr   *ruleRun
	done chan struct{}
}

func newRuleRunner(cfg *Config) *ruleRunner {
	rn := &ruleRunner{jobs: make(chan ruleJob)}
	go func() {
		for j := range rn.jobs {
			cfg.runRules(j.file, j.rr)
			close(j.done)
		}
	}()
	return rn
}

// run starts the rules on file; the channel is closed when they are done.
func (rn *ruleRunner) run(file *profiles.File, rr *ruleRun) <-chan struct{} {
	done := make(chan struct{})
	rn.jobs <- ruleJob{file, rr, done}
	return done
}

// stop lets the goroutine end once its current job, if any, returns.
func (rn *ruleRunner) stop() { close(rn.jobs) }

// firstRule is the rule runRules starts with on file, or the syntax rule
// when none is enabled.
func (cfg *Config) firstRule(file *profiles.File) *Rule {
	for _, rule := range cfg.Rules {
		if cfg.severityFor(rule, file.Path) != Off || rule.Scope == PerCorpus && cfg.enabledAnywhere(rule) {
			return rule
		}
	}
	return Syntax
}

// runRules runs the enabled rules on one parsed file.
func (cfg *Config) runRules(file *profiles.File, rr *ruleRun) {
	ladder, bands, origin := cfg.ladderFor(file.Root)
	memo := make(map[any]any) // shared by the file's rules (Pass.Memo)
	for _, rule := range cfg.Rules {
		sev := cfg.severityFor(rule, file.Path)
		if sev == Off && (rule.Scope != PerCorpus || !cfg.enabledAnywhere(rule)) {
			continue
		}
		collect := rule.Scope == PerCorpus
		if collect && rule.Collect == nil || !collect && rule.Run == nil {
			continue
		}
		rr.mu.Lock()
		if rr.stopped {
			rr.mu.Unlock()
			return
		}
		rr.current = rule
		rr.mu.Unlock()

		p := &Pass{options: options{rule: rule, set: cfg.optionsFor(rule, file.Path)}, Rule: rule, File: file, Root: file.Root, Ladder: ladder, Bands: bands, LadderOrigin: origin, memo: memo}
		var facts any
		err := safely(func() {
			if collect {
				facts = rule.Collect(p)
			} else {
				rule.Run(p)
			}
		})

		rr.mu.Lock()
		if rr.stopped {
			rr.mu.Unlock()
			return
		}
		if err != nil {
			rr.internal = true
			rr.findings = append(rr.findings, Finding{Rule: rule.ID, Severity: Error, File: file.Path, Line: 1, Column: 1, Message: err.Error()})
		} else if collect {
			if rr.facts == nil {
				rr.facts = make(map[*Rule]any)
			}
			rr.facts[rule] = facts
		}
		if sev == Off {
			// The rule collected facts for the corpus here, but an
			// override turns it off in this file: what its Collect
			// reported of the file is dropped.
			p.pending = nil
		}
		for _, f := range p.pending {
			// A rule may report some findings lower than its severity
			// (a near-duplicate is a warning where a copy is an error).
			if f.Severity == Off || f.Severity > sev {
				f.Severity = sev
			}
			rr.findings = append(rr.findings, f)
		}
		rr.mu.Unlock()
	}
}

// safely runs fn, turning a panic into an error: one failing rule must not
// take the run down.
func safely(fn func()) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("internal error: rule panicked: %v", v)
			if os.Getenv("PROFILELINT_DEBUG") != "" {
				os.Stderr.Write(debug.Stack())
			}
		}
	}()
	fn()
	return nil
}

func unwrap(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
