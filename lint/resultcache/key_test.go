package resultcache_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/profilelint/profilelint/internal/corpus"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/lint/resultcache"
	"github.com/profilelint/profilelint/profiles"
	"github.com/profilelint/profilelint/rules"
)

// TestEverySettingMissesTheCache fills a cache under one configuration,
// then changes each setting that can change a result, one at a time: the
// run must find nothing in the cache. The configuration's fields are
// checked by reflection, so that a field added to lint.Config must be
// added here, as a setting that misses or as one that cannot change a
// kept result.
func TestEverySettingMissesTheCache(t *testing.T) {
	base := func() lint.Config {
		return lint.Config{
			Rules:    rules.All(),
			Severity: map[string]lint.Severity{"dash-style": lint.Warning},
			Options:  map[string]map[string]any{"duplicate-text": {"similarity": 0.9}},
			Ladders:  map[string]lint.Ladder{"professional": {"P1", "P2", "P3"}},
			Overrides: []lint.Override{{
				Match:    func(string) bool { return false },
				Patterns: []string{"/repo: legacy/**"},
				Severity: map[string]lint.Severity{"placeholder": lint.Info},
				Options:  map[string]map[string]any{"responsibility-count": {"min": 3}},
			}},
			Limits: profiles.Limits{MaxBytes: 1 << 20, MaxDepth: 64, MaxEntries: 10000},
		}
	}
	day := time.Date(2026, 5, 1, 12, 0, 0, 0, time.Local)
	changes := map[string]func(c *lint.Config){
		"Rules: one fewer":         func(c *lint.Config) { c.Rules = c.Rules[1:] },
		"Rules: another order":     func(c *lint.Config) { c.Rules[0], c.Rules[1] = c.Rules[1], c.Rules[0] },
		"Severity: a new one":      func(c *lint.Config) { c.Severity["level-order"] = lint.Off },
		"Severity: changed":        func(c *lint.Config) { c.Severity["dash-style"] = lint.Info },
		"Options: changed":         func(c *lint.Config) { c.Options["duplicate-text"]["similarity"] = 0.8 },
		"Options: a new one":       func(c *lint.Config) { c.Options["level-wording"] = map[string]any{"x": []any{"a"}} },
		"Ladders: changed":         func(c *lint.Config) { c.Ladders["professional"] = lint.Ladder{"P1", "P2"} },
		"Ladders: a new track":     func(c *lint.Config) { c.Ladders["management"] = lint.Ladder{"M1"} },
		"Bands: a band":            func(c *lint.Config) { c.Bands = map[string]lint.Bands{"professional": {{"P2", "P3"}}} },
		"Overrides: one more":      func(c *lint.Config) { c.Overrides = append(c.Overrides, c.Overrides[0]) },
		"Overrides: patterns":      func(c *lint.Config) { c.Overrides[0].Patterns = []string{"/repo: old/**"} },
		"Overrides: severity":      func(c *lint.Config) { c.Overrides[0].Severity["placeholder"] = lint.Error },
		"Overrides: options":       func(c *lint.Config) { c.Overrides[0].Options["responsibility-count"]["min"] = 4 },
		"Limits: MaxBytes":         func(c *lint.Config) { c.Limits.MaxBytes++ },
		"Limits: MaxDepth":         func(c *lint.Config) { c.Limits.MaxDepth++ },
		"Limits: MaxEntries":       func(c *lint.Config) { c.Limits.MaxEntries++ },
		"date (provenance-source)": func(*lint.Config) { day = day.AddDate(0, 0, 1) },
	}
	// Fields that change no kept result: a late rule or parse is an
	// internal error, which is never cached; Visit only shows a printer
	// the parsed files.
	unkept := map[string]bool{"Store": true, "Jobs": true, "Progress": true, "RuleTimeout": true, "ParseTimeout": true, "Visit": true}
	covered := map[string]bool{}
	for name := range changes {
		field, _, _ := cutField(name)
		covered[field] = true
	}
	ct := reflect.TypeFor[lint.Config]()
	for i := range ct.NumField() {
		if f := ct.Field(i); f.IsExported() && !covered[f.Name] && !unkept[f.Name] {
			t.Errorf("lint.Config.%s: no change of it is tested to miss the cache", f.Name)
		}
	}

	files, _ := corpus.Generate(6, 2, 0.5)
	for name, change := range changes {
		t.Run(name, func(t *testing.T) {
			day = time.Date(2026, 5, 1, 12, 0, 0, 0, time.Local)
			backend := resultcache.NewMemory()
			cfg := base()
			cfg.Store = resultcache.New(backend, &cfg, day)
			lint.Run(cfg, corpus.Sources(files))
			cfg.Store = resultcache.New(backend, &cfg, day)
			before := backend.Hits()
			lint.Run(cfg, corpus.Sources(files))
			if backend.Hits() == before {
				t.Fatal("the unchanged configuration missed the cache: the test proves nothing")
			}
			cfg = base()
			change(&cfg)
			cfg.Store = resultcache.New(backend, &cfg, day)
			before = backend.Hits()
			lint.Run(cfg, corpus.Sources(files))
			if hits := backend.Hits() - before; hits != 0 {
				t.Errorf("after the change, %d hits; want none", hits)
			}
		})
	}

	// The date is left out of the key when no rule that depends on it is
	// on: such a cache lasts past midnight.
	cfg := base()
	cfg.Severity["provenance-source"] = lint.Off
	if resultcache.Key(&cfg, day) != resultcache.Key(&cfg, day.AddDate(0, 0, 1)) {
		t.Error("the key changed with the date though no rule that depends on it is on")
	}
}

// cutField returns the lint.Config field a change names ("Rules: …").
func cutField(name string) (string, string, bool) {
	for i := range name {
		if name[i] == ':' {
			return name[:i], name[i+1:], true
		}
	}
	return name, "", false
}
