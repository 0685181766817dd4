package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// repeatsProfile is a profile of focus INFRAS.PLATFORM at level own whose
// responsibilities are levels, lowest first: each level a list of texts.
func repeatsProfile(own string, levels [][]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "schema: profile/v1\nid: INFRAS.PLATFORM.%s\nfunction: {code: INFRAS}\nfocus: {code: PLATFORM}\nlevel: {code: %s}\nresponsibilities:\n", own, own)
	for i, texts := range levels {
		fmt.Fprintf(&b, "  - level: P%d\n    items:\n", i+1)
		for _, s := range texts {
			b.WriteString("      - " + yamlQuote(s) + "\n")
		}
	}
	return b.String()
}

// texts returns n distinct texts named after a level.
func texts(level string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("Owns duty %d of level %s across the platform", i+1, level)
	}
	return out
}

// repeatsLadder is P1 … P7 with texts of their own, but for P5, which
// repeats copies of P4's texts and has rest of its own.
func repeatsLadder(copies, rest int) [][]string {
	var levels [][]string
	for i := 1; i <= 7; i++ {
		levels = append(levels, texts(fmt.Sprint("P", i), 6))
	}
	p5 := slices.Clone(levels[3][:copies])
	if copies > 0 {
		// Copies in another case and punctuation are copies still.
		p5[0] = strings.ToUpper(p5[0]) + "."
	}
	levels[4] = append(p5, texts("P5", rest)...)
	return levels
}

func TestLevelRepeats(t *testing.T) {
	src := repeatsProfile("P5", repeatsLadder(5, 1))
	fs := lintOne(t, "INFRAS.PLATFORM.P5.yaml", src, LevelRepeats)
	got := expectAt(t, fs, "level-repeats", "INFRAS.PLATFORM.P5.yaml:39:5 level-repeats")
	if len(got) != 1 {
		return
	}
	f := got[0]
	if want := "P5 repeats 5 of its 6 responsibilities (83 %) from P4"; f.Message != want || f.Severity != lint.Warning {
		t.Errorf("got %s %q, want warning %q", f.Severity, f.Message, want)
	}
	if f.Pointer != "/responsibilities/4" {
		t.Errorf("pointer %s", f.Pointer)
	}
	if len(f.Related) != 5 || f.Related[0].Line != 41 || f.Related[0].Message != "repeated from P4" {
		t.Errorf("related %v, want the 5 copies from line 41", f.Related)
	}
}

// The share and the count are thresholds; half is not most.
func TestLevelRepeatsThresholds(t *testing.T) {
	for _, c := range []struct {
		name         string
		copies, rest int
		opts         map[string]any
		want         string
	}{
		{"half is not most", 3, 3, nil, ""},
		{"just over half", 4, 3, nil, "P5 repeats 4 of its 7 responsibilities (57 %) from P4"},
		{"share raised", 4, 3, map[string]any{"share": 0.7}, ""},
		{"the lower level, when the higher has more of its own", 4, 3, map[string]any{"share": 0.6}, "P4 repeats 4 of its 6 responsibilities (67 %) from P5"},
		{"too few copies", 2, 1, nil, ""},
		{"fewer allowed", 2, 1, map[string]any{"min_repeated": 2}, "P5 repeats 2 of its 3 responsibilities (67 %) from P4"},
		{"all, and the cap", 6, 0, nil, "P5 repeats 6 of its 6 responsibilities (100 %) from P4; the first 5 copies are listed, 1 more"},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := lint.Config{Options: map[string]map[string]any{"level-repeats": c.opts}}
			fs := lintFilesConfig(t, cfg, map[string]string{"p.yaml": repeatsProfile("P5", repeatsLadder(c.copies, c.rest))}, LevelRepeats)
			switch {
			case c.want == "" && len(fs) > 0:
				t.Errorf("unexpected %v", fs)
			case c.want != "" && (len(fs) != 1 || fs[0].Message != c.want):
				t.Errorf("got %v, want %q", fs, c.want)
			}
		})
	}
}

// Of a pair, the higher level is the copy when it repeats enough: the
// lowest level, most of whose texts the next one holds among many of its
// own, is reported from above, and a pair of copies is one finding.
func TestLevelRepeatsPair(t *testing.T) {
	levels := repeatsLadder(0, 6)
	levels[1] = append(slices.Clone(levels[0][:4]), texts("P2", 6)...) // P1 is 4 of 6 in P2's 10
	fs := lintOne(t, "p.yaml", repeatsProfile("P3", levels), LevelRepeats)
	if len(fs) != 1 || fs[0].Message != "P1 repeats 4 of its 6 responsibilities (67 %) from P2" {
		t.Errorf("got %v, want P1 from P2", fs)
	}
	levels = repeatsLadder(0, 6)
	levels[4] = slices.Clone(levels[3]) // P5 is P4, and P4 is P5
	fs = lintOne(t, "p.yaml", repeatsProfile("P3", levels), LevelRepeats)
	if len(fs) != 1 || !strings.HasPrefix(fs[0].Message, "P5 repeats 6 of its 6 responsibilities (100 %) from P4") {
		t.Errorf("got %v, want one finding at P5, the higher", fs)
	}
}

