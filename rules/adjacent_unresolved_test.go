package rules

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/internal/suggest"
	"github.com/profilelint/profilelint/lint"
)

// indexTestIDs are ids shaped as a large corpus's: functions, focuses
// with a serial number, levels.
func indexTestIDs(n int) []string {
	fns := []string{"INFRAS", "DATAEN", "SECURI", "PRODUC", "MOBILE"}
	var ids []string
	for i := 0; len(ids) < n; i++ {
		for lv := 1; lv <= 7 && len(ids) < n; lv++ {
			ids = append(ids, fmt.Sprintf("%s.%s%04d.P%d", fns[i%len(fns)], []string{"PLATFO", "CLOUDP", "FRAUDD", "STREAM"}[i/len(fns)%4], i, lv))
		}
	}
	return ids
}

// For the typos it is for (one edit or swap anywhere, case and
// separators, another level or function, the level left out) the index
// suggests what the scan of every id suggests, or one as close: another
// function with the same focus and level, where the scan found another
// focus as many edits away. Without the index's keys for any of them,
// some of these would go without their suggestion.
func TestIDIndexMatchesScan(t *testing.T) {
	ids := indexTestIDs(1000)
	x := newIDIndex(ids)
	rng := rand.New(rand.NewPCG(1, 2))
	typos := []func(string) string{
		func(s string) string { i := rng.IntN(len(s)); return s[:i] + s[i+1:] },                             // deletion
		func(s string) string { i := rng.IntN(len(s)); return s[:i] + "X" + s[i:] },                         // insertion
		func(s string) string { i := rng.IntN(len(s)); return s[:i] + "Q" + s[i+1:] },                       // substitution
		func(s string) string { i := rng.IntN(len(s) - 1); return s[:i] + s[i+1:i+2] + s[i:i+1] + s[i+2:] }, // swap
		strings.ToLower,
		func(s string) string { return strings.Replace(s, ".", "-", 1) },
		func(s string) string { return s[:len(s)-1] + "9" },                // a level not written yet
		func(s string) string { return "FINANC" + s[6:] },                  // another function
		func(s string) string { return s[:strings.LastIndexByte(s, '.')] }, // the level left out
	}
	misses := 0
	for k := range 900 {
		self, from := ids[rng.IntN(len(ids))], ids[rng.IntN(len(ids))]
		ref := typos[k%len(typos)](from)
		if from == self || ref == self {
			continue
		}
		want := suggest.Closest(ref, nearInLength(ids, ref, self))
		got := suggest.Closest(ref, x.candidates(ref, self, nil))
		if got != want && (got == "" || suggestDistance(ref, got) > suggestDistance(ref, want)) {
			misses++
			t.Errorf("%s (from %s): index suggests %q, the scan %q", ref, self, got, want)
		}
		if misses > 10 {
			t.Fatal("too many")
		}
	}
}

// A reference's candidates are bounded by its neighbours in the index,
// not by the size of the corpus: that is what makes the rule linear.
func TestIDIndexCandidatesBounded(t *testing.T) {
	for _, n := range []int{1000, 10000} {
		ids := indexTestIDs(n)
		x := newIDIndex(ids)
		most := 0
		for i := 0; i < len(ids); i += 97 {
			ref := ids[i][:len(ids[i])-1] + "8"
			most = max(most, len(x.candidates(ref, "", nil)))
		}
		if most > 40 {
			t.Errorf("%d ids: up to %d candidates for one reference", n, most)
		}
	}
}

// BenchmarkAdjacentUnresolved is the rule's corpus pass over n files of
// which most adjacent roles name files not linted (every 2nd file of a
// ladder); the time per file stays flat as n grows.
func BenchmarkAdjacentUnresolved(b *testing.B) {
	for _, n := range []int{1000, 5000, 25000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			all := indexTestIDs(2 * n)
			var facts []lint.Facts
			for i := 0; i < len(all); i += 2 {
				f := idFact{ID: all[i]}
				for _, j := range []int{i - 1, i + 1, i + 7, i + 14} {
					if j >= 0 && j < len(all) {
						f.Adjacent = append(f.Adjacent, idRef{ID: all[j]})
					}
				}
				facts = append(facts, lint.Facts{Facts: f})
			}
			found := 0
			for b.Loop() {
				found = 0
				judgeAdjacent(facts, func(lint.Finding) { found++ })
			}
			if found < n {
				b.Errorf("%d findings for %d files", found, n)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/file")
		})
	}
}

// suggestDistance is how far suggest.Closest judges c from s.
func suggestDistance(s, c string) int {
	fold := func(s string) string {
		return strings.TrimSuffix(strings.NewReplacer("-", "_", " ", "_").Replace(strings.ToLower(s)), "s")
	}
	ns, nc := fold(s), fold(c)
	if ns == nc {
		return 0
	}
	d := suggest.Distance(strings.ToLower(s), strings.ToLower(c))
	if len(ns) >= 3 && (strings.HasPrefix(nc, ns) || strings.HasPrefix(ns, nc)) {
		d = min(d, 1)
	}
	return d
}
