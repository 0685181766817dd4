package text

import (
	"cmp"
	"math"
	"slices"
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

// Words32 cuts word hashes to the 32 bits that facts keep (two words
// that collide count as the same word: at 2⁻³² a pair, a cost of no note).
func Words32(hashes []uint64) []uint32 {
	out := make([]uint32, len(hashes))
	for i, h := range hashes {
		out[i] = uint32(h ^ h>>32)
	}
	return out
}

// nearEntry is one distinct text, at its first place.
type nearEntry[T any] struct {
	item      T
	key, file int32 // the key and the file, as numbers
	words     []uint32
	tokens    []uint32 // ranks of the word<<32|occurrence tokens, ascending
}

// NearMatch is a text that nearly repeats an earlier one (Other).
type NearMatch[T any] struct {
	This, Other T
	Similarity  float64
}

// NearIndex finds near copies among texts added in order, each carried
// as a T of the caller's: the texts of one key (a focus) or of one file
// are never near copies of each other.
type NearIndex[T any] struct {
	Threshold float64
	entries   []nearEntry[T]
	seen      map[uint64]bool  // hashes of the texts added
	ids       map[string]int32 // keys and file names as numbers
}

// Add takes a text, by the hash of its normal form and its words
// (Words32), unless the same text was added before, under any key: a copy
// under another key is the exact index's finding, and whatever nearly
// repeats it nearly repeats the first.
func (x *NearIndex[T]) Add(item T, hash uint64, key, file string, words []uint32) {
	if x.seen == nil {
		x.seen, x.ids = make(map[uint64]bool), make(map[string]int32)
	}
	if x.seen[hash] {
		return
	}
	x.seen[hash] = true
	x.entries = append(x.entries, nearEntry[T]{item: item, key: x.id("k" + key), file: x.id("f" + file), words: words})
}

func (x *NearIndex[T]) id(s string) int32 {
	n, ok := x.ids[s]
	if !ok {
		n = int32(len(x.ids))
		x.ids[s] = n
	}
	return n
}

// Matches returns, for each text that nearly repeats an earlier one under
// another key and in another file, the most similar earlier text (the
// first of equals). Exact copies are left to the exact index.
func (x *NearIndex[T]) Matches() []NearMatch[T] {
	t := x.Threshold
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
	var out []NearMatch[T]
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
			if !OverlapReaches(o.tokens, e.tokens, OverlapNeed(t, n+m)) {
				continue
			}
			if s, ok := SimilarAbove(o.words, e.words, t); ok && (s > bestSim || s == bestSim && j < best) {
				best, bestSim = j, s
			}
		}
		if best >= 0 {
			out = append(out, NearMatch[T]{This: e.item, Other: x.entries[best].item, Similarity: bestSim})
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
