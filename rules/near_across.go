package rules

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/rules/internal/text"
)

// Near copies across files. Two texts are near copies when their
// similarity (as duplicate-text measures it: 2·M / (|a| + |b|) over
// normalised words, M the longest common sequence) is above a threshold t.
// Comparing every pair of a corpus's texts would be quadratic, so
// candidates come from an inverted index with prefix filtering (Chaudhuri
// et al. 2006; Xiao et al., PPJoin, 2008), which is exact, not
// probabilistic:
//
// A text's words are numbered by occurrence ("the" twice gives the tokens
// the#1 and the#2), so that the overlap c of two token sets is the size of
// their multiset intersection. M ≤ c, so similarity > t needs
// c > t(|a|+|b|)/2, and as c ≤ |b| that needs |b| ≥ t|a|/(2-t), so
// c ≥ α(a) = ⌈t|a|/(2-t)⌉ whatever the partner. Sort every text's tokens
// in one global order (rarest first); two sets that share α tokens share
// one among the first |a|-α+1 of each. Only those prefixes are indexed and
// probed, and the pairs they bring are checked by length, then by overlap,
// and only then by the common sequence, which is cut short once it cannot
// reach t.

// nearWords cuts word hashes to the 32 bits that facts keep (two words
// that collide count as the same word: at 2⁻³² a pair, a cost of no note).
func nearWords(hashes []uint64) []uint32 {
	out := make([]uint32, len(hashes))
	for i, h := range hashes {
		out[i] = uint32(h ^ h>>32)
	}
	return out
}

// nearEntry is one distinct text, at its first place.
type nearEntry struct {
	text      keyedText
	key, file int32 // text.Key and text.File as numbers
	words     []uint32
	tokens    []uint32 // ranks of the word<<32|occurrence tokens, ascending
}

// nearMatch is a text that nearly repeats an earlier one.
type nearMatch struct {
	this, other keyedText
	similarity  float64
}

// nearIndex finds near copies among texts added in order.
type nearIndex struct {
	threshold float64
	entries   []nearEntry
	seen      map[uint64]bool  // hashes of the texts added
	ids       map[string]int32 // keys and file names as numbers
}

// add takes a text unless the same text was added before, under any key:
// a copy under another key is the exact index's finding, and whatever
// nearly repeats it nearly repeats the first.
func (x *nearIndex) add(t keyedText, words []uint32) {
	if x.seen == nil {
		x.seen, x.ids = make(map[uint64]bool), make(map[string]int32)
	}
	if x.seen[t.Hash] {
		return
	}
	x.seen[t.Hash] = true
	x.entries = append(x.entries, nearEntry{text: t, key: x.id("k" + t.Key), file: x.id("f" + t.File), words: words})
}

func (x *nearIndex) id(s string) int32 {
	n, ok := x.ids[s]
	if !ok {
		n = int32(len(x.ids))
		x.ids[s] = n
	}
	return n
}

