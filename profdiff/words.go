package profdiff

import (
	"strings"

	"github.com/profilelint/profilelint/internal/words"
	"github.com/profilelint/profilelint/lint"
)

// wordDiff diffs two texts word by word, words compared as written, and
// returns the steps and the number of words they share.
func wordDiff(a, b string) (ops []lint.DiffOp, common int) {
	return words.Diff(a, b, func(w string) string { return w })
}

// similarity is 2·M/(|a|+|b|) over words, M the words the longest common
// sequence shares: 1 for the same words, 0 for none in common.
func similarity(a, b string) float64 {
	na, nb := len(strings.Fields(a)), len(strings.Fields(b))
	if na+nb == 0 {
		return 1
	}
	_, common := wordDiff(a, b)
	return 2 * float64(common) / float64(na+nb)
}

// Rewording is the share of words two texts must have in common for the
// newer to count as a rewording of the older rather than a new text.
const Rewording = 0.5

// pairing matches the items of two lists: equal texts first, then the
// most similar remaining pairs at or above Rewording.
type pairing struct {
	same     map[int]int // new index → old index
	reworded map[int]int // new index → old index
	oldUsed  map[int]bool
}

func pair(old, new []string) pairing {
	p := pairing{same: map[int]int{}, reworded: map[int]int{}, oldUsed: map[int]bool{}}
	for j, b := range new {
		for i, a := range old {
			if !p.oldUsed[i] && a == b {
				p.same[j], p.oldUsed[i] = i, true
				break
			}
		}
	}
	type cand struct {
		i, j int
		s    float64
	}
	var cs []cand
	for j, b := range new {
		if _, ok := p.same[j]; ok {
			continue
		}
		for i, a := range old {
			if p.oldUsed[i] {
				continue
			}
			if s := similarity(a, b); s >= Rewording {
				cs = append(cs, cand{i, j, s})
			}
		}
	}
	// Best first; ties in list order, so the result never depends on
	// map or sort internals.
	for len(cs) > 0 {
		best := 0
		for k, c := range cs {
			b := cs[best]
			if c.s > b.s || (c.s == b.s && (c.j < b.j || (c.j == b.j && c.i < b.i))) {
				best = k
			}
		}
		c := cs[best]
		p.reworded[c.j], p.oldUsed[c.i] = c.i, true
		kept := cs[:0]
		for _, o := range cs {
			if o.i != c.i && o.j != c.j {
				kept = append(kept, o)
			}
		}
		cs = kept
	}
	return p
}
