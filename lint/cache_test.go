package lint_test

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/profilelint/profilelint/internal/corpus"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/rules"
)

// memCache is a lint.Cache in memory that counts its hits.
type memCache struct {
	mu   sync.Mutex
	m    map[string][]byte
	hits int
}

func (c *memCache) Get(k string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	if ok {
		c.hits++
	}
	return v, ok
}

func (c *memCache) Put(k string, v []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k] = v
}

func sources(files []corpus.File) []lint.Source {
	out := make([]lint.Source, len(files))
	for i, f := range files {
		data := f.Data
		out[i] = lint.Source{Name: f.Name, Read: func() ([]byte, error) { return data, nil }}
	}
	return out
}

func findingsJSON(t *testing.T, res *lint.Result) string {
	t.Helper()
	b, err := json.Marshal(res.Findings)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestCacheGivesIdenticalResults lints a generated corpus (with planted
// defects, so that every kind of finding and corpus fact is there) without
// a cache, then cold and warm with one, then with one file changed: the
// findings must be the same byte for byte each time.
func TestCacheGivesIdenticalResults(t *testing.T) {
	files, manifest := corpus.Generate(140, 7, 0.25)
	if len(manifest) == 0 {
		t.Fatal("the corpus has no planted defect")
	}
	cfg := lint.Config{Rules: rules.All(), CacheKey: "test"}
	want := findingsJSON(t, lint.Run(cfg, sources(files)))

	cache := &memCache{m: map[string][]byte{}}
	cfg.Cache = cache
	if got := findingsJSON(t, lint.Run(cfg, sources(files))); got != want {
		t.Fatalf("cold run with a cache differs:\n%s\nwant:\n%s", got, want)
	}
	if cache.hits != 0 || len(cache.m) != len(files) {
		t.Fatalf("cold run: %d hits, %d entries; want 0 and %d", cache.hits, len(cache.m), len(files))
	}
	if got := findingsJSON(t, lint.Run(cfg, sources(files))); got != want {
		t.Fatalf("warm run differs:\n%s\nwant:\n%s", got, want)
	}
	if cache.hits != len(files) {
		t.Fatalf("warm run: %d hits, want %d", cache.hits, len(files))
	}

	// One file changes: the cached run must agree with a fresh one.
	changed := append([]corpus.File(nil), files...)
	changed[3].Data = append([]byte(nil), changed[3].Data...)
	changed[3].Data = append(changed[3].Data, []byte("\nextra_key: true\n")...)
	fresh := findingsJSON(t, lint.Run(lint.Config{Rules: rules.All()}, sources(changed)))
	if got := findingsJSON(t, lint.Run(cfg, sources(changed))); got != fresh {
		t.Fatalf("run with one changed file differs from a fresh run:\n%s\nwant:\n%s", got, fresh)
	}
	if fresh == want {
		t.Fatal("the change made no difference: the test proves nothing")
	}
}

// A cache entry that does not decode is a miss, not a failure.
func TestCorruptCacheEntryIsIgnored(t *testing.T) {
	files, _ := corpus.Generate(14, 3, 0.5)
	cfg := lint.Config{Rules: rules.All(), CacheKey: "test"}
	want := findingsJSON(t, lint.Run(cfg, sources(files)))
	cache := &memCache{m: map[string][]byte{}}
	cfg.Cache = cache
	lint.Run(cfg, sources(files))
	for k := range cache.m {
		cache.m[k] = []byte("garbage")
	}
	if got := findingsJSON(t, lint.Run(cfg, sources(files))); got != want {
		t.Fatalf("corrupt entries changed the result:\n%s\nwant:\n%s", got, want)
	}
}