// matches returns, for each text that nearly repeats an earlier one under
// another key and in another file, the most similar earlier text (the
// first of equals). Exact copies are left to the exact index.
func (x *nearIndex) matches() []nearMatch {
	t := x.threshold
	if t >= 1 || len(x.entries) < 2 {
		return nil
	}
	// Tokens are renamed by their rank in the global order (rarest
	// first), so that sorting and merging them compare integers, and the
	// tokens two near texts do not share (the rare ones) come first.
	freq := make(map[uint64]int32)
	raw := make([][]uint64, len(x.entries))
	for i := range x.entries {
		raw[i] = tokensOf(x.entries[i].words)
		for _, tok := range raw[i] {
			freq[tok]++
		}
	}
	distinct := make([]uint64, 0, len(freq))
	for tok := range freq {
		distinct = append(distinct, tok)
	}
	slices.SortFunc(distinct, func(a, b uint64) int {
		if c := cmp.Compare(freq[a], freq[b]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	rank := make(map[uint64]uint32, len(distinct))
	for r, tok := range distinct {
		rank[tok] = uint32(r)
	}
	for i := range x.entries {
		ts := make([]uint32, len(raw[i]))
		for j, tok := range raw[i] {
			ts[j] = rank[tok]
		}
		slices.Sort(ts)
		x.entries[i].tokens = ts
	}

	postings := make([][]int32, len(distinct))
	stamp := make([]int32, len(x.entries)) // stamp[j] == i+1: j was met probing i
	var out []nearMatch
	var cands []int32
	for i := range x.entries {
		e := &x.entries[i]
		prefix := e.tokens[:prefixLen(len(e.tokens), t)]
		cands = cands[:0]
		for _, tok := range prefix {
			for _, j := range postings[tok] {
				if stamp[j] == int32(i+1) {
					continue
				}
				stamp[j] = int32(i + 1)
				if o := &x.entries[j]; o.key != e.key && o.file != e.file {
					cands = append(cands, j)
				}
			}
		}
		for _, tok := range prefix {
			postings[tok] = append(postings[tok], int32(i))
		}
		best, bestSim := int32(-1), 0.0
		for _, j := range cands {
			o := &x.entries[j]
			n, m := len(o.words), len(e.words)
			if 2*float64(min(n, m))/float64(n+m) <= t {
				continue
			}
			// The overlap must reach t(n+m)/2 for the similarity to pass t.
			if !text.OverlapReaches(o.tokens, e.tokens, text.OverlapNeed(t, n+m)) {
				continue
			}
			if s, ok := text.SimilarAbove(o.words, e.words, t); ok && (s > bestSim || s == bestSim && j < best) {
				best, bestSim = j, s
			}
		}
		if best >= 0 {
			out = append(out, nearMatch{this: e.text, other: x.entries[best].text, similarity: bestSim})
		}
	}
	return out
}

// tokensOf numbers a text's words by occurrence: word<<32 | n for the
// n-th time the word comes.
func tokensOf(words []uint32) []uint64 {
	count := make(map[uint32]uint32, len(words))
	out := make([]uint64, len(words))
	for i, w := range words {
		count[w]++
		out[i] = uint64(w)<<32 | uint64(count[w])
	}
	return out
}

// prefixLen is how many of a text's n tokens (in the global order) are
// indexed and probed: n - α + 1, with α the least overlap that a partner
// above similarity t must share.
func prefixLen(n int, t float64) int {
	alpha := int(math.Ceil(t * float64(n) / (2 - t)))
	return min(max(n-alpha+1, 1), n)
}

// judgeNearAcross reports focus descriptions of different focuses that
// are near copies: one warning per description, at its first place, naming
// the most similar earlier one, with a word diff of the two.
func judgeNearAcross(c *lint.Corpus, facts []lint.Facts) {
	texts := nearTexts{c: c}
	for _, m := range nearMatches(facts, acrossOptions.Of(c).Similarity) {
		f := acrossFinding(m.this, m.other, fmt.Sprintf("focus %s's description nearly repeats that of focus %s (%s): %d%% of their words are the same",
			m.this.Name, m.other.Name, placeText(m.other.place()), int(m.similarity*100)), "similar description, focus "+m.other.Name)
		texts.report(f, m)
	}
}

// nearMatches indexes the focus descriptions of all files (facts in file
// order) and returns their near copies.
func nearMatches(facts []lint.Facts, threshold float64) []nearMatch {
	if threshold >= 1 {
		return nil
	}
	x := nearIndex{threshold: threshold}
	for file, f := range acrossFacts.Of(facts) {
		if len(f.FocusWords) > 0 && len(f.FocusDesc) > 0 {
			x.add(f.keyed(f.FocusDesc[0], file, "focus"), f.FocusWords)
		}
	}
	return x.matches()
}

// nearTexts reads reported texts again from their files (the facts keep
// only hashes): each text once a run, and once per content through the
// result cache. A text copied into many focuses is reported many times.
type nearTexts struct {
	c     *lint.Corpus
	texts map[keyedPlace]string
}

type keyedPlace struct{ file, ptr string }

// report adds a near-copy warning with a word diff of the two texts.
func (x *nearTexts) report(f lint.Finding, m nearMatch) {
	f.Severity = lint.Warning
	a, errA := x.text(m.other)
	b, errB := x.text(m.this)
	if errA == nil && errB == nil {
		ops, _ := text.WordDiff(a, b)
		f.Diff = &lint.Diff{Words: ops}
	}
	x.c.Report(f)
}

func (x *nearTexts) text(t keyedText) (string, error) {
	at := keyedPlace{t.File, t.place().Pointer}
	if s, ok := x.texts[at]; ok {
		return s, nil
	}
	b, err := x.c.Memo(at.file, "near-across "+at.ptr, func() ([]byte, error) {
		file, err := x.c.Load(at.file)
		if err != nil {
			return nil, err
		}
		n := file.Root.Lookup(at.ptr)
		if n == nil {
			return nil, fmt.Errorf("%s: no %s", at.file, at.ptr)
		}
		return []byte(n.Text()), nil
	})
	if err != nil {
		return "", err
	}
	if x.texts == nil {
		x.texts = make(map[keyedPlace]string)
	}
	x.texts[at] = string(b)
	return string(b), nil
}
