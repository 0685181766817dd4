package rules

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/profilelint/profilelint/lint"
)

func TestNormalise(t *testing.T) {
	for in, want := range map[string]string{
		"  Designs,   builds — and OPERATES.  ": "designs builds and operates",
		"CI/CD (Jenkins); don't":                "ci cd jenkins dont",
		"ci cd jenkins don’t":                   "ci cd jenkins dont",
		"10 to 30+ teams\tacross\nsites":        "10 to 30 teams across sites",
		"—…!":                                   "",
		"Ünïcode Straße":                        "ünïcode straße",
	} {
		if got := normalise(in); got != want {
			t.Errorf("normalise(%q) = %q, want %q", in, got, want)
		}
	}
}

// wordSet is the multiset of s's words (textHashes), with their number.
func wordSet(s string) (set []uint64, words int) {
	_, _, hs := textHashes(s, nil)
	return multisetOf(hs), len(hs)
}

// wordHashes is what textHashes must give for the words: each white
// space separated word's keyHash, empty keys left out.
func wordHashes(s string) []uint64 {
	var hs []uint64
	for _, w := range strings.Fields(s) {
		if h, ok := keyHash(w); ok {
			hs = append(hs, h)
		}
	}
	return hs
}

// FuzzTextHashes checks the one-pass hashes against their definitions:
// the hash of the normalised text (and keyHash of it), and keyHash of each
// word.
func FuzzTextHashes(f *testing.F) {
	for _, s := range []string{
		"  Designs,   builds — and OPERATES.  ", "CI/CD (Jenkins); don't", "—…! a", "a —…!",
		"Ünïcode Straße", "x-y z", "'' a", "a\u00a0b", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, ok, words := textHashes(s, nil)
		if n := normalise(s); ok != (n != "") || (ok && h != hash64(n)) {
			t.Fatalf("textHashes(%q) whole = %x, %v; normalise gives %q, hash %x", s, h, ok, n, hash64(n))
		}
		if wh, wok := keyHash(s); h != wh || ok != wok {
			t.Fatalf("textHashes(%q) whole = %x, %v; keyHash gives %x, %v", s, h, ok, wh, wok)
		}
		if want := wordHashes(s); !slices.Equal(words, want) {
			t.Fatalf("textHashes(%q) words = %x; want %x", s, words, want)
		}
	})
}

func TestWordSet(t *testing.T) {
	// Repeated words are numbered, so the set keeps the multiset.
	if set, n := wordSet("a b a b"); len(set) != 4 || n != 4 {
		t.Errorf("wordSet(a b a b) = %d members, %d words; want 4, 4", len(set), n)
	}
	// Words compare by key: case and punctuation do not count, and a word
	// that is only punctuation is no word.
	a, n := wordSet("CI/CD — Jenkins, don't")
	b, _ := wordSet("ci/cd jenkins dont")
	if n != 3 || !overlapReaches(a, b, 3) || overlapReaches(a, b, 4) {
		t.Errorf("keys differ: %d words, or an overlap other than 3", n)
	}
	// keyHash is the hash of normalise's key, for every kind of word.
	for _, w := range []string{"Ünïcode", "Straße", "CI/CD", "don't", "x²", "ÀÉÎ", "a—b", "—"} {
		h, ok := keyHash(w)
		if want := normalise(w); ok != (want != "") || ok && h != hash64(want) {
			t.Errorf("keyHash(%q) = %#x, %v; want hash64(%q)", w, h, ok, want)
		}
	}
}

func TestOverlapReaches(t *testing.T) {
	a, _ := wordSet("a b c a")
	b, _ := wordSet("c a z a")
	if !overlapReaches(a, b, 3) || overlapReaches(a, b, 4) {
		t.Errorf("overlap of %v and %v is not 3 (a twice and c)", a, b)
	}
	if x, _ := wordSet("x"); overlapReaches(a, x, 1) || !overlapReaches(a, x, 0) {
		t.Errorf("overlap with a disjoint set is not 0")
	}
	if !overlapReaches([]uint32{1, 5, 9}, []uint32{2, 5, 9}, 2) || overlapReaches([]uint32{1, 5, 9}, []uint32{2, 5, 9}, 3) {
		t.Error("overlap of [1 5 9] and [2 5 9] is not 2")
	}
	if overlapNeed(0.9, 20) != 10 || overlapNeed(0.5, 7) != 2 {
		t.Errorf("overlapNeed(0.9, 20) = %d, overlapNeed(0.5, 7) = %d; want 10, 2", overlapNeed(0.9, 20), overlapNeed(0.5, 7))
	}
}

func TestWordDiff(t *testing.T) {
	ops, common := wordDiff("Designs, builds and operates the platform", "designs builds and runs the cloud platform")
	want := []lint.DiffOp{
		{Op: "equal", Text: "designs builds and "},
		{Op: "delete", Text: "operates"},
		{Op: "insert", Text: "runs"},
		{Op: "equal", Text: " the "},
		{Op: "insert", Text: "cloud"},
		{Op: "equal", Text: " platform"},
	}
	if len(ops) != len(want) {
		t.Fatalf("ops = %q, want %q", ops, want)
	}
	for i := range ops {
		if ops[i] != want[i] {
			t.Fatalf("ops = %q, want %q", ops, want)
		}
	}
	if common != 5 {
		t.Errorf("common = %d, want 5", common)
	}
	d := lint.Diff{Words: ops}
	if got := d.WordDiff(); got != "designs builds and [-operates-]{+runs+} the {+cloud+} platform" {
		t.Errorf("WordDiff = %q", got)
	}
	// 2·5 / (6 + 7)
	if got := similarity("Designs, builds and operates the platform", "designs builds and runs the cloud platform"); got != 10.0/13 {
		t.Errorf("similarity = %v, want %v", got, 10.0/13)
	}
	if got := similarity("a b c", "A, B; C."); got != 1 {
		t.Errorf("similarity of texts equal but for punctuation = %v", got)
	}
}

// keyHash of a whole text is the hash of its normal form: the corpus rules
// compare texts by it.
func TestKeyHashOfText(t *testing.T) {
	for _, s := range []string{
		"Designs, builds and operates the platform (AWS/Azure) — for teams.",
		"  Leading and trailing  ", "don't stop", "", "—", "Straße ÀB",
	} {
		h, ok := keyHash(s)
		want := normalise(s)
		if ok != (want != "") || ok && h != hash64(want) {
			t.Errorf("keyHash(%q) = %#x, %v; want hash64(%q)", s, h, ok, want)
		}
	}
}

// keyRune's ASCII table agrees with the classification it stands for.
func TestKeyRuneASCIITable(t *testing.T) {
	for r := range rune(utf8.RuneSelf) {
		gr, gk := keyRune(r)
		wr, wk := keyRuneSlow(r)
		if gr != wr || gk != wk {
			t.Errorf("keyRune(%q) = %q, %d; want %q, %d", r, gr, gk, wr, wk)
		}
	}
	if r, k := keyRune('Q'); r != 'q' || k != keepRune {
		t.Errorf("keyRune('Q') = %q, %d", r, k)
	}
	if _, k := keyRune('/'); k != sepRune {
		t.Errorf("keyRune('/') kind %d, want a word break", k)
	}
}
