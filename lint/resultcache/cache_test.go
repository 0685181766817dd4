package resultcache_test

import (
	"encoding/json"
	"io/fs"
	"sync/atomic"
	"testing"
	"time"

	"github.com/profilelint/profilelint/internal/corpus"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/lint/resultcache"
	"github.com/profilelint/profilelint/rules"
)

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
	cfg := lint.Config{Rules: rules.All()}
	want := findingsJSON(t, lint.Run(cfg, corpus.Sources(files)))

	cache := resultcache.NewMemory()
	cfg.Store = resultcache.New(cache, &cfg, time.Now())
	if got := findingsJSON(t, lint.Run(cfg, corpus.Sources(files))); got != want {
		t.Fatalf("cold run with a cache differs:\n%s\nwant:\n%s", got, want)
	}
	// An entry per file, one per corpus rule for its findings, and the
	// texts that sibling-drift rendered to explain its findings.
	corpusRules := 0
	for _, r := range cfg.Rules {
		if r.Scope == lint.PerCorpus {
			corpusRules++
		}
	}
	if cache.Hits() != 0 || cache.Len() <= len(files)+corpusRules {
		t.Fatalf("cold run: %d hits, %d entries; want 0 and more than %d", cache.Hits(), cache.Len(), len(files)+corpusRules)
	}
	if got := findingsJSON(t, lint.Run(cfg, corpus.Sources(files))); got != want {
		t.Fatalf("warm run differs:\n%s\nwant:\n%s", got, want)
	}
	if cache.Hits() != len(files)+corpusRules {
		t.Fatalf("warm run: %d hits, want %d", cache.Hits(), len(files)+corpusRules)
	}

	// One file changes: the cached run must agree with a fresh one.
	changed := append([]corpus.File(nil), files...)
	changed[3].Data = append([]byte(nil), changed[3].Data...)
	changed[3].Data = append(changed[3].Data, []byte("\nextra_key: true\n")...)
	fresh := findingsJSON(t, lint.Run(lint.Config{Rules: rules.All()}, corpus.Sources(changed)))
	if got := findingsJSON(t, lint.Run(cfg, corpus.Sources(changed))); got != fresh {
		t.Fatalf("run with one changed file differs from a fresh run:\n%s\nwant:\n%s", got, fresh)
	}
	if fresh == want {
		t.Fatal("the change made no difference: the test proves nothing")
	}
}

// A cache entry that does not decode is a miss, not a failure.
func TestCorruptCacheEntryIsIgnored(t *testing.T) {
	files, _ := corpus.Generate(14, 3, 0.5)
	cfg := lint.Config{Rules: rules.All()}
	want := findingsJSON(t, lint.Run(cfg, corpus.Sources(files)))
	cache := resultcache.NewMemory()
	cfg.Store = resultcache.New(cache, &cfg, time.Now())
	lint.Run(cfg, corpus.Sources(files))
	cache.Each(func(string, []byte) []byte { return []byte("garbage") })
	if got := findingsJSON(t, lint.Run(cfg, corpus.Sources(files))); got != want {
		t.Fatalf("corrupt entries changed the result:\n%s\nwant:\n%s", got, want)
	}
}

// fileInfo is a fs.FileInfo for sources that live in memory.
type fileInfo struct {
	size int64
	mod  time.Time
}

func (fi fileInfo) Name() string       { return "" }
func (fi fileInfo) Size() int64        { return fi.size }
func (fi fileInfo) Mode() fs.FileMode  { return 0o644 }
func (fi fileInfo) ModTime() time.Time { return fi.mod }
func (fi fileInfo) IsDir() bool        { return false }
func (fi fileInfo) Sys() any           { return nil }

