// Package suggest finds the known name that a mistyped one was meant to
// be, for the "did you mean …?" of schema, configuration and rule
// messages.
package suggest

import "strings"

// Closest returns the candidate that s most likely misspells, or "" when
// none is close enough. A candidate is close when it is the same apart
// from case, separators ("-", "_", " ") or a plural s; when one is a
// prefix of the other and s has at least 3 characters ("warn" for
// "warning"); or when it is within an edit distance of a third of the
// length of s (at least 1), counting a swap of neighbours as one edit.
// Ties go to the first candidate.
func Closest(s string, candidates []string) string {
	ns := norm(s)
	limit := max(1, len([]rune(s))/3)
	best, bestD := "", limit+1
	for _, c := range candidates {
		nc := norm(c)
		if nc == ns {
			return c
		}
		d := Distance(strings.ToLower(s), strings.ToLower(c))
		if len(ns) >= 3 && (strings.HasPrefix(nc, ns) || strings.HasPrefix(ns, nc)) {
			d = min(d, 1)
		}
		if d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

func norm(s string) string {
	s = strings.ToLower(strings.NewReplacer("-", "_", " ", "_").Replace(s))
	return strings.TrimSuffix(s, "s")
}

// Distance is the optimal-string-alignment distance of a and b in runes:
// insertions, deletions, substitutions and swaps of neighbours each cost
// one.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prevprev := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prevprev[j-2]+1)
			}
		}
		prevprev, prev, cur = prev, cur, prevprev
	}
	return prev[len(rb)]
}
