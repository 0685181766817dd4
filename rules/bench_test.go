package rules

import (
	"os"
	"testing"

	"github.com/profilelint/profilelint/lint"
)

// BenchmarkRules lints the clean example with one rule at a time; "parse"
// runs no rule, so a rule's own cost is its time less that of "parse".
// Corpus rules run their Collect on the one file and Finish on its facts.
//
//	go test -run '^$' -bench BenchmarkRules -benchmem ./rules
func BenchmarkRules(b *testing.B) {
	data, err := os.ReadFile("../examples/INFRAS.INFRASTR5562.P4.yaml")
	if err != nil {
		b.Fatal(err)
	}
	src := []lint.Source{{Name: "INFRAS.INFRASTR5562.P4.yaml", Read: func() ([]byte, error) { return data, nil }}}
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			lint.Run(lint.Config{Jobs: 1}, src)
		}
	})
	b.Run("all", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			lint.Run(lint.Config{Rules: All(), Jobs: 1}, src)
		}
	})
	for _, r := range All() {
		if r.Run == nil && r.Collect == nil {
			continue
		}
		b.Run(r.ID, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				lint.Run(lint.Config{Rules: []*lint.Rule{r}, Jobs: 1}, src)
			}
		})
	}
}
