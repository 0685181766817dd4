package rules

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/lint"
)

func readExample(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("../examples/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestDuplicateTextSeed(t *testing.T) {
	// The seed gives its summary three times: each extra copy is a
	// finding at its own place, naming the first.
	fs := only(lintOne(t, "INFRAS.INFRASTR5562.P7.yaml", readExample(t, "INFRAS.INFRASTR5562.P7.yaml"), DuplicateText), "duplicate-text")
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%d:%d %s %s: %s | %s %s", f.Line, f.Column, f.Pointer, f.Severity, f.Message, f.Related[0].Pointer, f.Related[0].Message))
		if len(f.Related) != 1 || len(f.Fixes) != 0 {
			t.Errorf("one related place and no fix expected across fields: %+v", f)
		}
	}
	want := []string{
		"17:12 /focus/summary error: this text repeats summary (7:10) | /summary first copy: summary",
		"18:16 /focus/description error: this text repeats summary (7:10) | /summary first copy: summary",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The sibling has its focus description once.
	if fs := lintOne(t, "INFRAS.INFRASTR5562.P4.yaml", readExample(t, "INFRAS.INFRASTR5562.P4.yaml"), DuplicateText); len(fs) != 0 {
		t.Errorf("P4: %v", fs)
	}
}

const plantedTexts = `schema: profile/v1
id: INFRAS.INFRASTR5562.P3
summary: Builds the internal developer platform that software teams deploy their services on every day.
focus:
  code: INFRASTR5562
  name: Platform
  summary: Builds the internal developer platform that product teams deploy their services on every day.
  description: Owns landing zones, networking and the CI/CD foundations.
level:
  code: P3
  name: Platform
  scope: Platform
  summary: Works on the platform with day-to-day independence and mentors juniors.
responsibilities:
  - level: P1
    items:
      - Writes simple automation scripts for repetitive operational tasks
      - Troubleshoots defined issues and documents resolution steps
      - "writes simple automation scripts, for repetitive operational tasks."   # copy
      - Monitors systems and escalates anomalies
  - level: P2
    items: [Writes simple automation scripts for repetitive operational tasks, Builds pipelines]
  - level: P3
    items:
      - Evaluates tools and runs proofs of concept with justification
      - Evaluates tools and runs proofs of concept with evidence
      - Mentors junior engineers
      - Mentors senior engineers
level_guidelines:
  - level: P1
    knowledge: Applies foundational familiarity with cloud platforms to routine tasks.
    complexity: Platform
    collaboration: Works closely with senior engineers.
    education: Platform
skills:
  - name: Platform
    description: Owns landing zones, networking and the CI/CD foundations!
  - name: Networking
    description: Applies foundational familiarity with cloud platforms to routine tasks and more.
`

func TestDuplicateTextPlanted(t *testing.T) {
	fs := only(lintOne(t, "INFRAS.INFRASTR5562.P3.yaml", plantedTexts, DuplicateText), "duplicate-text")
	var got []string
	for _, f := range fs {
		got = append(got, strings.TrimPrefix(positions([]lint.Finding{f})[0], "INFRAS.INFRASTR5562.P3.yaml:")+" "+f.Severity.String()+": "+f.Message)
	}
	want := []string{
		// near: one word in 14 changed, 2·13/28 = 0.93
		"7:12 duplicate-text warning: this text nearly repeats summary (3:10): 92% of their words are the same",
		// exact, three copies, one of them at P2: that one is a copy
		// between levels, duplicate-across's; names, codes, education and
		// scope are not compared
		"19:9 duplicate-text error: this text repeats P1 responsibility 1 (17:9)",
		// exact across fields, punctuation aside
		"37:18 duplicate-text error: this text repeats focus.description (8:16)",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Near misses: P3's two "Evaluates" items (2·8/18 = 0.89, just under
	// 0.9), "Mentors junior/senior engineers" (fewer than 5 words), the
	// rubric cell and the Networking skill (2·9/20 = 0.9, not above it).
	for _, f := range fs {
		if strings.Contains(f.Pointer, "/responsibilities/2/") || strings.HasPrefix(f.Pointer, "/skills/1") {
			t.Errorf("near miss reported: %v", f)
		}
	}
	near := fs[0]
	if near.Diff == nil || near.Diff.WordDiff() != "Builds the internal developer platform that [-software-]{+product+} teams deploy their services on every day." {
		t.Errorf("word diff: %+v", near.Diff)
	}
	if len(near.Related) != 1 || near.Related[0].Line != 3 || near.Related[0].Column != 10 {
		t.Errorf("related: %+v", near.Related)
	}
	// The copy in P1's own list is deleted by the fix, its comment too; the
	// copy in P2's flow list is left alone.
	exact := fs[1]
	if len(exact.Related) != 1 || exact.Related[0].Pointer != "/responsibilities/0/items/0" {
		t.Errorf("related: %+v", exact.Related)
	}
	if len(exact.Fixes) != 1 {
		t.Fatalf("fixes: %+v", exact.Fixes)
	}
	fixed := applyEdits(plantedTexts, exact.Fixes[0].Edits)
	if strings.Contains(fixed, "# copy") || strings.Count(fixed, "Writes simple automation scripts for repetitive operational tasks") != 2 {
		t.Errorf("fixed file:\n%s", fixed)
	}
	if fs := only(lintOne(t, "INFRAS.INFRASTR5562.P3.yaml", fixed, DuplicateText), "duplicate-text"); len(fs) != 2 || len(fs[1].Fixes) != 0 {
		t.Errorf("after the fix: %v", positions(fs))
	}
}

func applyEdits(src string, edits []lint.Edit) string {
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		src = src[:e.Start] + e.New + src[e.End:]
	}
	return src
}

func TestDuplicateTextFixOnlyForLineItems(t *testing.T) {
	src := `responsibilities:
  - level: P1
    items:
      - Writes simple automation scripts
      - >-
        Writes simple automation scripts
      - Writes simple automation scripts
      - Writes simple automation scripts
`
	// Each extra copy is its own finding; the folded one has no fix.
	fs := lintOne(t, "a.yaml", src, DuplicateText)
	if got := positions(fs); !reflect.DeepEqual(got, []string{"a.yaml:5:9 duplicate-text", "a.yaml:7:9 duplicate-text", "a.yaml:8:9 duplicate-text"}) {
		t.Fatalf("findings: %v", got)
	}
	if len(fs[0].Fixes) != 0 {
		t.Errorf("a folded scalar is not deleted by lines: %v", fs[0].Fixes)
	}
	var edits []lint.Edit
	var msgs []string
	for _, f := range fs[1:] {
		if len(f.Fixes) != 1 {
			t.Fatalf("fixes of %v: %v", f, f.Fixes)
		}
		edits = append(edits, f.Fixes[0].Edits...)
		msgs = append(msgs, f.Fixes[0].Message)
	}
	got := applyEdits(src, edits)
	want := `responsibilities:
  - level: P1
    items:
      - Writes simple automation scripts
      - >-
        Writes simple automation scripts
`
	if got != want {
		t.Errorf("fixed:\n%s\nwant:\n%s", got, want)
	}
	if want := []string{"delete the repeated P1 responsibility 3", "delete the repeated P1 responsibility 4"}; !reflect.DeepEqual(msgs, want) {
		t.Errorf("fix messages %q, want %q", msgs, want)
	}
}

func TestDuplicateTextOptions(t *testing.T) {
	files := map[string]string{"a.yaml": plantedTexts}
	cfg := lint.Config{Options: map[string]map[string]any{"duplicate-text": {"similarity": 0.85}}}
	fs := lintFilesConfig(t, cfg, files, DuplicateText)
	var near []string
	for _, f := range fs {
		if f.Severity == lint.Warning {
			near = append(near, f.Pointer)
		}
	}
	want := []string{"/focus/summary", "/responsibilities/2/items/1", "/skills/1/description"}
	if !reflect.DeepEqual(near, want) {
		t.Errorf("near copies above 0.85: %q, want %q", near, want)
	}
	// Configured as a warning, exact copies are warnings too; near copies
	// never rise above the configured severity.
	cfg = lint.Config{Severity: map[string]lint.Severity{"duplicate-text": lint.Info}}
	for _, f := range lintFilesConfig(t, cfg, files, DuplicateText) {
		if f.Severity != lint.Info {
			t.Errorf("severity %s, want info: %v", f.Severity, f)
		}
	}
}

func TestDuplicateTextDeterministic(t *testing.T) {
	files := map[string]string{"a.yaml": plantedTexts, "INFRAS.INFRASTR5562.P7.yaml": readExample(t, "INFRAS.INFRASTR5562.P7.yaml")}
	first := lintFiles(t, files, DuplicateText)
	// Equal empty runs would prove nothing: the planted texts must give
	// both exact and near copies.
	var exact, near bool
	for _, f := range first {
		exact = exact || f.Diff == nil
		near = near || f.Diff != nil
	}
	if !exact || !near {
		t.Fatalf("the planted texts gave exact copies %v, near copies %v; want both: %v", exact, near, first)
	}
	for range 5 {
		if again := lintFiles(t, files, DuplicateText); !reflect.DeepEqual(first, again) {
			t.Fatalf("runs differ:\n%v\n%v", first, again)
		}
	}
}

// Two lines that point back at other levels are alike by form: a
// cumulative ladder writes one per area. Two alike expectations are near
// copies still.
func TestDuplicateTextReferenceLines(t *testing.T) {
	profile := func(a, b string) string {
		return "schema: profile/v1\nid: ENG.CORE.P4\nresponsibilities:\n  - level: P4\n    items:\n      - " + a + "\n      - " + b + "\n"
	}
	refs := profile("The expectations of the previous level for code reviews apply in full at this level",
		"The expectations of the previous level for design reviews apply in full at this level")
	if fs := only(lintOne(t, "ENG.CORE.P4.yaml", refs, DuplicateText), "duplicate-text"); len(fs) != 0 {
		t.Errorf("two reference lines reported: %v", fs)
	}
	own := profile("Takes part in the code reviews of the team and answers them within a day",
		"Takes part in the design reviews of the team and answers them within a day")
	if fs := only(lintOne(t, "ENG.CORE.P4.yaml", own, DuplicateText), "duplicate-text"); len(fs) != 1 {
		t.Errorf("two alike expectations: %v, want one near copy", fs)
	}
}
