package rules

import (
	"regexp"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

var docLevel = regexp.MustCompile(`\bP([1-7])\b`)

// icProfile is docProfile on a framework's own codes, IC1 … IC7, at
// level ICn, with each old text replaced by the new one after it.
func icProfile(n string, oldNew ...string) string {
	src := docExample(oldNew...)
	src = strings.Replace(src, "code: P4", "code: P"+n, 1)
	src = strings.Replace(src, "PLATFORM.P4", "PLATFORM.P"+n, 1)
	return docLevel.ReplaceAllString(src, "IC$1")
}

// namedProfile is docProfile on named levels that no number orders.
func namedProfile(levels ...string) string {
	src := docProfile
	for i, l := range levels {
		src = regexp.MustCompile(`\bP`+string(rune('1'+i))+`\b`).ReplaceAllString(src, l)
	}
	return src
}

var icNames = []string{"JUNIOR", "MID", "SENIOR", "LEAD", "STAFF", "PRINC", "DISTING"}

// A consistent ladder whose codes are not P1 … P7, with no configuration:
// no level-order error, and one info for the track that names the
// inferred ladder and the line that pins it. Pinned, the info is gone.
func TestLevelOrderInferredLadder(t *testing.T) {
	files := map[string]string{"a/IC3.yaml": icProfile("3"), "a/IC4.yaml": icProfile("4"), "b/IC5.yaml": icProfile("5")}
	fs := only(lintFiles(t, files, LevelOrder), LevelOrder.ID)
	if len(fs) != 1 || fs[0].Severity != lint.Info {
		t.Fatalf("want one info, got %v", fs)
	}
	for _, want := range []string{"the ladder IC1 … IC7 was inferred from 3 profiles", "ladders: {professional: [IC1, IC2, IC3, IC4, IC5, IC6, IC7]}"} {
		if !strings.Contains(fs[0].Message, want) {
			t.Errorf("the info lacks %q: %s", want, fs[0].Message)
		}
	}
	if fs[0].File != "a/IC3.yaml" || fs[0].Pointer != "/responsibilities" {
		t.Errorf("the info is at %s %s, want the first file's responsibilities", fs[0].File, fs[0].Pointer)
	}
	pinned := lint.Config{Ladders: map[string]profiles.Ladder{"professional": {"IC1", "IC2", "IC3", "IC4", "IC5", "IC6", "IC7"}}}
	if fs := lintFilesConfig(t, pinned, files, LevelOrder); len(fs) != 0 {
		t.Errorf("pinned: %v", fs)
	}
}

// Numbered codes are ordered by their numbers, so a file that lists IC5
// before IC4 is out of order though nothing is configured; the message
// says where the ladder came from.
func TestLevelOrderInferredByNumber(t *testing.T) {
	src := icProfile("4", lvRespP4+lvRespP5, lvRespP5+lvRespP4)
	fs := only(lintOne(t, "p.yaml", src, LevelOrder), LevelOrder.ID)
	lvWant(t, fs,
		"14:3 info level-order: no ladder is configured for the professional track and its profiles' levels are not the default P1 … P7: the ladder IC1 … IC7 was inferred from 1 profile, and the ladder rules judge the track on it; to pin it, put this line in .profilelint.yaml: ladders: {professional: [IC1, IC2, IC3, IC4, IC5, IC6, IC7]}",
		"22:12 error level-order: IC4 is listed after IC5; levels go lowest first in the professional ladder (IC1 … IC7, inferred from this file's levels by their numbers; pin it under ladders.professional in .profilelint.yaml)",
	)
}

// Named levels are in the order the files list them: a sibling that
// swaps two is wrong against the others, and is the one reported.
func TestLevelOrderSwappedSibling(t *testing.T) {
	swapped := slicesSwap(icNames, 2, 3)
	files := map[string]string{
		"a.yaml": namedProfile(icNames...),
		"b.yaml": namedProfile(icNames...),
		"c.yaml": namedProfile(swapped...),
	}
	fs := only(lintFiles(t, files, LevelOrder), LevelOrder.ID)
	var errs []lint.Finding
	for _, f := range fs {
		if f.Severity == lint.Error {
			errs = append(errs, f)
		}
	}
	if len(errs) != 1 || errs[0].File != "c.yaml" {
		t.Fatalf("want one error in c.yaml, got %v", fs)
	}
	e := errs[0]
	for _, want := range []string{"LEAD is listed before SENIOR", "2 other profiles of the professional track list SENIOR first (their order: JUNIOR MID SENIOR LEAD STAFF PRINC DISTING)", "ladders.professional"} {
		if !strings.Contains(e.Message, want) {
			t.Errorf("the error lacks %q: %s", want, e.Message)
		}
	}
	if e.Pointer != "/responsibilities/2/level" || len(e.Related) != 1 || e.Related[0].File != "a.yaml" {
		t.Errorf("at %s, related %+v; want c.yaml's LEAD and a.yaml's SENIOR", e.Pointer, e.Related)
	}
	// The order of the files does not choose the culprit.
	files = map[string]string{"a.yaml": namedProfile(swapped...), "b.yaml": namedProfile(icNames...), "c.yaml": namedProfile(icNames...)}
	for _, f := range only(lintFiles(t, files, LevelOrder), LevelOrder.ID) {
		if f.Severity == lint.Error && f.File != "a.yaml" {
			t.Errorf("error in a file in order: %s", f)
		}
	}
}

func slicesSwap(s []string, i, j int) []string {
	out := append([]string(nil), s...)
	out[i], out[j] = out[j], out[i]
	return out
}

// A file that lacks a level its siblings list is reported once, naming
// the levels; a focus whose ladder starts higher is not compared with
// another focus.
func TestLevelOrderMissingAgainstSiblings(t *testing.T) {
	drop := func(src string) string {
		src = strings.Replace(src, "  - level: IC7\n    items: [Sets company-wide platform strategy, Advises executives on technology risk, Shapes industry practice through open standards]\n", "", 1)
		return strings.Replace(src, "  - {level: IC7, experience: {min: 20}}\n", "", 1)
	}
	otherFocus := func(src string) string {
		return strings.ReplaceAll(strings.ReplaceAll(src, "code: PLATFORM", "code: DATA"), "PLATFORM.", "DATA.")
	}
	files := map[string]string{
		"a.yaml": icProfile("3"), "b.yaml": icProfile("4"), "c.yaml": drop(icProfile("5")),
		// Another focus whose ladder stops at IC6: not a defect.
		"d.yaml": otherFocus(drop(icProfile("3"))), "e.yaml": otherFocus(drop(icProfile("4"))),
	}
	var errs []string
	for _, f := range only(lintFiles(t, files, LevelOrder), LevelOrder.ID) {
		if f.Severity == lint.Error {
			errs = append(errs, f.File+" "+f.Message)
		}
	}
	want := "c.yaml level IC7 is missing from this file but listed by its siblings, the other 2 profiles of focus INFRAS.PLATFORM (their ladder: IC1 … IC7); every profile of a focus lists the whole ladder"
	if len(errs) != 1 || errs[0] != want {
		t.Errorf("got %q\nwant %q", errs, want)
	}
}

// The FT people-manager track: track management on P1 … P6, which the
// management default (M1 … M6) does not hold. No level-order error.
func TestLevelOrderManagementOnPCodes(t *testing.T) {
	src := strings.Replace(docProfile, "track: professional", "track: management", 1)
	src = strings.Replace(src, "  - level: P7\n    items: [Sets company-wide platform strategy, Advises executives on technology risk, Shapes industry practice through open standards]\n", "", 1)
	src = strings.Replace(src, "  - {level: P7, experience: {min: 20}}\n", "", 1)
	fs := only(lintOne(t, "p.yaml", src, LevelOrder), LevelOrder.ID)
	if len(fs) != 1 || fs[0].Severity != lint.Info || !strings.Contains(fs[0].Message, "ladders: {management: [P1, P2, P3, P4, P5, P6]}") {
		t.Errorf("want one info pinning management to P1 … P6, got %v", fs)
	}
}

// The ladder rules judge a file on its inferred ladder: falling years on
// IC1 … IC7, and executive wording at IC1, are found without configuration.
func TestInferredLadderJudged(t *testing.T) {
	falling := icProfile("4", "  - {level: P4, experience: {min: 8}}\n", "  - {level: P4, experience: {min: 4}}\n")
	fs := only(lintOne(t, "p.yaml", falling, ExperienceMonotonic), ExperienceMonotonic.ID)
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "IC4 requires 4+ years, fewer than IC3's 5+") {
		t.Errorf("experience-monotonic on IC1 … IC7: %v", fs)
	}
	board := icProfile("4", "Updates runbooks after incidents", "Presents incident reviews to the board of directors")
	fs = only(lintOne(t, "p.yaml", board, LevelWording), LevelWording.ID)
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "executive wording for IC1") {
		t.Errorf("level-wording on IC1 … IC7: %v", fs)
	}
}

// mergeLadders follows the majority of the files, whatever their order,
// and places levels no file orders by their first appearance.
func TestMergeLadders(t *testing.T) {
	for _, tc := range []struct {
		orders [][]string
		want   string
	}{
		{[][]string{{"A", "B", "C"}, {"A", "C", "B"}, {"A", "B", "C"}}, "A B C"},
		{[][]string{{"A", "C", "B"}, {"A", "B", "C"}, {"A", "B", "C"}}, "A B C"},
		{[][]string{{"B", "C"}, {"A", "B"}}, "A B C"},
		{[][]string{{"X", "Y"}, {"A", "B"}}, "X Y A B"},
		{[][]string{{"A", "B"}, {"B", "A"}}, "A B"},
	} {
		got, ok := mergeLadders(tc.orders)
		if !ok || strings.Join(got, " ") != tc.want {
			t.Errorf("mergeLadders(%v) = %v, want %s", tc.orders, got, tc.want)
		}
	}
}
