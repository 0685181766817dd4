package lint_test

import (
	"fmt"
	"testing"

	"github.com/profilelint/profilelint/internal/corpus"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/rules"
)

// BenchmarkRun lints a generated corpus of 1,000 profiles (5% with planted
// defects) with every rule, corpus-wide ones included: cold, then warm
// from a result cache, then with one file changed.
//
//	go test -run '^$' -bench BenchmarkRun -benchmem ./lint
func BenchmarkRun(b *testing.B) {
	files, _ := corpus.Generate(1000, 1, 0.05)
	src := sources(files)
	var size int64
	for _, f := range files {
		size += int64(len(f.Data))
	}
	b.Run("cold", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			lint.Run(lint.Config{Rules: rules.All()}, src)
		}
	})
	cache := &memCache{m: map[string][]byte{}}
	cfg := lint.Config{Rules: rules.All(), Cache: cache, CacheKey: "bench"}
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
			lint.Run(cfg, sources(changed))
		}
	})
}
