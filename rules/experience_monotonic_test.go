package rules

import (
	"testing"

	"github.com/profilelint/profilelint/lint"
)

func TestExperienceMonotonicFalls(t *testing.T) {
	src := docExample("{level: P4, experience: {min: 8}}", "{level: P4, experience: {min: 4}}")
	fs := lintOne(t, "p.yaml", src, ExperienceMonotonic)
	lvWant(t, fs, "32:35 error experience-monotonic: P4 requires 4+ years, fewer than P3's 5+")
	if len(fs) == 1 && (len(fs[0].Related) != 1 || fs[0].Related[0].Pointer != "/level_guidelines/2/experience/min") {
		t.Errorf("related = %+v, want P3's min", fs[0].Related)
	}
}

// The near miss: an equal minimum is a warning, not an error.
func TestExperienceMonotonicFlatIsWarning(t *testing.T) {
	src := docExample("{level: P4, experience: {min: 8}}", "{level: P4, experience: {min: 5}}")
	lvWant(t, lintOne(t, "p.yaml", src, ExperienceMonotonic),
		"32:35 warning experience-monotonic: P4 requires 5+ years, the same as P3")

	// Configured lower, the rule's severity wins over the warning;
	// configured as a warning, a fall is a warning too.
	for _, sev := range []lint.Severity{lint.Info, lint.Warning} {
		cfg := lint.Config{Severity: map[string]lint.Severity{ExperienceMonotonic.ID: sev}}
		src := docExample("{level: P4, experience: {min: 8}}", "{level: P4, experience: {min: 5}}", "{level: P5, experience: {min: 12}}", "{level: P5, experience: {min: 4}}")
		lvWant(t, lintFilesConfig(t, cfg, map[string]string{"p.yaml": src}, ExperienceMonotonic),
			"32:35 "+sev.String()+" experience-monotonic: P4 requires 5+ years, the same as P3",
			"33:35 "+sev.String()+" experience-monotonic: P5 requires 4+ years, fewer than P4's 5+",
		)
	}
}

func TestExperienceMonotonicMaxBelowMin(t *testing.T) {
	src := docExample("{level: P1, experience: {min: 0, max: 1}}", "{level: P1, experience: {min: 1, max: 0}}",
		"typical_experience: {min: 8, max: 12}", "typical_experience: {min: 8, max: 7}")
	lvWant(t, lintOne(t, "p.yaml", src, ExperienceMonotonic),
		"12:37 error experience-monotonic: typical experience max 7 is below its min 8",
		"29:43 error experience-monotonic: P1 experience max 0 is below its min 1",
	)
}

// Levels are compared by their places in the ladder, not in the file, and
// a level without a row is skipped: P4 is compared with P2.
func TestExperienceMonotonicByLadder(t *testing.T) {
	p1 := "  - {level: P1, experience: {min: 0, max: 1}}\n"
	src := docExample(p1, "", "  - {level: P3, experience: {min: 5}}\n", "", "  - {level: P7, experience: {min: 20}}\n", "  - {level: P7, experience: {min: 20}}\n"+p1)
	lvWant(t, lintOne(t, "p.yaml", src, ExperienceMonotonic))

	src = docExample("  - {level: P3, experience: {min: 5}}\n", "", "{level: P4, experience: {min: 8}}", "{level: P4, experience: {min: 1.5}}")
	lvWant(t, lintOne(t, "p.yaml", src, ExperienceMonotonic),
		"31:35 error experience-monotonic: P4 requires 1.5+ years, fewer than P2's 2+")
}
