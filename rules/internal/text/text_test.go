package text

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
		if got := Normal(in); got != want {
			t.Errorf("Normal(%q) = %q, want %q", in, got, want)
		}
	}
}

// wordSet is the multiset of s's words (textHashes), with their number.
func wordSet(s string) (set []uint64, words int) {
	_, _, hs := Hashes(s, nil)
	return Multiset(hs), len(hs)
}

// wordHashes is what textHashes must give for the words: each white
// space separated word's keyHash, empty keys left out.
func wordHashes(s string) []uint64 {
	var hs []uint64
	for _, w := range strings.Fields(s) {
		if h, ok := KeyHash(w); ok {
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
		h, ok, words := Hashes(s, nil)
		if n := Normal(s); ok != (n != "") || (ok && h != Hash64(n)) {
			t.Fatalf("Hashes(%q) whole = %x, %v; normalise gives %q, hash %x", s, h, ok, n, Hash64(n))
		}
		if wh, wok := KeyHash(s); h != wh || ok != wok {
			t.Fatalf("Hashes(%q) whole = %x, %v; keyHash gives %x, %v", s, h, ok, wh, wok)
		}
		if want := wordHashes(s); !slices.Equal(words, want) {
			t.Fatalf("Hashes(%q) words = %x; want %x", s, words, want)
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
	if n != 3 || !OverlapReaches(a, b, 3) || OverlapReaches(a, b, 4) {
		t.Errorf("keys differ: %d words, or an overlap other than 3", n)
	}
	// keyHash is the hash of normalise's key, for every kind of word.
	for _, w := range []string{"Ünïcode", "Straße", "CI/CD", "don't", "x²", "ÀÉÎ", "a—b", "—"} {
		h, ok := KeyHash(w)
		if want := Normal(w); ok != (want != "") || ok && h != Hash64(want) {
			t.Errorf("KeyHash(%q) = %#x, %v; want Hash64(%q)", w, h, ok, want)
		}
	}
}

func TestOverlapReaches(t *testing.T) {
	a, _ := wordSet("a b c a")
	b, _ := wordSet("c a z a")
	if !OverlapReaches(a, b, 3) || OverlapReaches(a, b, 4) {
		t.Errorf("overlap of %v and %v is not 3 (a twice and c)", a, b)
	}
	if x, _ := wordSet("x"); OverlapReaches(a, x, 1) || !OverlapReaches(a, x, 0) {
		t.Errorf("overlap with a disjoint set is not 0")
	}
	if !OverlapReaches([]uint32{1, 5, 9}, []uint32{2, 5, 9}, 2) || OverlapReaches([]uint32{1, 5, 9}, []uint32{2, 5, 9}, 3) {
		t.Error("overlap of [1 5 9] and [2 5 9] is not 2")
	}
	if OverlapNeed(0.9, 20) != 10 || OverlapNeed(0.5, 7) != 2 {
		t.Errorf("OverlapNeed(0.9, 20) = %d, OverlapNeed(0.5, 7) = %d; want 10, 2", OverlapNeed(0.9, 20), OverlapNeed(0.5, 7))
	}
}

func TestWordDiff(t *testing.T) {
	ops, common := WordDiff("Designs, builds and operates the platform", "designs builds and runs the cloud platform")
	want := []lint.DiffOp{
		{Op: lint.DiffEqual, Text: "designs builds and "},
		{Op: lint.DiffDelete, Text: "operates"},
		{Op: lint.DiffInsert, Text: "runs"},
		{Op: lint.DiffEqual, Text: " the "},
		{Op: lint.DiffInsert, Text: "cloud"},
		{Op: lint.DiffEqual, Text: " platform"},
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
	if got := Similarity("Designs, builds and operates the platform", "designs builds and runs the cloud platform"); got != 10.0/13 {
		t.Errorf("similarity = %v, want %v", got, 10.0/13)
	}
	if got := Similarity("a b c", "A, B; C."); got != 1 {
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
		h, ok := KeyHash(s)
		want := Normal(s)
		if ok != (want != "") || ok && h != Hash64(want) {
			t.Errorf("KeyHash(%q) = %#x, %v; want Hash64(%q)", s, h, ok, want)
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

// normalRef is the normal form written the plain way, rune by rune, as
// the specification reads: what walk must agree with.
func normalRef(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		r, kind := keyRuneSlow(r)
		switch kind {
		case dropRune:
		case sepRune:
			space = b.Len() > 0
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// FuzzNormal checks the one walk that Normal and the hashes share against
// the plain definition.
func FuzzNormal(f *testing.F) {
	for _, s := range []string{"  Designs,   builds — and OPERATES.  ", "CI/CD (Jenkins); don't", "a\u00a0b", "x'y", "plain", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Normal(s), normalRef(s); got != want {
			t.Fatalf("Normal(%q) = %q, want %q", s, got, want)
		}
	})
}

// benchText is a responsibility of the example profiles, ten times over.
var benchText = strings.Repeat("Designs, builds and operates the cloud platform (AWS/Azure) that software teams build on. ", 10)

// BenchmarkNormal and the hashes: what each text of a profile costs.
//
//	go test -run '^$' -bench . -benchmem ./rules/internal/text
func BenchmarkNormal(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		Normal(benchText)
	}
}

func BenchmarkKeyHash(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		KeyHash(benchText)
	}
}

func BenchmarkHashes(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	var words []uint64
	for b.Loop() {
		_, _, words = Hashes(benchText, words[:0])
	}
}

// BenchmarkKeyRune is the ASCII table against the classification it
// stands for, over the runes of a text.
func BenchmarkKeyRune(b *testing.B) {
	for name, classify := range map[string]func(rune) (rune, int){"table": keyRune, "slow": keyRuneSlow} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(benchText)))
			n := 0
			for b.Loop() {
				for _, r := range benchText {
					_, k := classify(r)
					n += k
				}
			}
		})
	}
}

func BenchmarkMultiset(b *testing.B) {
	_, _, hs := Hashes(benchText, nil)
	for b.Loop() {
		Multiset(hs)
	}
}

// BenchmarkOverlapReaches: "reached" counts the whole overlap; "hopeless"
// asks for more than the lists can share, which the early exit answers
// after a few members.
func BenchmarkOverlapReaches(b *testing.B) {
	_, _, ha := Hashes(benchText, nil)
	_, _, hb := Hashes(strings.ReplaceAll(benchText, "cloud", "shared"), nil)
	x, y := Multiset(ha), Multiset(hb)
	for name, need := range map[string]int{"reached": len(x) - 10, "hopeless": len(x) + 1} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				OverlapReaches(x, y, need)
			}
		})
	}
}

