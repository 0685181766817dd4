package rules

import (
	"strings"
	"testing"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// lvDefault is how level-order names the default professional ladder.
const lvDefault = "the professional ladder (P1 … P7, the default; list your levels under ladders.professional in .profilelint.yaml)"

const (
	lvRespP4 = "  - level: P4\n    items: [Leads multi-system platform designs, Sets technical standards for the team, Coordinates incident response]\n"
	lvRespP5 = "  - level: P5\n    items: [Defines standards adopted by several teams, Leads platform strategy for availability, Partners with product leaders on requirements]\n"
)

func TestLevelOrderSwapped(t *testing.T) {
	src := docExample(lvRespP4+lvRespP5, lvRespP5+lvRespP4)
	fs := lintOne(t, "p.yaml", src, LevelOrder)
	lvWant(t, fs, "22:12 error level-order: P4 is listed after P5; levels go lowest first in "+lvDefault)
	if len(fs) != 1 {
		return
	}
	f := fs[0]
	if f.Pointer != "/responsibilities/4/level" {
		t.Errorf("pointer = %s", f.Pointer)
	}
	if len(f.Related) != 1 || f.Related[0].Line != 20 || f.Related[0].Column != 12 {
		t.Errorf("related = %+v, want P5 at 20:12", f.Related)
	}
	if len(f.Fixes) != 1 {
		t.Fatalf("fixes = %+v, want one", f.Fixes)
	}
	if got := lvApply(t, src, f.Fixes[0].Edits); got != docProfile {
		t.Errorf("the fix gives:\n%s", got)
	}
}

// The longest run in order is kept: one level moved to the front is one
// finding, not six.
func TestLevelOrderOneMovedLevel(t *testing.T) {
	p7 := "  - {level: P7, experience: {min: 20}}\n"
	src := docExample(p7, "", "level_guidelines:\n", "level_guidelines:\n"+p7)
	fs := lintOne(t, "p.yaml", src, LevelOrder)
	lvWant(t, fs, "29:13 error level-order: P7 is listed before P1; levels go lowest first in "+lvDefault)
	if len(fs) == 1 && len(fs[0].Fixes) == 1 {
		if got := lvApply(t, src, fs[0].Fixes[0].Edits); got != docProfile {
			t.Errorf("the fix gives:\n%s", got)
		}
	}
}

func TestLevelOrderMissingAndRepeated(t *testing.T) {
	src := docExample(
		"  - {level: P7, experience: {min: 20}}\n", "",
		"  - {level: P3, experience: {min: 5}}\n", "  - {level: P2, experience: {min: 5}}\n",
	)
	fs := lintOne(t, "p.yaml", src, LevelOrder)
	lvWant(t, fs,
		"29:3 error level-order: level P3 is missing from level_guidelines, which lists every level of "+lvDefault,
		"29:3 error level-order: level P7 is missing from level_guidelines, which lists every level of "+lvDefault,
		"31:13 error level-order: P2 is listed twice in level_guidelines (first at 30:13)",
	)
	for _, f := range fs {
		if len(f.Fixes) > 0 {
			t.Errorf("%s: a fix where the order is not the only fault", f)
		}
		if strings.Contains(f.Message, "twice") && (len(f.Related) != 1 || f.Related[0].Line != 30) {
			t.Errorf("related = %+v, want the first P2 at 30:13", f.Related)
		}
		if strings.Contains(f.Message, "P3 is missing") && (len(f.Related) != 1 || f.Related[0].Pointer != "/responsibilities/2/level") {
			t.Errorf("related = %+v, want P3 in responsibilities", f.Related)
		}
	}
}

// A level outside a configured ladder is an error that names the key.
func TestLevelOrderNotInLadder(t *testing.T) {
	src := docExample("  code: P4\n", "  code: P8\n", "- level: P7\n", "- level: P8\n")
	cfg := lint.Config{Ladders: map[string]profiles.Ladder{"professional": profiles.DefaultLadders["professional"]}}
	configured := "the professional ladder (P1 … P7, set by ladders.professional in .profilelint.yaml)"
	lvWant(t, lintFilesConfig(t, cfg, map[string]string{"p.yaml": src}, LevelOrder),
		"9:9 error level-order: level P8 is not in "+configured,
		"14:3 error level-order: level P7 is missing from responsibilities, which lists every level of "+configured,
		"26:12 error level-order: level P8 is not in "+configured,
	)
}

// A configured ladder replaces the default one: the same file is clean
// on a ladder that has its levels, and wrong on one that does not.
func TestLevelOrderConfiguredLadder(t *testing.T) {
	cfg := lint.Config{Ladders: map[string]profiles.Ladder{"professional": {"P1", "P2", "P3", "P4", "P5", "P6"}}}
	src := docExample(
		"  - level: P7\n    items: [Sets company-wide platform strategy, Advises executives on technology risk, Shapes industry practice through open standards]\n", "",
		"  - {level: P7, experience: {min: 20}}\n", "")
	fs := lintFilesConfig(t, cfg, map[string]string{"p.yaml": src}, LevelOrder)
	lvWant(t, fs)
	// On the default ladder (P1 … P7), a focus may stop at P6: its file
	// lists a run of the ladder. Its sibling that lists P7 shows the file
	// lacks it.
	lvWant(t, lintOne(t, "p.yaml", src, LevelOrder))
	sibling := strings.Replace(docProfile, "id: INFRAS.PLATFORM.P4", "id: INFRAS.PLATFORM.P5", 1)
	fs = lintFilesConfig(t, lint.Config{}, map[string]string{"p.yaml": src, "q.yaml": sibling}, LevelOrder)
	if len(fs) != 1 || fs[0].File != "p.yaml" || !strings.HasPrefix(fs[0].Message, "level P7 is missing from this file but listed by its siblings") {
		t.Fatalf("findings %+v", fs)
	}
}

// A file lists a run of its ladder, its own level included: a level inside
// the run is missing, one past its ends is not.
func TestLevelOrderRun(t *testing.T) {
	cfg := lint.Config{Ladders: map[string]profiles.Ladder{"professional": {"IC1", "IC2", "IC3", "IC4", "IC5", "IC6"}}}
	src := "schema: profile/v1\nlevel: {code: IC4}\nresponsibilities:\n  - {level: IC2, items: [a]}\n  - {level: IC3, items: [b]}\n  - {level: IC5, items: [c]}\n"
	fs := lintFilesConfig(t, cfg, map[string]string{"p.yaml": src}, LevelOrder)
	lvWant(t, fs, "4:3 error level-order: level IC4 is missing from responsibilities, which lists every level of the professional ladder (IC1 … IC6, set by ladders.professional in .profilelint.yaml)")
	own := strings.Replace(src, "level: {code: IC4}", "level: {code: IC6}", 1)
	own = strings.Replace(own, "IC5, items: [c]}", "IC4, items: [c]}", 1)
	fs = lintFilesConfig(t, cfg, map[string]string{"p.yaml": own}, LevelOrder)
	lvWant(t, fs, "4:3 error level-order: level IC5 is missing from responsibilities, which lists every level of the professional ladder (IC1 … IC6, set by ladders.professional in .profilelint.yaml)",
		"4:3 error level-order: level IC6 is missing from responsibilities, which lists every level of the professional ladder (IC1 … IC6, set by ladders.professional in .profilelint.yaml)")
}

// A block list with comments is reordered entry by entry: each entry takes
// the comments right above it, blank lines stay where they were.
func TestLevelOrderFixKeepsComments(t *testing.T) {
	head := "schema: profile/v1\nlevel: {code: P2, name: Junior}\nlevel_guidelines:\n"
	rows := map[string]string{
		"P1": "  # entry level\n  - level: P1\n    experience: {min: 0}   # new graduates\n",
		"P2": "  - level: P2\n    experience:\n      min: 2\n",
		"P3": "  # needs a degree\n  # or equivalent\n  - level: P3\n    experience: {min: 5}\n",
	}
	tail := "  # P4 and up: see the senior rubric\nskills: []\n"
	build := func(a, b, c string) string {
		return head + rows[a] + "\n" + rows[b] + "\n" + rows[c] + tail
	}
	ladder := lint.Config{Ladders: map[string]profiles.Ladder{"": {"P1", "P2", "P3"}}}
	src := build("P3", "P1", "P2")
	fs := only(lintFilesConfig(t, ladder, map[string]string{"p.yaml": src}, LevelOrder), LevelOrder.ID)
	lvWant(t, fs, "6:12 error level-order: P3 is listed before P1; levels go lowest first in the professional ladder (P1 … P3, set by ladders.professional in .profilelint.yaml)")
	if len(fs) != 1 || len(fs[0].Fixes) != 1 {
		t.Fatalf("want one finding with a fix, got %+v", fs)
	}
	if got, want := lvApply(t, src, fs[0].Fixes[0].Edits), build("P1", "P2", "P3"); got != want {
		t.Errorf("the fix gives:\n%s\nwant:\n%s", got, want)
	}
}

// A flow list is reported but not rewritten.
func TestLevelOrderFlowListHasNoFix(t *testing.T) {
	src := "schema: profile/v1\nlevel_guidelines: [{level: P2, experience: {min: 2}}, {level: P1, experience: {min: 0}}]\n"
	cfg := lint.Config{Ladders: map[string]profiles.Ladder{"": {"P1", "P2"}}}
	fs := lintFilesConfig(t, cfg, map[string]string{"p.yaml": src}, LevelOrder)
	lvWant(t, fs, "2:63 error level-order: P1 is listed after P2; levels go lowest first in the professional ladder (P1, P2, set by ladders.professional in .profilelint.yaml)")
	if len(fs) == 1 && len(fs[0].Fixes) != 0 {
		t.Errorf("a fix for a flow list: %+v", fs[0].Fixes)
	}
}
