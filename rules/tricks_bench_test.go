package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// realisticFiles are the example and ladder profiles of the repository.
func realisticFiles(b *testing.B) []*profiles.File {
	names, _ := filepath.Glob("../examples/*.yaml")
	more, _ := filepath.Glob("../testdata/ladder/*.yaml")
	var out []*profiles.File
	for _, name := range append(names, more...) {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		f, err := profiles.Parse(name, data)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, f)
	}
	return out
}

// BenchmarkNearSignature is duplicate-text's search for near-copy
// candidates (nearCandidates, before any diff) on the example and ladder
// profiles, with and without the 64-bit word signature that passes over
// pairs before their multisets are built. "pairs" counts the candidate
// pairs it yields, the same either way.
//
//	go test -run '^$' -bench BenchmarkNearSignature -count 6 ./rules
func BenchmarkNearSignature(b *testing.B) {
	type file struct {
		texts []descText
		reps  []int
	}
	var files []file
	for _, f := range realisticFiles(b) {
		texts := descriptiveTexts(lint.NewPass(DuplicateText, f))
		seen := map[uint64]bool{}
		var reps []int
		for i, t := range texts {
			if !seen[t.hash] {
				seen[t.hash] = true
				reps = append(reps, i)
			}
		}
		files = append(files, file{texts, reps})
	}
	for _, on := range []bool{true, false} {
		name := "signature"
		if !on {
			name = "none"
		}
		b.Run(name, func(b *testing.B) {
			defer func(was bool) { nearSignature = was }(nearSignature)
			nearSignature = on
			pairs := 0
			for b.Loop() {
				pairs = 0
				for _, f := range files {
					nearCandidates(f.texts, f.reps, 0.9, 5, func(_ int, cands []int) { pairs += len(cands) })
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(files)), "ns/file")
			b.ReportMetric(float64(pairs), "pairs")
		})
	}
}

// BenchmarkWordingPairs is mayMatch over every text of the example and
// ladder profiles, for the default phrases, with and without the
// two-letter bitmap that passes over a word before a map lookup.
//
//	go test -run '^$' -bench BenchmarkWordingPairs -count 6 ./rules
func BenchmarkWordingPairs(b *testing.B) {
	var texts []string
	for _, f := range realisticFiles(b) {
		for _, s := range f.Scalars() {
			if s.Node.Kind == profiles.String {
				texts = append(texts, s.Node.Value)
			}
		}
	}
	junior, executive := cachedPhrases(defaultJuniorPhrases), cachedPhrases(defaultExecutivePhrases)
	for _, on := range []bool{true, false} {
		name := "pairs"
		if !on {
			name = "none"
		}
		b.Run(name, func(b *testing.B) {
			defer func(was bool) { wordingPairs = was }(wordingPairs)
			wordingPairs = on
			for b.Loop() {
				for _, s := range texts {
					mayMatch(s, junior)
					mayMatch(s, executive)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(texts)), "ns/text")
		})
	}
}