// lcsSimilarity is 2·M/(|a|+|b|) by the textbook dynamic programme.
func lcsSimilarity(a, b []uint32) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return 2 * float64(prev[len(b)]) / float64(len(a)+len(b))
}

func FuzzSimilarAbove(f *testing.F) {
	f.Add([]byte("abcde"), []byte("abxde"), uint8(80))
	f.Add([]byte(""), []byte("a"), uint8(0))
	f.Add([]byte("aaaa"), []byte("aaaa"), uint8(99))
	f.Fuzz(func(t *testing.T, x, y []byte, pct uint8) {
		if len(x) > 200 || len(y) > 200 {
			return
		}
		words := func(b []byte) []uint32 {
			w := make([]uint32, len(b))
			for i, c := range b {
				w[i] = uint32(c % 8)
			}
			return w
		}
		a, b := words(x), words(y)
		th := float64(pct%100) / 100
		want := lcsSimilarity(a, b)
		s, ok := SimilarAbove(a, b, th)
		if ok != (want > th) {
			t.Fatalf("SimilarAbove(%v, %v, %v) = %v, %v; similarity %v", a, b, th, s, ok, want)
		}
		if ok && s != want {
			t.Fatalf("SimilarAbove(%v, %v, %v) = %v; want %v", a, b, th, s, want)
		}
	})
}

// BenchmarkSimilarAbove: two texts that differ in half their words, asked
// whether they pass 0.9 (the cut-off stops early) and 0 (the whole edit
// distance is computed).
func BenchmarkSimilarAbove(b *testing.B) {
	_, _, ha := Hashes(benchText, nil)
	_, _, hb := Hashes(strings.NewReplacer("cloud", "x", "the", "y", "and", "z", "teams", "w").Replace(benchText), nil)
	cut := func(hs []uint64) []uint32 {
		out := make([]uint32, len(hs))
		for i, h := range hs {
			out[i] = uint32(h)
		}
		return out
	}
	x, y := cut(ha), cut(hb)
	for name, t := range map[string]float64{"cut-0.9": 0.9, "full-0": 0} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				SimilarAbove(x, y, t)
			}
		})
	}
}
