package rules

import (
	"cmp"
	"hash/fnv"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/profilelint/profilelint/internal/words"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// This file holds the text helpers of the duplicate rules: what "the same
// text" means (normalise), how texts are split into words, hashed and
// compared, and how two texts are diffed word by word.

// normalise reduces a text to what a reader compares: lower case, every
// Unicode punctuation or symbol rune turned into a space (apostrophes are
// dropped instead, so that "don't" and "dont" agree), and white space
// collapsed to single spaces with none at the ends. "CI/CD — Jenkins." and
// "ci cd jenkins" normalise to the same text.
func normalise(s string) string {
	if isPlainLower(s) {
		return s // most words: nothing to change, nothing to allocate
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		r, kind := keyRune(r)
		if kind == dropRune {
			continue
		}
		if kind == sepRune {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// hash64 is the 64-bit FNV-1a hash of s. It is the same in every run and
// on every machine, so facts and output never depend on a random seed.
func hash64(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// textHashes returns keyHash(s) and, appended to words, the key hashes of
// s's words (split at white space, as strings.Fields does), leaving out
// words whose key is empty; their number is the words that similarity
// counts. One pass: the normalised text is its words' keys joined by
// spaces, so its hash is fed as the words' are.
func textHashes(s string, words []uint64) (h uint64, ok bool, _ []uint64) {
	return hashWords(s, words, true)
}

// keyHash is hash64(normalise(s)), computed as normalise would write it;
// ok is false when the key is empty.
func keyHash(s string) (h uint64, ok bool) {
	h, ok, _ = hashWords(s, nil, false)
	return h, ok
}

// hashWords is textHashes, keeping the words' hashes only if collect.
func hashWords(s string, words []uint64, collect bool) (h uint64, ok bool, _ []uint64) {
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
		// keyRune and fnvRune, by hand for ASCII: this loop is hot.
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
		case space:
			wh, h = (wh^' ')*fnvPrime, (h^' ')*fnvPrime
			space = false
		case !wok && ok:
			h = (h ^ ' ') * fnvPrime // between this word and the last
		}
		if r < utf8.RuneSelf {
			wh, h = (wh^uint64(r))*fnvPrime, (h^uint64(r))*fnvPrime
		} else {
			wh, h = fnvRune(wh, r), fnvRune(h, r)
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

// multisetOf turns word hashes into a sorted set standing for their
// multiset: a word that recurs is numbered by occurrence, so "the" twice
// gives two members and the overlap of two sets counts repeated words as
// often as both texts have them.
func multisetOf(hashes []uint64) []uint64 {
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

// What normalise does with a rune.
const (
	keepRune = iota // kept, lower-cased
	dropRune        // an apostrophe: dropped, the word goes on
	sepRune         // punctuation, symbol, space, control: a word break
)

// keyRune classifies r as normalise does, and lower-cases a kept rune.
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

// mix combines a shingle's hash with its occurrence number (splitmix64's
// finaliser), so that "the" twice gives two distinct members.
func mix(h, n uint64) uint64 {
	z := h + n*0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// overlapReaches reports whether two ascending lists share at least need
// members, giving up as soon as what is left cannot make it up.
func overlapReaches[T cmp.Ordered](a, b []T, need int) bool {
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

// overlapNeed is the least overlap c of two texts of n words together
// for 2c/n to pass threshold.
func overlapNeed(threshold float64, n int) int {
	return int(math.Floor(threshold*float64(n)/2)) + 1
}

// wordToken is a word as written (split at white space) and its key, the
// word normalised; words compare by key. A word that is only punctuation
// ("—", "&") has an empty key.
type wordToken struct{ text, key string }

func wordTokens(s string) []wordToken {
	fs := strings.Fields(s)
	out := make([]wordToken, len(fs))
	for i, w := range fs {
		out[i] = wordToken{w, normalise(w)}
	}
	return out
}

// wordKeys returns the non-empty keys of a text's words: what similarity
// counts.
func wordKeys(s string) []string {
	var out []string
	for _, t := range wordTokens(s) {
		if t.key != "" {
			out = append(out, t.key)
		}
	}
	return out
}

// wordDiff diffs two texts word by word, words compared by their key
// (normalise), so that a change of case or punctuation alone is no change.
// It also returns M, how many words with a non-empty key the texts have in
// common, in order.
func wordDiff(a, b string) (ops []lint.DiffOp, common int) {
	return words.Diff(a, b, normalise)
}

// similarity is the share of words two texts have in common, in order:
// 2·M / (|a| + |b|), where |a| and |b| count the words of each (by key,
// punctuation-only words left out) and M those of the longest common
// sequence of words, as wordDiff finds it. 1 means the same words in the
// same order, 0 none in common. It is Python difflib's ratio, on words.
func similarity(a, b string) float64 {
	na, nb := len(wordKeys(a)), len(wordKeys(b))
	if na+nb == 0 {
		return 1
	}
	_, common := wordDiff(a, b)
	return 2 * float64(common) / float64(na+nb)
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

// eachScalar calls fn for every scalar value of the file, in source order.
func eachScalar(p *lint.Pass, fn func(ptr string, n *profiles.Node)) {
	for _, s := range p.File.Scalars() {
		fn(s.Pointer, s.Node)
	}
}
