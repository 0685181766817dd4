package lsp

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/profilelint/profilelint/config"
	"github.com/profilelint/profilelint/internal/corpus"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/lint/resultcache"
	"github.com/profilelint/profilelint/rules"
)

// BenchmarkDidChange is the time from a change of the seed profile (the
// size of the published pages) to its diagnostics, with the server's
// default debounce; the target is 50 ms.
//
//	go test -run '^$' -bench BenchmarkDidChange ./lsp
func BenchmarkDidChange(b *testing.B) {
	root := b.TempDir()
	seed, err := os.ReadFile(filepath.Join("..", "examples", p7))
	if err != nil {
		b.Fatal(err)
	}
	published := make(chan struct{}, 1)
	c := startServer(&testing.T{}, Options{Debounce: DefaultDebounce, Published: func(string) {
		select {
		case published <- struct{}{}:
		default:
		}
	}})
	defer c.conn.Close()
	initialize(c, root)
	uri := open(c, filepath.Join(root, p7), string(seed))
	<-published
	time.Sleep(100 * time.Millisecond) // the (empty) workspace run
	for len(published) > 0 {
		<-published
	}
	i := 0
	for b.Loop() {
		i++
		text := strings.Replace(string(seed), "min: 15", "min: "+strconv.Itoa(15+i%3), 1)
		change(c, uri, i+1, text)
		<-published
	}
}

// BenchmarkWorkspaceOpen is the time from initialized to the diagnostics
// of an open profile with the corpus-wide findings of the whole
// workspace: cold (no cache), warm (the cache of a previous session), and
// lint-cold, what lint --no-cache of the same folder costs in-process.
// PROFILELINT_BENCH_N sets the number of profiles (default 1,000; the
// target is for 10,000).
//
//	PROFILELINT_BENCH_N=10000 go test -run '^$' -bench BenchmarkWorkspaceOpen -benchtime 3x ./lsp
func BenchmarkWorkspaceOpen(b *testing.B) {
	n := 1000
	if v := os.Getenv("PROFILELINT_BENCH_N"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatal(err)
		}
	}
	root := b.TempDir()
	if err := corpus.Write(root, n, 1, 0.05, corpus.Quoted); err != nil {
		b.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		b.Fatal(err)
	}
	cacheDir := b.TempDir()
	store := func(conf *config.Config, cfg *lint.Config) Store {
		s := resultcache.Open(cacheDir, cfg)
		cfg.Store = s
		return s
	}
	session := func(b *testing.B, opt Options) {
		done := make(chan int, 1)
		opt.WorkspaceLinted = func(files int) { done <- files }
		c := startServer(&testing.T{}, opt)
		initialize(c, root)
		if files := <-done; files != n {
			b.Fatalf("linted %d files, want %d", files, n)
		}
		c.conn.Close()
	}
	b.Run("cold", func(b *testing.B) {
		for b.Loop() {
			session(b, Options{})
		}
	})
	b.Run("warm", func(b *testing.B) {
		session(b, Options{Cache: store}) // fills the cache; b.Loop starts the clock
		for b.Loop() {
			session(b, Options{Cache: store})
		}
	})
	b.Run("lint-cold", func(b *testing.B) {
		for b.Loop() {
			var sources []lint.Source
			_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() && strings.HasSuffix(p, ".yaml") {
					sources = append(sources, lint.FileSource(p))
				}
				return nil
			})
			lint.Run(lint.Config{Rules: rules.All()}, sources)
		}
	})
}
