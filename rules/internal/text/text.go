// Package text is what the duplicate rules mean by "the same text": one
// normal form (Normal), the hashes derived from it, word multisets and
// their overlap, and word diffs. Every hash here is FNV-1a, the same in
// every run and on every machine, so facts and output never depend on a
// random seed.
package text

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/profilelint/profilelint/internal/words"
	"github.com/profilelint/profilelint/lint"
)

// Normal reduces a text to what a reader compares: lower case, every
// Unicode punctuation or symbol rune turned into a space (apostrophes are
// dropped instead, so that "don't" and "dont" agree), and white space
// collapsed to single spaces with none at the ends. "CI/CD — Jenkins." and
// "ci cd jenkins" have the same normal form. It is what walk writes.
func Normal(s string) string {
	if isPlainLower(s) {
		return s // most words: nothing to change, nothing to allocate
	}
	var b strings.Builder
	b.Grow(len(s))
	walk(s, nil, false, &b)
	return b.String()
}

// Hash64 is the 64-bit FNV-1a hash of s.
func Hash64(s string) uint64 {
	h := NewHashWriter()
	_, _ = h.WriteString(s) // never fails
	return h.Sum64()
}

// Hashes returns KeyHash(s) and, appended to words, the key hashes of s's
// words (split at white space, as strings.Fields does), leaving out words
// whose key is empty; their number is the words that Similarity counts.
// One pass: the normal form is its words' keys joined by spaces, so its
// hash is fed as the words' are.
func Hashes(s string, words []uint64) (h uint64, ok bool, _ []uint64) {
	return walk(s, words, true, nil)
}

// KeyHash is Hash64(Normal(s)), computed without building the normal
// form; ok is false when it is empty.
func KeyHash(s string) (h uint64, ok bool) {
	h, ok, _ = walk(s, nil, false, nil)
	return h, ok
}

// walk is the one definition of the normal form. It reads s once, as
// strings.Fields splits it, and feeds the bytes of its normal form to the
// text's hash h, to each word's hash (appended to words if collect) and,
// when out is not nil, to out.
func walk(s string, words []uint64, collect bool, out *strings.Builder) (h uint64, ok bool, _ []uint64) {
	h = fnvOffset
	wh, wok, space := uint64(fnvOffset), false, false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if isFieldSpace(r) { // the end of a word, as strings.Fields splits
			if wok && collect {
				words = append(words, wh)
			}
			ok = ok || wok
			wh, wok, space = fnvOffset, false, false
			continue
		}
		// keyRune by hand for ASCII: this loop is hot.
		var kind int
		if r < utf8.RuneSelf {
			k := asciiKeys[r]
			r, kind = rune(k.r), int(k.kind)
		} else {
			r, kind = keyRuneSlow(r)
		}
		if kind == dropRune {
			continue
		}
		if kind == sepRune {
			space = wok
			continue
		}
		switch {
		case space: // inside a word of the text: "ci/cd" is "ci cd"
			wh, h = (wh^' ')*fnvPrime, (h^' ')*fnvPrime
			space = false
			if out != nil {
				out.WriteByte(' ')
			}
		case !wok && ok: // between this word and the last
			h = (h ^ ' ') * fnvPrime
			if out != nil {
				out.WriteByte(' ')
			}
		}
		if r < utf8.RuneSelf {
			wh, h = (wh^uint64(r))*fnvPrime, (h^uint64(r))*fnvPrime
		} else {
			wh, h = fnvRune(wh, r), fnvRune(h, r)
		}
		if out != nil {
			out.WriteRune(r)
		}
		wok = true
	}
	if wok && collect {
		words = append(words, wh)
	}
	return h, ok || wok, words
}

// isFieldSpace is strings.Fields' white space.
func isFieldSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r >= '\t' && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// What the normal form does with a rune.
const (
	keepRune = iota // kept, lower-cased
	dropRune        // an apostrophe: dropped, the word goes on
	sepRune         // punctuation, symbol, space, control: a word break
)

// keyRune classifies r for the normal form, and lower-cases a kept rune.
// ASCII, most of every text, comes from a table.
func keyRune(r rune) (rune, int) {
	if r < utf8.RuneSelf {
		k := asciiKeys[r]
		return rune(k.r), int(k.kind)
	}
	return keyRuneSlow(r)
}

// asciiKeys is keyRuneSlow for the ASCII runes.
var asciiKeys = func() (t [utf8.RuneSelf]struct{ r, kind byte }) {
	for r := range rune(utf8.RuneSelf) {
		k, kind := keyRuneSlow(r)
		t[r].r, t[r].kind = byte(k), byte(kind)
	}
	return t
}()

func keyRuneSlow(r rune) (rune, int) {
	switch {
	case r == '\'' || r == '’' || r == '‘' || r == 'ʼ':
		return r, dropRune
	case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
		return r, keepRune
	case unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.IsControl(r):
		return r, sepRune
	}
	return unicode.ToLower(r), keepRune
}

