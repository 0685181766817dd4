package rules

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// ladderProfile writes a profile of focus fn.fo whose own level is own,
// on track (none when empty), with responsibilities (level → items) and
// rubric rows (level → knowledge).
func ladderProfile(fn, fo, own, track string, resps [][2]string, rubric [][2]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "schema: profile/v1\nid: %s.%s.%s\n", fn, fo, own)
	if track != "" {
		fmt.Fprintf(&b, "track: %s\n", track)
	}
	fmt.Fprintf(&b, "function: {code: %s}\nfocus: {code: %s}\nlevel: {code: %s}\nresponsibilities:\n", fn, fo, own)
	for _, r := range resps {
		fmt.Fprintf(&b, "  - level: %s\n    items:\n      - %s\n", r[0], r[1])
	}
	if len(rubric) > 0 {
		b.WriteString("level_guidelines:\n")
		for _, r := range rubric {
			fmt.Fprintf(&b, "  - level: %s\n    knowledge: %s\n", r[0], r[1])
		}
	}
	return b.String()
}

const values = "Lives the company values and holds others to them in everyday work"

// A text at one level of each of two ladders is no copy: the levels of
// two ladders have no order between them, and values shared by the IC and
// manager tracks are normal.
func TestDuplicateAcrossLaddersApart(t *testing.T) {
	// Compared across focuses, so that only the ladders keep them apart.
	cfg := lint.Config{Options: acrossFocuses.Options, Ladders: map[string]lint.Ladder{
		"professional": {"IC1", "IC2", "IC3", "IC4", "IC5"},
		"management":   {"M1", "M2", "M3"},
	}}
	files := map[string]string{
		"ENG.BACKEND.IC5.yaml": ladderProfile("ENG", "BACKEND", "IC5", "professional", [][2]string{{"IC3", "Writes services"}, {"IC5", values}}, nil),
		"ENG.EM.M3.yaml":       ladderProfile("ENG", "EM", "M3", "management", [][2]string{{"M1", "Runs one-on-ones"}, {"M3", values}}, nil),
	}
	if fs := lintFilesConfig(t, cfg, files, DuplicateAcross); len(fs) != 0 {
		t.Errorf("a text on two ladders reported: %v", fs)
	}
	// On one ladder the same two levels are a copy.
	files["ENG.FRONTEND.IC3.yaml"] = ladderProfile("ENG", "FRONTEND", "IC3", "professional", [][2]string{{"IC3", values}}, nil)
	fs := lintFilesConfig(t, cfg, files, DuplicateAcross)
	if got := positions(fs); !reflect.DeepEqual(got, []string{"ENG.BACKEND.IC5.yaml:13:9 duplicate-across"}) {
		t.Fatalf("findings: %v", fs)
	}
	if fs[0].Related[0].File != "ENG.FRONTEND.IC3.yaml" {
		t.Errorf("related: %+v", fs[0].Related)
	}
}

// The finding is at the copy at the higher level, in the file whose own
// level it is, and its other place is the copy at the lower level: file
// names and input order change nothing.
func TestDuplicateAcrossHigherCopy(t *testing.T) {
	const resp = "Mentors engineers and coordinates project activities"
	for _, names := range [][2]string{{"A.yaml", "B.yaml"}, {"B.yaml", "A.yaml"}} {
		files := map[string]string{
			names[0]: ladderProfile("X", "LOW", "P3", "", [][2]string{{"P3", resp}}, nil),
			names[1]: ladderProfile("X", "HIGH", "P5", "", [][2]string{{"P5", resp}}, nil),
		}
		for _, order := range permutations(sortedKeys(files)) {
			fs := lintOrdered(t, acrossFocuses, files, order, DuplicateAcross)
			if len(fs) != 1 || fs[0].File != names[1] || fs[0].Related[0].File != names[0] {
				t.Errorf("names %v, order %v: %v", names, order, fs)
			}
		}
	}
}