// TestStampedFilesAreNotRead checks that a file whose size and times have
// not changed since the cache was written is not read again, that one
// whose stamp changed is, and that a file modified just before the run is
// read every time (its stamp is not trusted yet).
func TestStampedFilesAreNotRead(t *testing.T) {
	files, _ := corpus.Generate(20, 5, 0.3)
	old := time.Now().Add(-time.Hour)
	var reads atomic.Int64
	srcs := func(mod func(i int) time.Time) []lint.Source {
		out := corpus.Sources(files)
		for i := range out {
			read, info := out[i].Read, fileInfo{int64(len(files[i].Data)), mod(i)}
			out[i].Read = func() ([]byte, error) { reads.Add(1); return read() }
			out[i].Stat = func() (fs.FileInfo, error) { return info, nil }
		}
		return out
	}
	cfg := lint.Config{Rules: rules.All()}
	cfg.Store = resultcache.New(resultcache.NewMemory(), &cfg, time.Now())
	want := findingsJSON(t, lint.Run(cfg, srcs(func(int) time.Time { return old })))
	withFindings := map[string]bool{}
	var res []lint.Finding
	_ = json.Unmarshal([]byte(want), &res)
	for _, f := range res {
		withFindings[f.File] = true
	}
	// Each file once, and again those a corpus rule parses to explain a
	// finding (sibling-drift's diffs): at most the files with findings.
	if n := reads.Load(); n < int64(len(files)) || n > int64(len(files)+len(withFindings)) {
		t.Fatalf("cold run read %d files, want %d to %d", n, len(files), len(files)+len(withFindings))
	}

	reads.Store(0)
	if got := findingsJSON(t, lint.Run(cfg, srcs(func(int) time.Time { return old }))); got != want {
		t.Fatalf("warm run differs:\n%s\nwant:\n%s", got, want)
	}
	// Files with findings are read again for their source lines only.
	if n := reads.Load(); n != int64(len(withFindings)) {
		t.Fatalf("warm run read %d files, want only the %d with findings", n, len(withFindings))
	}

	reads.Store(0)
	lint.Run(cfg, srcs(func(i int) time.Time {
		if i == 0 {
			return old.Add(time.Second)
		}
		return old
	}))
	if n := reads.Load(); n != int64(len(withFindings))+1 {
		t.Fatalf("run with one stamp changed read %d files, want the changed one and those with findings", n)
	}

	reads.Store(0)
	recent := func(int) time.Time { return time.Now() }
	lint.Run(cfg, srcs(recent))
	lint.Run(cfg, srcs(recent))
	if n := reads.Load(); n < 2*int64(len(files)) {
		t.Fatalf("two runs over just-modified files read %d files, want every file each time (%d)", n, 2*len(files))
	}
}

// TestPrinterMemo: what a printer keeps of a file is served to the next
// run while the file is unchanged, computed again once it changed, kept
// apart from a rule's memo of the same name, and never kept for a file
// the run did not see through the cache.
func TestPrinterMemo(t *testing.T) {
	data := "schema: profile/v1\nid: A\n"
	sources := []lint.Source{{Name: "a.yaml", Read: func() ([]byte, error) { return []byte(data), nil }}}
	cfg := lint.Config{Rules: []*lint.Rule{{ID: "r", Severity: lint.Error, Run: func(*lint.Pass) {}}}}
	backend := resultcache.NewMemory()
	computed := 0
	run := func(file string) string {
		c := resultcache.New(backend, &cfg, time.Now())
		cfg.Store = c
		lint.Run(cfg, sources)
		v, err := c.PrinterMemo(file, "page", func() ([]byte, error) {
			computed++
			return []byte("page of " + data), nil
		})
		if err != nil {
			t.Fatal(err)
		}
		rule, _ := c.Memo(cfg.Rules[0], file, "page", func() ([]byte, error) { return []byte("rule's"), nil })
		if string(rule) != "rule's" {
			t.Errorf("a rule's memo of the same name holds %q", rule)
		}
		return string(v)
	}
	if v := run("a.yaml"); v != "page of "+data || computed != 1 {
		t.Fatalf("cold: %q, computed %d times", v, computed)
	}
	if v := run("a.yaml"); v != "page of "+data || computed != 1 {
		t.Fatalf("warm: %q, computed %d times, want the kept page", v, computed)
	}
	data = "schema: profile/v1\nid: B\n"
	if v := run("a.yaml"); v != "page of "+data || computed != 2 {
		t.Fatalf("changed: %q, computed %d times, want it computed again", v, computed)
	}
	run("other.yaml")
	run("other.yaml")
	if computed != 4 {
		t.Fatalf("a file not in the run: computed %d times in all, want every time", computed)
	}
}
