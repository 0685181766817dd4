package lsp

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"time"

	"github.com/profilelint/profilelint/config"
	"github.com/profilelint/profilelint/internal/gitignore"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// loadConfig reads the configuration as lint run in the workspace folder
// finds it, and shows its mistakes as diagnostics on the files that hold
// them. A broken configuration leaves the defaults in force, so that the
// author still sees the rules while fixing it.
func (s *server) loadConfig() {
	s.mu.Lock()
	root := s.root
	s.mu.Unlock()
	conf, problems := findConfig(root, s.opt)

	s.mu.Lock()
	old := s.confDiag
	s.conf = conf
	s.confDiag = map[string]bool{}
	var sends []PublishDiagnosticsParams
	for path, errs := range problems {
		s.confDiag[path] = true
		t := s.currentText(path)
		diags := []Diagnostic{}
		for _, e := range errs {
			start := t.lineCol(e.Line, e.Column, s.enc)
			diags = append(diags, Diagnostic{
				Range:    Range{Start: start, End: t.lineEnd(start.Line, s.enc)},
				Severity: SeverityError,
				Code:     "config",
				Source:   "profilelint",
				Message:  e.Msg,
			})
		}
		sends = append(sends, PublishDiagnosticsParams{URI: pathURI(path), Diagnostics: diags})
	}
	for path := range old {
		if !s.confDiag[path] {
			sends = append(sends, PublishDiagnosticsParams{URI: pathURI(path), Diagnostics: []Diagnostic{}})
		}
	}
	s.mu.Unlock()
	for _, p := range sends {
		s.publish(p)
	}
}

// findConfig loads the configuration for root; problems are the mistakes
// by absolute file path.
func findConfig(root string, opt Options) (*config.Config, map[string][]*config.Error) {
	if opt.NoConfig {
		return config.Default(opt.Rules), nil
	}
	dir := root
	if dir == "" {
		dir = "."
	}
	path, err := config.Find(dir)
	if err != nil {
		return config.Default(opt.Rules), bothNames(dir, err)
	}
	if path == "" {
		return config.Default(opt.Rules), nil
	}
	conf, err := config.Load(path, opt.Rules)
	if err == nil {
		return conf, nil
	}
	problems := map[string][]*config.Error{}
	var errs config.Errors
	if !errors.As(err, &errs) {
		errs = config.Errors{{Path: path, Line: 1, Column: 1, Msg: err.Error()}}
	}
	for _, e := range errs {
		abs, aerr := filepath.Abs(e.Path)
		if aerr != nil {
			abs = e.Path
		}
		problems[abs] = append(problems[abs], e)
	}
	return config.Default(opt.Rules), problems
}

// bothNames puts Find's one error, two configuration files in one folder,
// on both files: the first folder from dir up that holds them.
func bothNames(dir string, err error) map[string][]*config.Error {
	cur, aerr := filepath.Abs(dir)
	if aerr != nil {
		return nil
	}
	for {
		var paths []string
		for _, n := range config.Names {
			if info, serr := os.Stat(filepath.Join(cur, n)); serr == nil && !info.IsDir() {
				paths = append(paths, filepath.Join(cur, n))
			}
		}
		if len(paths) == len(config.Names) {
			problems := map[string][]*config.Error{}
			for _, p := range paths {
				problems[p] = []*config.Error{{Path: p, Line: 1, Column: 1, Msg: err.Error()}}
			}
			return problems
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return nil
		}
		cur = parent
	}
}

// currentText is the editor's text of path when it is open, else the
// file on disk. The caller holds s.mu.
func (s *server) currentText(path string) *text {
	for _, d := range s.docs {
		if d.path == path {
			return d.text
		}
	}
	return readText(path)
}

// aloneConfig is the configuration for linting one document on its own:
// the rules that compare files are off (the workspace run judges them),
// and nothing is cached, since the text changes with every keystroke.
func (s *server) aloneConfig(conf *config.Config) lint.Config {
	cfg := bounded(conf.Lint())
	cfg.Jobs = 1
	cfg.Severity = maps.Clone(cfg.Severity)
	if cfg.Severity == nil {
		cfg.Severity = map[string]lint.Severity{}
	}
	for id := range s.corpusRules {
		cfg.Severity[id] = lint.Off
	}
	overrides := make([]lint.Override, len(cfg.Overrides))
	for i, o := range cfg.Overrides {
		o.Severity = maps.Clone(o.Severity)
		for id := range s.corpusRules {
			delete(o.Severity, id)
		}
		overrides[i] = o
	}
	cfg.Overrides = overrides
	return cfg
}

// Timeout bounds a file's parse and its rules, as lint's --parse-timeout
// and --rule-timeout do by default: a hostile text in the editor is
// reported, and the server goes on answering.
const Timeout = 10 * time.Second

func bounded(cfg lint.Config) lint.Config {
	cfg.ParseTimeout, cfg.RuleTimeout = Timeout, Timeout
	return cfg
}