// Every profile of a focus carries the whole ladder, so a copy between two
// levels is in each of them: it is one finding, in the profile whose own
// level is the higher copy's, naming the siblings.
func TestDuplicateAcrossOncePerFocus(t *testing.T) {
	const resp = "Mentors engineers and coordinates project activities"
	files := map[string]string{}
	for l := 1; l <= 7; l++ {
		own := fmt.Sprintf("P%d", l)
		var resps [][2]string
		for k := 1; k <= 7; k++ {
			item := fmt.Sprintf("Does the work of level %d", k)
			if k == 3 || k == 5 {
				item = resp
			}
			resps = append(resps, [2]string{fmt.Sprintf("P%d", k), item})
		}
		files["X.A."+own+".yaml"] = ladderProfile("X", "A", own, "", resps, nil)
	}
	names := sortedKeys(files)
	var first []lint.Finding
	for i, order := range [][]string{names, reversed(names), rotated(names, 3)} {
		fs := lintOrdered(t, lint.Config{}, files, order, DuplicateAcross)
		if i == 0 {
			first = fs
		} else if !reflect.DeepEqual(fs, first) {
			t.Errorf("order %v gives other findings:\n%v\n%v", order, fs, first)
		}
	}
	if len(first) != 1 {
		t.Fatalf("findings: %v", first)
	}
	f := first[0]
	want := "responsibility at P5 is also given at P3 (X.A.P5.yaml:15:9); it belongs to one level; " +
		"6 other profiles of focus X.A carry the same copy: X.A.P1.yaml, X.A.P2.yaml, X.A.P3.yaml and 3 more"
	if f.File != "X.A.P5.yaml" || f.Pointer != "/responsibilities/4/items/0" || f.Message != want {
		t.Errorf("finding %s %s: %s\nwant X.A.P5.yaml /responsibilities/4/items/0: %s", f.File, f.Pointer, f.Message, want)
	}
	var sibs []string
	for _, r := range f.Related[1:] {
		sibs = append(sibs, r.File+r.Pointer)
	}
	if want := []string{"X.A.P1.yaml/responsibilities/4/items/0", "X.A.P2.yaml/responsibilities/4/items/0", "X.A.P3.yaml/responsibilities/4/items/0"}; f.Related[0].File != "X.A.P5.yaml" || !reflect.DeepEqual(sibs, want) {
		t.Errorf("related: %+v", f.Related)
	}
	// Without the P5 profile, the first sibling by name has it.
	delete(files, "X.A.P5.yaml")
	fs := lintFiles(t, files, DuplicateAcross)
	if len(fs) != 1 || fs[0].File != "X.A.P1.yaml" || !strings.Contains(fs[0].Message, "5 other profiles") {
		t.Errorf("without the P5 profile: %v", fs)
	}
	// Linted alone (a pre-commit hook, an editor), a file still has it.
	fs = lintOne(t, "X.A.P2.yaml", files["X.A.P2.yaml"], DuplicateAcross)
	if len(fs) != 1 || fs[0].Pointer != "/responsibilities/4/items/0" || strings.Contains(fs[0].Message, "other profile") {
		t.Errorf("alone: %v", fs)
	}
}

