package lint_test

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/goccy/go-yaml/parser"

	"github.com/profilelint/profilelint/internal/corpus"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/lint/resultcache"
	"github.com/profilelint/profilelint/rules"
)

// BenchmarkRun lints a generated corpus of 1,000 profiles (5% with planted
// defects) with every rule, corpus-wide ones included: cold, then warm
// from a result cache, then with one file changed.
//
//	go test -run '^$' -bench BenchmarkRun -benchmem ./lint
func BenchmarkRun(b *testing.B) {
	files, _ := corpus.Generate(1000, 1, 0.05)
	src := corpus.Sources(files)
	size := corpus.Size(files)
	b.Run("cold", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			lint.Run(lint.Config{Rules: rules.All()}, src)
		}
	})
	cfg := lint.Config{Rules: rules.All()}
	cfg.Store = resultcache.New(&memBackend{m: map[string][]byte{}}, &cfg, time.Now())
	lint.Run(cfg, src)
	b.Run("warm", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			lint.Run(cfg, src)
		}
	})
	// Each iteration edits the file anew, so that it is never cached.
	changed := append([]corpus.File(nil), files...)
	base := changed[500].Data
	b.Run("one-changed", func(b *testing.B) {
		b.SetBytes(size)
		i := 0
		for b.Loop() {
			i++
			changed[500].Data = append(append([]byte(nil), base...), fmt.Sprintf("\n# edit %d\n", i)...)
			lint.Run(cfg, corpus.Sources(changed))
		}
	})
}

// BenchmarkCorpus compares, side by side on one generated corpus, parsing
// every file with goccy/go-yaml alone (the floor: nothing checked) and a
// full cold lint with every rule. PROFILELINT_BENCH_N sets the corpus size
// (default 10,000). Run it alone, with the GC setting to compare:
//
//	GOGC=400 go test -run '^$' -bench BenchmarkCorpus -benchtime 1x ./lint
func BenchmarkCorpus(b *testing.B) {
	n := 10000
	if v := os.Getenv("PROFILELINT_BENCH_N"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			b.Fatal(err)
		}
	}
	for _, st := range corpus.Styles {
		files, _ := corpus.GenerateStyle(n, 1, 0.05, st)
		size := corpus.Size(files)
		b.Run(string(st)+"/goccy-parse", func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				parallel(files, func(f corpus.File) { _, _ = parser.ParseBytes(f.Data, 0) })
			}
		})
		b.Run(string(st)+"/lint-cold", func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				lint.Run(lint.Config{Rules: rules.All()}, corpus.Sources(files))
			}
		})
	}
}

// parallel runs fn over files with one worker per CPU, as lint.Run does.
func parallel(files []corpus.File, fn func(corpus.File)) {
	next := make(chan corpus.File)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range next {
				fn(f)
			}
		}()
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
}

// memBackend keeps a result cache in memory.
type memBackend struct {
	mu sync.Mutex
	m  map[string][]byte
}

func (c *memBackend) Get(k string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	return v, ok
}

func (c *memBackend) Put(k string, v []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k] = v
}