// lintAlone lints one document's text with the per-file rules. A file the
// configuration ignores, or that is not a profile, has no findings.
func (s *server) lintAlone(conf *config.Config, path string, src []byte) []lint.Finding {
	if conf.Ignore(path) || conf.ProfileGlobs() && !conf.IsProfile(path) {
		return nil
	}
	data := bytes.Clone(src)
	source := lint.Source{
		Name:   path,
		Read:   func() ([]byte, error) { return data, nil },
		Detect: !conf.ProfileGlobs(),
	}
	// A context would go here: lint.RunContext(ctx, …) could stop a lint
	// that a newer change has already made stale.
	return lint.Run(s.aloneConfig(conf), []lint.Source{source}).Findings
}

// lintDocument lints an open document and publishes its diagnostics: its
// own findings, judged now, and the corpus-wide ones of the last
// workspace run.
func (s *server) lintDocument(uri string) {
	s.mu.Lock()
	d := s.docs[uri]
	if d == nil || isConfigName(d.path) || s.confDiag[d.path] {
		s.mu.Unlock()
		return // a configuration's diagnostics are its load errors
	}
	t, version, path, conf := d.text, d.version, d.path, s.conf
	s.mu.Unlock()

	findings := s.lintAlone(conf, path, t.src)

	s.mu.Lock()
	if d = s.docs[uri]; d == nil || d.version != version || !sameText(d.text, t) {
		s.mu.Unlock()
		return // a newer text is on its way
	}
	d.fileFindings, d.linted = findings, t
	p := s.diagnosticsLocked(d)
	s.mu.Unlock()
	s.publish(p)
}

func (s *server) triggerWorkspace() {
	select {
	case s.wsTrigger <- struct{}{}:
	default: // a run is already due; it will see this change too
	}
}

// workspaceLoop runs the workspace lints one at a time, coalescing
// triggers that come while one runs.
func (s *server) workspaceLoop() {
	for {
		select {
		case <-s.stopped:
			return
		case <-s.wsTrigger:
			s.runWorkspace()
		}
	}
}

// runWorkspace lints every profile of the workspace folder, the open
// documents from the editor's text, and republishes the open documents
// with the corpus-wide findings.
func (s *server) runWorkspace() {
	s.mu.Lock()
	root, conf := s.root, s.conf
	overlay := map[string][]byte{}
	for _, d := range s.docs {
		overlay[d.path] = d.text.src
	}
	s.mu.Unlock()

	corpus := map[string][]placed{}
	linted := 0
	if root != "" {
		res := lintWorkspace(root, conf, overlay, s.opt.Cache)
		linted = res.Files
		texts := map[string]*text{}
		for _, f := range res.Findings {
			if !s.corpusRules[f.Rule] {
				continue
			}
			t := texts[f.File]
			if t == nil {
				if src, ok := overlay[f.File]; ok {
					t = newText(src)
				} else {
					t = readText(f.File)
				}
				texts[f.File] = t
			}
			corpus[f.File] = append(corpus[f.File], placed{f: f, t: t})
		}
	}

	s.mu.Lock()
	s.corpus = corpus
	var sends []PublishDiagnosticsParams
	for _, d := range s.docs {
		if d.linted != nil {
			sends = append(sends, s.diagnosticsLocked(d))
		}
	}
	s.mu.Unlock()
	for _, p := range sends {
		s.publish(p)
	}
	if s.opt.WorkspaceLinted != nil {
		s.opt.WorkspaceLinted(linted)
	}
}

// lintWorkspace lints the profiles under root as lint run there would find
// them, reading the files in overlay from it instead of the disk.
func lintWorkspace(root string, conf *config.Config, overlay map[string][]byte, open func(*config.Config, *lint.Config) Store) *lint.Result {
	var skip func(string, bool) bool
	if set := gitignore.Ignored(root); set != nil {
		skip = func(path string, _ bool) bool { return set.Has(path) }
	}
	found, _ := profiles.Walk([]string{root}, profiles.WalkOptions{Skip: skip})
	sources := make([]lint.Source, 0, len(found))
	for _, f := range found {
		if conf.Ignore(f.Path) || conf.ProfileGlobs() && !conf.IsProfile(f.Path) {
			continue
		}
		src := lint.FileSource(f.Path)
		src.Detect = !conf.ProfileGlobs()
		if data, ok := overlay[f.Path]; ok {
			data := bytes.Clone(data)
			src.Read = func() ([]byte, error) { return data, nil }
			src.Stat, src.Head = nil, nil
		}
		sources = append(sources, src)
	}
	cfg := bounded(conf.Lint())
	var store Store
	if open != nil {
		store = open(conf, &cfg)
	}
	// A context would go here: lint.RunContext(ctx, …) could stop a run
	// that a newer save has made stale.
	res := lint.Run(cfg, sources)
	if store != nil {
		_ = store.Save() // a cache that cannot be written only costs speed
	}
	return res
}
