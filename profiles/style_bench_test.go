package profiles_test

import (
	"testing"

	"github.com/goccy/go-yaml/parser"
	"github.com/profilelint/profilelint/internal/corpus"
	"github.com/profilelint/profilelint/profiles"
)

// BenchmarkParseStyles parses the same 700 generated profiles written in
// each style (cmd/profilegen -style): goccy/go-yaml's parse alone, then
// Parse without its direct path (tokens), then Parse. Parse should cost
// about the same in every style; goccy alone does not, its lexer being
// slow inside block scalars.
//
//	go test -run '^$' -bench BenchmarkParseStyles -benchmem ./profiles
func BenchmarkParseStyles(b *testing.B) {
	for _, st := range corpus.Styles {
		files, _ := corpus.GenerateStyle(700, 1, 0, st)
		size := corpus.Size(files)
		b.Run(string(st)+"/goccy", func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				for _, f := range files {
					if _, err := parser.ParseBytes(f.Data, 0); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
		b.Run(string(st)+"/tokens", func(b *testing.B) {
			// Parse without the direct path: the guard, goccy's lexer on
			// the masked text, and build.
			b.SetBytes(size)
			for b.Loop() {
				for _, f := range files {
					if _, _, err := profiles.ParseVia(f.Name, f.Data, true, false); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
		b.Run(string(st)+"/Parse", func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				for _, f := range files {
					if _, err := profiles.Parse(f.Name, f.Data); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
