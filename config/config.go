// Package config reads profilelint's configuration file, .profilelint.yaml:
// the ladders, each rule's severity and options, per-path overrides,
// ignored files and loader limits, with extends chains. A mistake in a
// configuration file is an *Error at its file, line and column.
//
// The package knows rules only as []*lint.Rule values handed to it, so
// that it depends on the engine and not on a rule set.
package config

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/profilelint/profilelint/internal/fserr"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// Names are the file names looked for, in order of preference.
var Names = []string{".profilelint.yaml", ".profilelint.yml"}

// Config is a configuration after its extends chain is merged.
type Config struct {
	// Files are the files read, the one that was loaded first and the
	// ones it extends after it, as paths relative to the working folder
	// where possible. Empty for the defaults.
	Files []string
	// Dir is the absolute folder that globs are relative to: the folder of
	// the file that was loaded, for the globs of every file it extends too.
	Dir string

	Ladders     map[string]profiles.Ladder // by track
	Bands       map[string]profiles.Bands  // by track: the bands of Ladders
	Rules       map[string]Rule            // by rule id
	Overrides   []Override                 // in order; a later one wins
	IgnoreGlobs []string                   // files never linted
	// FileGlobs, when set, say which files of a folder walk are profiles.
	FileGlobs []string
	Limits    Limits

	rules  []*lint.Rule
	ignore []*glob
	files  []*glob
	// from records which file set a ladder, a limit or an ignore glob, for
	// printing; keys are "ladders/TRACK", "limits/NAME" and "ignore/N".
	from map[string]string
}

// Rule is the setting of one rule: a severity, options, or both.
type Rule struct {
	Severity *lint.Severity // nil when not set
	Options  map[string]any // values have the Go type of the option's default
	// from records the file that set the severity ("severity") and each
	// option, for printing.
	from map[string]string
}

// Override is configuration for the files its globs match.
type Override struct {
	Files []string
	Rules map[string]Rule
	globs []*glob
	from  string
}

// Limits bound what the profile loader accepts. Zero means the loader's
// default.
type Limits struct {
	MaxBytes   int
	MaxDepth   int
	MaxEntries int
}

// Default is the configuration used without a file: every rule at its
// default severity and options, the default ladders.
func Default(rules []*lint.Rule) *Config {
	wd, _ := os.Getwd()
	return &Config{Dir: wd, rules: rules, Ladders: map[string]profiles.Ladder{}, Bands: map[string]profiles.Bands{}, Rules: map[string]Rule{}, from: map[string]string{}}
}

// Find looks for a configuration file in dir and its parents, up to and
// including the first folder that holds ".git" (the repository root) or
// the file system root. It returns "" when there is none. The path is
// relative when dir is.
func Find(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for cur := abs; ; {
		var found []string
		for _, name := range Names {
			p := filepath.Join(cur, name)
			if info, err := os.Stat(p); err == nil && !info.IsDir() {
				found = append(found, p)
			}
		}
		if len(found) > 1 {
			return "", fmt.Errorf("%s and %s are both in %s; keep one", Names[0], Names[1], cur)
		}
		if len(found) == 1 {
			if filepath.IsAbs(dir) {
				return found[0], nil
			}
			if rel, err := filepath.Rel(abs, found[0]); err == nil {
				return filepath.Join(dir, rel), nil
			}
			return found[0], nil
		}
		if _, err := os.Stat(filepath.Join(cur, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return "", nil
		}
		cur = parent
	}
}

// Error is a mistake in a configuration file, at its position.
type Error struct {
	Path         string
	Line, Column int
	Msg          string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Msg)
}

// Errors are all the mistakes found, in file order and then by position.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Load reads the configuration file at path and the files it extends. The
// rules are those the configuration may name. Mistakes in the files come
// back as Errors; a root file that cannot be read is a plain error.
//
// Load is for a file that was found, not chosen (see Find): whoever wrote
// the checkout wrote it. So the file, after symbolic links, and every
// file it extends must lie inside its repository: the first folder
// holding ".git" at or above the file's folder, or that folder itself
// outside a repository. Every file is read only if it is a regular file
// of at most MaxFileSize bytes, and a file that is not a configuration is
// said to be one in a line that quotes none of it.
func Load(path string, rules []*lint.Rule) (*Config, error) {
	return loadChain(path, rules, false)
}

// LoadNamed is Load for a file the user named, as with --config: the
// user vouches for it, so it and the files it extends may lie anywhere.
// They are still read only as regular files of bounded size, and never
// quoted when they are not configurations.
func LoadNamed(path string, rules []*lint.Rule) (*Config, error) {
	return loadChain(path, rules, true)
}