// isPlainLower reports whether s is made of lower-case ASCII letters and
// digits only, and so is its own normal form.
func isPlainLower(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// fnvRune feeds r's UTF-8 bytes to an FNV-1a hash.
func fnvRune(h uint64, r rune) uint64 {
	if r < utf8.RuneSelf {
		return (h ^ uint64(r)) * fnvPrime
	}
	var buf [utf8.UTFMax]byte
	for _, b := range buf[:utf8.EncodeRune(buf[:], r)] {
		h = (h ^ uint64(b)) * fnvPrime
	}
	return h
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// HashWriter is FNV-1a as something to write bytes and strings to, for a
// hash of a text that is never built (a rendered section): its Sum64 is
// Hash64 of what was written.
type HashWriter uint64

// NewHashWriter is a HashWriter that nothing was written to.
func NewHashWriter() HashWriter { return fnvOffset }

// WriteString feeds s to the hash.
func (h *HashWriter) WriteString(s string) (int, error) {
	x := uint64(*h)
	for i := 0; i < len(s); i++ {
		x = (x ^ uint64(s[i])) * fnvPrime
	}
	*h = HashWriter(x)
	return len(s), nil
}

// WriteByte feeds c to the hash.
func (h *HashWriter) WriteByte(c byte) error {
	*h = HashWriter((uint64(*h) ^ uint64(c)) * fnvPrime)
	return nil
}

// Sum64 is the hash of what was written.
func (h HashWriter) Sum64() uint64 { return uint64(h) }

// Multiset turns word hashes into a sorted set standing for their
// multiset: a word that recurs is numbered by occurrence, so "the" twice
// gives two members and the overlap of two sets counts repeated words as
// often as both texts have them.
func Multiset(hashes []uint64) []uint64 {
	hs := slices.Clone(hashes)
	slices.Sort(hs)
	set := make([]uint64, len(hs))
	n := uint64(0)
	for i, h := range hs {
		if i > 0 && hs[i-1] == h {
			n++
		} else {
			n = 1
		}
		set[i] = mix(h, n)
	}
	slices.Sort(set)
	return set
}

// mix combines a word's hash with its occurrence number (splitmix64's
// finaliser), so that "the" twice gives two distinct members.
func mix(h, n uint64) uint64 {
	z := h + n*0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// OverlapReaches reports whether two ascending lists share at least need
// members, giving up as soon as what is left cannot make it up.
func OverlapReaches[T cmp.Ordered](a, b []T, need int) bool {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		if n+min(len(a)-i, len(b)-j) < need {
			return false
		}
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n, i, j = n+1, i+1, j+1
		}
	}
	return n >= need
}

// OverlapNeed is the least overlap c of two texts of n words together
// for 2c/n to pass threshold: the cut-off below which a pair is not
// diffed.
func OverlapNeed(threshold float64, n int) int {
	return int(math.Floor(threshold*float64(n)/2)) + 1
}

// countWords counts the words of a text whose normal form is not empty:
// what Similarity counts.
func countWords(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if _, ok := KeyHash(w); ok {
			n++
		}
	}
	return n
}

// WordDiff diffs two texts word by word, words compared by their normal
// form, so that a change of case or punctuation alone is no change. It
// also returns M, how many words with a non-empty normal form the texts
// have in common, in order.
func WordDiff(a, b string) (ops []lint.DiffOp, common int) {
	return words.Diff(a, b, Normal)
}

// Similarity is the share of words two texts have in common, in order:
// 2·M / (|a| + |b|), where |a| and |b| count the words of each (by normal
// form, punctuation-only words left out) and M those of the longest common
// sequence of words, as WordDiff finds it. 1 means the same words in the
// same order, 0 none in common. It is Python difflib's ratio, on words.
func Similarity(a, b string) float64 {
	na, nb := countWords(a), countWords(b)
	if na+nb == 0 {
		return 1
	}
	_, common := WordDiff(a, b)
	return 2 * float64(common) / float64(na+nb)
}

// SimilarAbove returns the similarity 2·M/(|a|+|b|) of two word sequences
// and whether it is above t. It finds M through the edit distance D
// (inserts and deletes: D = |a|+|b|-2M) with Myers' O((|a|+|b|)·D)
// algorithm, stopping once D is too large for the similarity to pass t:
// the cut-off that keeps a corpus's near-copy search linear in practice.
func SimilarAbove(a, b []uint32, t float64) (float64, bool) {
	n, m := len(a), len(b)
	if n+m == 0 {
		return 1, t < 1
	}
	// similarity > t  ⇔  D < (1-t)(n+m)
	maxD := int(math.Ceil((1-t)*float64(n+m))) - 1
	if maxD < 0 {
		return 0, false
	}
	maxD = min(maxD, n+m)
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	for d := 0; d <= maxD; d++ {
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1] // down: an insert from b
			} else {
				x = v[off+k-1] + 1 // right: a delete from a
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				s := float64(n+m-d) / float64(n+m)
				return s, s > t
			}
		}
	}
	return 0, false
}
