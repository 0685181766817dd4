package resultcache

import (
	"strings"
	"testing"
	"time"

	"github.com/profilelint/profilelint/lint"
)

// TestVerifyFindsAStaleHit plants the kind of bug the date was: a rule
// whose findings depend on something the key does not cover. Served from
// the cache, the stale findings would pass unseen; in verify mode every
// hit is computed again, and the difference is said and counted, for the
// per-file and the corpus results alike. A correct cache verifies clean.
func TestVerifyFindsAStaleHit(t *testing.T) {
	word := "first"
	perFile := &lint.Rule{ID: "per-file", Severity: lint.Error, Run: func(p *lint.Pass) { p.Reportf("/id", "%s", word) }}
	perCorpus := &lint.Rule{ID: "per-corpus", Severity: lint.Error, Scope: lint.PerCorpus,
		Collect: func(*lint.Pass) any { return struct{}{} },
		Finish:  func(c *lint.Corpus) { c.Report(lint.Finding{File: "a.yaml", Line: 1, Column: 1, Message: word}) },
		Codec: lint.FactsCodec{
			Encode: func(lint.FactsWriter, any) {},
			Decode: func(lint.FactsReader) any { return struct{}{} },
		},
	}
	cfg := lint.Config{Rules: []*lint.Rule{perFile, perCorpus}}
	sources := []lint.Source{
		{Name: "a.yaml", Read: func() ([]byte, error) { return []byte("id: A\n"), nil }},
		{Name: "b.yaml", Read: func() ([]byte, error) { return []byte("id: B\n"), nil }},
	}
	backend := NewMemory()
	run := func() (*Cache, string) {
		c := New(backend, &cfg, time.Now())
		var warn strings.Builder
		c.warn = &warn
		cfg.Store = c
		for _, f := range lint.Run(cfg, sources).Findings {
			if f.Message != word {
				t.Errorf("%s: %q, want %q: verify mode must report what was computed", f.Rule, f.Message, word)
			}
		}
		return c, warn.String()
	}
	run()
	t.Setenv("PROFILELINT_CACHEVERIFY", "1")
	if c, warn := run(); c.Mismatches() != 0 || warn != "" || c.Verified() != 3 {
		t.Fatalf("a correct cache verified %d hits with %d mismatches, want 3 and 0:\n%s", c.Verified(), c.Mismatches(), warn)
	}
	word = "second"
	c, warn := run()
	if c.Mismatches() != 3 { // the two files and the corpus rule
		t.Fatalf("%d mismatches, want 3:\n%s", c.Mismatches(), warn)
	}
	for _, want := range []string{"the result of a.yaml", "the result of b.yaml", "the findings of per-corpus"} {
		if !strings.Contains(warn, want) {
			t.Errorf("no mismatch said for %s:\n%s", want, warn)
		}
	}
}