func loadChain(path string, rules []*lint.Rule, anywhere bool) (*Config, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	real := realPath(abs)
	root := ""
	if !anywhere {
		root = repoRoot(abs)
		if !inside(root, real) {
			return nil, fmt.Errorf("reading config %s: it links to a file outside the repository %s; not read", path, root)
		}
	}
	data, err := readFile(real)
	if err != nil {
		return nil, fmt.Errorf("reading config %s: %w", path, err)
	}
	l := &loader{rules: rules, byID: make(map[string]*lint.Rule, len(rules)), found: !anywhere}
	for _, r := range rules {
		l.byID[r.ID] = r
	}
	var chain []*file
	seen := map[string]string{}
	for {
		f := l.parse(path, data)
		chain = append(chain, f)
		seen[real] = path
		if f.extends == "" {
			break
		}
		next := filepath.FromSlash(f.extends)
		if !filepath.IsAbs(next) {
			next = filepath.Join(filepath.Dir(path), next)
		}
		nextAbs, err := filepath.Abs(next)
		if err != nil {
			l.errorf(f.name, f.extendsAt, "extends: %v", err)
			break
		}
		nextReal := realPath(nextAbs)
		if first, ok := seen[nextReal]; ok {
			names := make([]string, 0, len(chain)+1)
			for _, c := range chain {
				names = append(names, c.name)
			}
			l.errorf(f.name, f.extendsAt, "extends cycle: %s → %s", strings.Join(names, " → "), first)
			break
		}
		// Links are resolved first, so that a link inside the
		// repository cannot lead out of it.
		if root != "" && !inside(root, nextReal) {
			l.errorf(f.name, f.extendsAt, "extends: %s is outside the repository %s; a configuration that was found, not named with --config, extends only files inside its repository", quotePath(f.extends), root)
			break
		}
		data, err = readFile(nextReal)
		if err != nil {
			l.errorf(f.name, f.extendsAt, "extends: cannot read %s: %v", quotePath(next), fserr.Cause(err))
			break
		}
		path, real = next, nextReal
	}
	if len(l.errs) > 0 {
		l.sort()
		return nil, l.errs
	}
	c := &Config{rules: rules, Ladders: map[string]profiles.Ladder{}, Bands: map[string]profiles.Bands{}, Rules: map[string]Rule{}, from: map[string]string{}}
	c.Dir, _ = filepath.Abs(filepath.Dir(chain[0].name))
	// The file extended last is the base; each file in front of it wins.
	for i := len(chain) - 1; i >= 0; i-- {
		c.merge(chain[i])
	}
	for _, f := range chain {
		c.Files = append(c.Files, f.name)
	}
	for _, g := range c.IgnoreGlobs {
		cg, _ := compileGlob(g) // checked when parsed
		c.ignore = append(c.ignore, cg)
	}
	for _, g := range c.FileGlobs {
		cg, _ := compileGlob(g)
		c.files = append(c.files, cg)
	}
	for i := range c.Overrides {
		o := &c.Overrides[i]
		for _, g := range o.Files {
			cg, _ := compileGlob(g)
			o.globs = append(o.globs, cg)
		}
	}
	return c, nil
}

// realPath resolves symbolic links, so that a cycle through a linked
// folder is seen as one.
func realPath(abs string) string {
	if p, err := filepath.EvalSymlinks(abs); err == nil {
		return p
	}
	return abs
}

// merge lays f over c: per track, per rule and per option the file wins;
// overrides and ignore globs are appended.
func (c *Config) merge(f *file) {
	for track, l := range f.ladders {
		// A ladder comes whole from one file, with its bands.
		c.Ladders[track] = l
		delete(c.Bands, track)
		if b := f.bands[track]; len(b) > 0 {
			c.Bands[track] = b
		}
		c.from["ladders/"+track] = f.name
	}
	c.Rules = mergeRules(c.Rules, f.rules)
	for _, o := range f.overrides {
		o.from = f.name
		c.Overrides = append(c.Overrides, o)
	}
	for _, g := range f.ignore {
		c.from["ignore/"+strconv.Itoa(len(c.IgnoreGlobs))] = f.name
		c.IgnoreGlobs = append(c.IgnoreGlobs, g)
	}
	for _, g := range f.files {
		c.from["files/"+strconv.Itoa(len(c.FileGlobs))] = f.name
		c.FileGlobs = append(c.FileGlobs, g)
	}
	for _, l := range []struct {
		name     string
		dst, src *int
	}{
		{"max_bytes", &c.Limits.MaxBytes, &f.limits.MaxBytes},
		{"max_depth", &c.Limits.MaxDepth, &f.limits.MaxDepth},
		{"max_entries", &c.Limits.MaxEntries, &f.limits.MaxEntries},
	} {
		if *l.src > 0 {
			*l.dst = *l.src
			c.from["limits/"+l.name] = f.name
		}
	}
}

