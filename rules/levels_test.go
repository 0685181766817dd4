package rules

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/lint"
)

// levelRules are the rules of the level monotonicity section of the spec.
func levelRules() []*lint.Rule {
	return []*lint.Rule{LevelOrder, ExperienceMonotonic, ExperienceConsistent, LevelWording, ResponsibilityCount}
}

// lvRead reads a file of ../examples.
func lvRead(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile("../examples/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// lvLines renders findings as "line:col severity rule: message".
func lvLines(fs []lint.Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = fmt.Sprintf("%d:%d %s %s: %s", f.Line, f.Column, f.Severity, f.Rule, f.Message)
	}
	return out
}

// lvWant fails unless the findings are exactly want (see lvLines).
func lvWant(t *testing.T, fs []lint.Finding, want ...string) {
	t.Helper()
	got := lvLines(fs)
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// lvApply applies a fix's edits to src.
func lvApply(t *testing.T, src string, edits []lint.Edit) string {
	t.Helper()
	es := slices.Clone(edits)
	slices.SortFunc(es, func(a, b lint.Edit) int { return b.Start - a.Start })
	for i, e := range es {
		if e.Start > e.End || e.End > len(src) || (i > 0 && e.End > es[i-1].Start) {
			t.Fatalf("bad or overlapping edit %+v", e)
		}
		src = src[:e.Start] + e.New + src[e.End:]
	}
	return src
}

// lvReplace is strings.Replace that fails the test when old is absent.
func lvReplace(t *testing.T, s, old, new string) string {
	t.Helper()
	out := strings.Replace(s, old, new, 1)
	if out == s {
		t.Fatalf("no %q to replace", old)
	}
	return out
}

// The seed breaks exactly one level rule: its typical experience (15–22
// years at P7) is below the rubric's 20+ years for P7.
func TestLevelRulesSeed(t *testing.T) {
	fs := lintOne(t, "INFRAS.INFRASTR5562.P7.yaml", lvRead(t, "INFRAS.INFRASTR5562.P7.yaml"), levelRules()...)
	lvWant(t, fs, "31:29 error experience-consistent: typical experience 15–22 years is below the rubric's 20+ years for P7")
	if len(fs) == 1 {
		want := []lint.Place{{File: "INFRAS.INFRASTR5562.P7.yaml", Line: 128, Column: 23, Pointer: "/level_guidelines/6/experience/min", Message: "the rubric for P7: 20+ years"}}
		if !slices.Equal(fs[0].Related, want) {
			t.Errorf("related = %+v, want %+v", fs[0].Related, want)
		}
		if fs[0].Pointer != "/level/typical_experience/min" {
			t.Errorf("pointer = %s", fs[0].Pointer)
		}
	}
}

func TestLevelRulesCleanSibling(t *testing.T) {
	fs := lintOne(t, "INFRAS.INFRASTR5562.P4.yaml", lvRead(t, "INFRAS.INFRASTR5562.P4.yaml"), levelRules()...)
	lvWant(t, fs)
}

// The profile the doc examples start from is valid and quiet, so that each
// example's finding comes from the line it rewrites.
func TestLevelDocProfile(t *testing.T) {
	lvWant(t, lintOne(t, "INFRAS.PLATFORM.P4.yaml", docProfile, append(levelRules(), Schema)...))
}

func TestLadderSpan(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"P7"}, "P7"},
		{[]string{"P1", "P2"}, "P1, P2"},
		{[]string{"P5", "P6", "P7"}, "P5 … P7"},
	} {
		if got := ladderSpan(c.in); got != c.want {
			t.Errorf("ladderSpan(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