// Rubric cells are level texts too: a cell repeated at another level, or a
// responsibility repeated as a cell of another level, is a copy; a cell
// and a responsibility of one level are duplicate-text's.
func TestDuplicateAcrossRubric(t *testing.T) {
	const k = "Applies foundational familiarity with cloud platforms to routine tasks"
	src := ladderProfile("X", "A", "P2", "", [][2]string{{"P1", "Writes scripts"}, {"P2", k}}, [][2]string{{"P1", k}, {"P2", k}, {"P3", "Knows networking well"}})
	fs := lintOne(t, "X.A.P2.yaml", src, DuplicateAcross)
	var got []string
	for _, f := range fs {
		got = append(got, f.Pointer+": "+f.Message)
	}
	// One finding for the band P2, which gives the text twice.
	want := []string{
		"/responsibilities/1/items/0: responsibility at P2 is also given at P1 as rubric knowledge (X.A.P2.yaml:15:16); it belongs to one level",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// duplicate-text leaves the levels' copies alone, and keeps the one
	// inside P2 (a responsibility and the rubric cell of one level).
	fs = lintOne(t, "X.A.P2.yaml", src, DuplicateText)
	if got := positions(fs); !reflect.DeepEqual(got, []string{"X.A.P2.yaml:17:16 duplicate-text"}) {
		t.Errorf("duplicate-text: %v", fs)
	}
}

// Levels of one band share their expectations: copies between them are
// no defect, copies between bands still are.
func TestDuplicateAcrossBands(t *testing.T) {
	const (
		shared = "Designs systems that other teams build on and reviews their designs"
		other  = "Runs the incident review and follows up on the actions"
	)
	src := ladderProfile("X", "A", "P5", "", [][2]string{{"P4", shared}, {"P5", shared}, {"P5", other}, {"P6", other}}, nil)
	file, err := profiles.Parse("X.A.P5.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	judge := func(bands profiles.Bands) []string {
		p := lint.NewPass(DuplicateAcross, file)
		p.Bands = bands
		facts := []lint.Facts{{File: file.Path, Facts: collectAcross(p)}}
		var got []string
		judgeLevels(facts, false, func(f lint.Finding) { got = append(got, f.Pointer) })
		return got
	}
	if got, want := judge(nil), []string{"/responsibilities/1/items/0", "/responsibilities/3/items/0"}; !reflect.DeepEqual(got, want) {
		t.Errorf("without bands: %v, want %v", got, want)
	}
	if got, want := judge(profiles.Bands{{"P4", "P5"}}), []string{"/responsibilities/3/items/0"}; !reflect.DeepEqual(got, want) {
		t.Errorf("with P4 and P5 in a band: %v, want %v", got, want)
	}
	if got := judge(profiles.Bands{{"P4", "P5", "P6"}}); len(got) != 0 {
		t.Errorf("with P4…P6 in a band: %v", got)
	}
}

// lintOrdered lints files given in order.
func lintOrdered(t *testing.T, cfg lint.Config, files map[string]string, order []string, rs ...*lint.Rule) []lint.Finding {
	t.Helper()
	var sources []lint.Source
	for _, name := range order {
		data := []byte(files[name])
		sources = append(sources, lint.Source{Name: name, Read: func() ([]byte, error) { return data, nil }})
	}
	cfg.Rules = rs
	return lint.Run(cfg, sources).Findings
}

func permutations(xs []string) [][]string {
	if len(xs) <= 1 {
		return [][]string{slices.Clone(xs)}
	}
	var out [][]string
	for i := range xs {
		rest := slices.Concat(xs[:i:i], xs[i+1:])
		for _, p := range permutations(rest) {
			out = append(out, append([]string{xs[i]}, p...))
		}
	}
	return out
}

func reversed(xs []string) []string {
	out := slices.Clone(xs)
	slices.Reverse(out)
	return out
}

func rotated(xs []string, n int) []string {
	return slices.Concat(xs[n:], xs[:n])
}

// Near copies between levels are warnings when what changed is no level
// step, once per focus; a level step is the ladder at work.
func TestDuplicateAcrossNearLevels(t *testing.T) {
	resps := [][2]string{
		{"P1", "I deliver some of my team's goals with guidance from my lead"},
		{"P2", "I deliver many of my team's goals with guidance from my lead"}, // a step
		{"P3", "Writes clear documentation for the services and libraries the team maintains every day"},
		{"P4", "Writes clear documentatoin for the services and libraries the team maintains every day"}, // a typo
		{"P5", "Collaborates with staff engineers on the designs of the platform"},
		{"P6", "Collaborates with staff and principal engineers on the designs of the platform"}, // a step
	}
	files := map[string]string{}
	for _, own := range []string{"P2", "P4", "P6"} {
		files["X.A."+own+".yaml"] = ladderProfile("X", "A", own, "", resps, nil)
	}
	fs := lintFiles(t, files, DuplicateAcross)
	if len(fs) != 1 {
		t.Fatalf("findings: %v", fs)
	}
	f := fs[0]
	want := "responsibility at P4 nearly repeats the text at P3 (X.A.P4.yaml:15:9): 92% of their words are the same, and what differs is no level step; " +
		"2 other profiles of focus X.A carry the same copy: X.A.P2.yaml, X.A.P6.yaml"
	if f.File != "X.A.P4.yaml" || f.Pointer != "/responsibilities/3/items/0" || f.Severity != lint.Warning || f.Message != want {
		t.Errorf("finding %s %s %s: %s\nwant %s", f.File, f.Pointer, f.Severity, f.Message, want)
	}
	if f.Diff == nil || !strings.Contains(f.Diff.WordDiff(), "[-documentation-]{+documentatoin+}") {
		t.Errorf("diff: %+v", f.Diff)
	}
	// duplicate-text leaves copies between levels to duplicate-across.
	if fs := lintFiles(t, files, DuplicateText); len(fs) != 0 {
		t.Errorf("duplicate-text: %v", fs)
	}
	// similarity 1 turns near copies off.
	off := lint.Config{Options: map[string]map[string]any{"duplicate-across": {"similarity": 1.0}}}
	if fs := lintFilesConfig(t, off, files, DuplicateAcross); len(fs) != 0 {
		t.Errorf("with similarity 1: %v", fs)
	}
}

// One job family on two tracks is often two focuses that share the
// family's description; two focuses of one track may not.
func TestDuplicateAcrossDescriptionTracks(t *testing.T) {
	const desc = "Designs, builds and operates the platform that product teams build on every day"
	profile := func(fo, track, desc string) string {
		return fmt.Sprintf("schema: profile/v1\nid: ENG.%s.P3\ntrack: %s\nfunction: {code: ENG}\nfocus:\n  code: %s\n  description: %s\n", fo, track, fo, desc)
	}
	cfg := lint.Config{Ladders: map[string]lint.Ladder{"management": {"P1", "P2", "P3"}}}
	files := map[string]string{
		"ENG.PLATFORM.P3.yaml":     profile("PLATFORM", "professional", desc),
		"ENG.PLATFORMMGMT.P3.yaml": profile("PLATFORMMGMT", "management", desc),
		"ENG.NEARMGMT.P3.yaml":     profile("NEARMGMT", "management", strings.Replace(desc, "every day", "each day", 1)),
	}
	fs := lintFilesConfig(t, cfg, files, DuplicateAcross)
	// The near copy on the management track is reported, the exact copy on
	// the other track is not.
	if len(fs) != 1 || fs[0].File != "ENG.PLATFORMMGMT.P3.yaml" || fs[0].Severity != lint.Warning || !strings.Contains(fs[0].Message, "NEARMGMT") {
		t.Errorf("findings: %v", fs)
	}
	files["ENG.OTHER.P3.yaml"] = profile("OTHER", "professional", desc)
	fs = lintFilesConfig(t, cfg, files, DuplicateAcross)
	if got := positions(fs); !reflect.DeepEqual(got, []string{"ENG.PLATFORM.P3.yaml:7:16 duplicate-across", "ENG.PLATFORMMGMT.P3.yaml:7:16 duplicate-across"}) {
		t.Errorf("with a second professional focus: %v", fs)
	}
}

// A cumulative ladder repeats the line that points back at the level
// before; that line is its form, not a copy. A real copy beside it is
// still one.
func TestDuplicateAcrossReferenceLines(t *testing.T) {
	const back = "Everything in the previous level, plus the following"
	const copied = "Reviews designs of the services the team owns"
	src := ladderProfile("ENG", "CORE", "P4", "", nil, nil)
	src = strings.Replace(src, "responsibilities:\n", "responsibilities:\n"+
		"  - level: P2\n    items: [\""+back+"\", Writes code]\n"+
		"  - level: P3\n    items: [\""+back+"\", "+copied+"]\n"+
		"  - level: P4\n    items: [\""+back+"\", "+copied+"]\n", 1)
	fs := lintFilesConfig(t, lint.Config{}, map[string]string{"ENG.CORE.P4.yaml": src}, DuplicateAcross)
	var got []string
	for _, f := range fs {
		got = append(got, f.Pointer)
	}
	if want := []string{"/responsibilities/2/items/1"}; !slices.Equal(got, want) {
		t.Errorf("findings at %v, want only the real copy at %v: %v", got, want, fs)
	}
}
