package profdiff

import (
	"strings"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/profilelint/profilelint/lint"
)

// wordDiff diffs two texts word by word (words are runs of non-space) and
// returns the steps and the number of words they share. Equal runs carry
// the spaces that separate them from their neighbours, so that the steps
// concatenate to a readable text.
func wordDiff(a, b string) (ops []lint.DiffOp, common int) {
	ta, tb := strings.Fields(a), strings.Fields(b)
	ids := make(map[string]rune)
	conv := func(ws []string) []rune {
		out := make([]rune, len(ws))
		for i, w := range ws {
			r, ok := ids[w]
			if !ok {
				// Runes from 0xE000 on skip the surrogates, which would not
				// survive diffmatchpatch's conversions to string; a file
				// under the loader's size limit has far fewer words than
				// the million runes left.
				r = rune(0xE000 + len(ids))
				ids[w] = r
			}
			out[i] = r
		}
		return out
	}
	ra, rb := conv(ta), conv(tb)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // the same diff on every run
	diffs := dmp.DiffMainRunes(ra, rb, false)
	ia, ib := 0, 0
	for i, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		var ws []string
		op := "equal"
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			op, ws = "delete", ta[ia:ia+n]
			ia += n
		case diffmatchpatch.DiffInsert:
			op, ws = "insert", tb[ib:ib+n]
			ib += n
		default:
			ws = tb[ib : ib+n]
			ia, ib, common = ia+n, ib+n, common+n
		}
		text := strings.Join(ws, " ")
		if op == "equal" {
			if i > 0 {
				text = " " + text
			}
			if i < len(diffs)-1 {
				text += " "
			}
		}
		ops = append(ops, lint.DiffOp{Op: op, Text: text})
	}
	return ops, common
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
