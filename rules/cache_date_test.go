package rules

import (
	"encoding/json"
	"testing"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/lint/resultcache"
)

// A finding that depends on today's date ("retrieved … is in the future
// (today is D)") must not be served from the cache once the day has
// passed: the run through the cache says what a run without it says.
func TestCachedResultsFollowTheDate(t *testing.T) {
	src := plantInFixture(t, "retrieved: 2026-03-10", "retrieved: 2026-05-02")
	sources := []lint.Source{{Name: provName, Read: func() ([]byte, error) { return []byte(src), nil }}}
	backend := resultcache.NewMemory()
	run := func(date string, cached bool) string {
		withToday(t, date)
		cfg := lint.Config{Rules: All()}
		if cached {
			cfg.Store = resultcache.New(backend, &cfg, now())
		}
		b, err := json.Marshal(only(lint.Run(cfg, sources).Findings, ProvenanceSource.ID))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	before := run("2026-05-01", true)
	after := run("2026-05-03", false)
	if before == after {
		t.Fatalf("the date made no difference: the test proves nothing (%s)", before)
	}
	if got := run("2026-05-03", true); got != after {
		t.Fatalf("the day after, the cache gave\n%s\nwant (as without the cache)\n%s", got, after)
	}
}