func mergeRules(base, over map[string]Rule) map[string]Rule {
	out := make(map[string]Rule, len(base)+len(over))
	maps.Copy(out, base)
	for id, r := range over {
		cur := out[id]
		cur.from = maps.Clone(cur.from)
		if cur.from == nil {
			cur.from = map[string]string{}
		}
		maps.Copy(cur.from, r.from)
		if r.Severity != nil {
			cur.Severity = r.Severity
		}
		if len(r.Options) > 0 {
			opts := make(map[string]any, len(cur.Options)+len(r.Options))
			maps.Copy(opts, cur.Options)
			maps.Copy(opts, r.Options)
			cur.Options = opts
		}
		out[id] = cur
	}
	return out
}

// Lint returns the engine's configuration: the rules Load was given, with
// the severities, options, ladders (with their bands) and overrides of
// the file. A profile without a track uses the professional ladder.
func (c *Config) Lint() lint.Config {
	cfg := lint.Config{
		Rules:    c.rules,
		Severity: map[string]lint.Severity{},
		Options:  map[string]map[string]any{},
		Ladders:  map[string]profiles.Ladder{},
		Bands:    map[string]profiles.Bands{},
		Limits:   profiles.Limits{MaxBytes: c.Limits.MaxBytes, MaxDepth: c.Limits.MaxDepth, MaxEntries: c.Limits.MaxEntries},
	}
	for id, r := range c.Rules {
		if r.Severity != nil {
			cfg.Severity[id] = *r.Severity
		}
		if len(r.Options) > 0 {
			cfg.Options[id] = maps.Clone(r.Options)
		}
	}
	for track, l := range c.Ladders {
		cfg.Ladders[track] = slices.Clone(l)
	}
	for track, b := range c.Bands {
		cfg.Bands[track] = cloneBands(b)
	}
	if l, ok := c.Ladders["professional"]; ok {
		cfg.Ladders[""] = slices.Clone(l)
		if b, ok := c.Bands["professional"]; ok {
			cfg.Bands[""] = cloneBands(b)
		}
	}
	for _, o := range c.Overrides {
		lo := lint.Override{Severity: map[string]lint.Severity{}, Options: map[string]map[string]any{}}
		for id, r := range o.Rules {
			if r.Severity != nil {
				lo.Severity[id] = *r.Severity
			}
			if len(r.Options) > 0 {
				lo.Options[id] = maps.Clone(r.Options)
			}
		}
		for _, g := range o.Files {
			lo.Patterns = append(lo.Patterns, c.Dir+": "+g)
		}
		globs := o.globs
		lo.Match = func(path string) bool {
			rel, ok := c.rel(path)
			return ok && matchAny(globs, rel) != ""
		}
		cfg.Overrides = append(cfg.Overrides, lo)
	}
	return cfg
}

func cloneBands(b profiles.Bands) profiles.Bands {
	out := make(profiles.Bands, len(b))
	for i, band := range b {
		out[i] = slices.Clone(band)
	}
	return out
}

// ProfileGlobs reports whether the configuration says, with files: globs,
// which files are profiles.
func (c *Config) ProfileGlobs() bool { return len(c.files) > 0 }

// IsProfile reports whether path, a file met in a folder walk, is a
// profile by the files: globs. Without globs it is false: the content
// decides then.
func (c *Config) IsProfile(path string) bool {
	rel, ok := c.rel(path)
	return ok && matchAny(c.files, rel) != ""
}

// Ignore reports whether the configuration says never to lint path (a
// path as on the command line: relative to the working folder, or absolute).
func (c *Config) Ignore(path string) bool { return c.IgnoredBy(path) != "" }

// IgnoredBy returns the ignore glob that matches path, or "".
func (c *Config) IgnoredBy(path string) string {
	if len(c.ignore) == 0 {
		return ""
	}
	rel, ok := c.rel(path)
	if !ok {
		return ""
	}
	return matchAny(c.ignore, rel)
}

func matchAny(globs []*glob, rel string) string {
	for _, g := range globs {
		if g.match(rel) {
			return g.text
		}
	}
	return ""
}

// rel makes path relative to the configuration's folder, with slashes.
func (c *Config) rel(path string) (string, bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(c.Dir, abs)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return "", false
	}
	return rel, true
}
