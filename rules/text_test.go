package rules

import (
	"testing"

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

func TestShingles(t *testing.T) {
	// Repeated shingles are numbered, so the set keeps the multiset.
	if got := len(shingles([]string{"a", "b", "a", "b"}, 1)); got != 4 {
		t.Errorf("1-shingles of a b a b: %d, want 4", got)
	}
	if got := len(shingles([]string{"a", "b", "a", "b"}, 2)); got != 3 {
		t.Errorf("2-shingles of a b a b: %d, want 3", got)
	}
	if got := len(shingles([]string{"a"}, 2)); got != 1 {
		t.Errorf("2-shingles of one word: %d, want 1", got)
	}
	if hash64("abc") != 0xe71fa2190541574b {
		t.Errorf("hash64 is not FNV-1a: %#x", hash64("abc"))
	}
}

func TestOverlap(t *testing.T) {
	a := shingles([]string{"a", "b", "c", "a"}, 1)
	b := shingles([]string{"c", "a", "z", "a"}, 1)
	if got := overlap(a, b); got != 3 {
		t.Errorf("overlap = %d, want 3 (a twice and c)", got)
	}
	if got := overlap(a, shingles([]string{"x"}, 1)); got != 0 {
		t.Errorf("overlap with a disjoint set = %d, want 0", got)
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