// Siblings carry the same ladder: the level is reported once, in the
// sibling whose own level it is, naming the others; without that sibling,
// in the first by name; another focus is judged on its own.
func TestLevelRepeatsSiblings(t *testing.T) {
	ladder := repeatsLadder(5, 1)
	files := map[string]string{}
	for _, own := range []string{"P3", "P4", "P5", "P6"} {
		files["INFRAS.PLATFORM."+own+".yaml"] = repeatsProfile(own, ladder)
	}
	fs := lintFiles(t, files, LevelRepeats)
	got := expectAt(t, fs, "level-repeats", "INFRAS.PLATFORM.P5.yaml:39:5 level-repeats")
	if len(got) == 1 && !strings.HasSuffix(got[0].Message, "also in INFRAS.PLATFORM.P3.yaml, INFRAS.PLATFORM.P4.yaml and INFRAS.PLATFORM.P6.yaml") {
		t.Errorf("message %q does not name the other siblings", got[0].Message)
	}
	delete(files, "INFRAS.PLATFORM.P5.yaml")
	expectAt(t, lintFiles(t, files, LevelRepeats), "level-repeats", "INFRAS.PLATFORM.P3.yaml:39:5 level-repeats")

	other := strings.ReplaceAll(repeatsProfile("P4", ladder), "focus: {code: PLATFORM}", "focus: {code: SRE}")
	files["INFRAS.SRE.P4.yaml"] = strings.ReplaceAll(other, "INFRAS.PLATFORM.", "INFRAS.SRE.")
	expectAt(t, lintFiles(t, files, LevelRepeats), "level-repeats",
		"INFRAS.PLATFORM.P3.yaml:39:5 level-repeats", "INFRAS.SRE.P4.yaml:39:5 level-repeats")

	// A sibling whose section differs (it drifted) has a finding of its own.
	files = map[string]string{
		"INFRAS.PLATFORM.P4.yaml": repeatsProfile("P4", ladder),
		"INFRAS.PLATFORM.P5.yaml": repeatsProfile("P5", repeatsLadder(4, 2)),
	}
	expectAt(t, lintFiles(t, files, LevelRepeats), "level-repeats",
		"INFRAS.PLATFORM.P4.yaml:39:5 level-repeats", "INFRAS.PLATFORM.P5.yaml:39:5 level-repeats")
}

// Levels of one band share expectations: their copies are no finding.
func TestLevelRepeatsBands(t *testing.T) {
	file, err := profiles.Parse("p.yaml", []byte(repeatsProfile("P5", repeatsLadder(5, 1))))
	if err != nil {
		t.Fatal(err)
	}
	p := lint.NewPass(LevelRepeats, file)
	if f := collectRepeats(p); len(f.Repeats) != 1 {
		t.Fatalf("without bands: %+v, want P5", f.Repeats)
	}
	p.Bands = profiles.Bands{{"P4", "P5"}}
	if f := collectRepeats(p); len(f.Repeats) != 0 {
		t.Errorf("P4 and P5 in one band: %+v, want none", f.Repeats)
	}
}

// Near misses: a shared core that is less than half, texts that differ by
// more than case and punctuation, and levels that are not neighbours.
func TestLevelRepeatsNearMisses(t *testing.T) {
	levels := repeatsLadder(0, 6)
	core := "Lives the company values in every decision"
	for i := range levels {
		levels[i] = append(levels[i], core) // one line at every level
	}
	levels[4] = append(levels[4], levels[2][:4]...) // P5 repeats P3, not a neighbour
	for i, s := range levels[3][:4] {
		levels[5][i] = s + " for several teams" // P6 words P4's duties one step up
	}
	if fs := lintOne(t, "p.yaml", repeatsProfile("P5", levels), LevelRepeats); len(fs) > 0 {
		t.Errorf("unexpected %v", fs)
	}
}

// A line that points back at the level before ("everything in the
// previous level") is the form of a cumulative ladder, not a repeated
// expectation: it does not count toward the share.
func TestLevelRepeatsReferenceLines(t *testing.T) {
	const back = "Everything in the previous level, plus the following"
	levels := repeatsLadder(2, 1)
	levels[3] = append([]string{back}, levels[3]...)
	levels[4] = append([]string{back}, levels[4]...) // 3 of 4 alike, 2 of 3 without the line
	src := repeatsProfile("P5", levels)
	if fs := only(lintOne(t, "INFRAS.PLATFORM.P5.yaml", src, LevelRepeats), "level-repeats"); len(fs) != 0 {
		t.Errorf("a reference line counted as a repeated responsibility: %v", fs)
	}
	// The same line as an expectation of its own is a copy.
	levels[3][0], levels[4][0] = "Owns the on-call rota of the platform", "Owns the on-call rota of the platform"
	src = repeatsProfile("P5", levels)
	if fs := only(lintOne(t, "INFRAS.PLATFORM.P5.yaml", src, LevelRepeats), "level-repeats"); len(fs) != 1 {
		t.Errorf("three copies of four: %v", fs)
	}
}
