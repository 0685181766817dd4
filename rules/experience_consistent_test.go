package rules

import (
	"testing"
)

func TestExperienceConsistentBelowRow(t *testing.T) {
	src := docExample("typical_experience: {min: 8, max: 12}", "typical_experience: {min: 6}")
	fs := lintOne(t, "p.yaml", src, ExperienceConsistent)
	lvWant(t, fs, "12:29 error experience-consistent: typical experience 6+ years is below the rubric's 8+ years for P4")
	if len(fs) == 1 && (len(fs[0].Related) != 1 || fs[0].Related[0].Line != 32 || fs[0].Related[0].Column != 35) {
		t.Errorf("related = %+v, want the P4 row's min at 32:35", fs[0].Related)
	}
}

// The near misses: the typical minimum equal to the rubric's, or above it.
func TestExperienceConsistentAgrees(t *testing.T) {
	for _, typical := range []string{"{min: 8}", "{min: 9, max: 30}", "{min: 8.5, max: 12}"} {
		src := docExample("typical_experience: {min: 8, max: 12}", "typical_experience: "+typical)
		lvWant(t, lintOne(t, "p.yaml", src, ExperienceConsistent))
	}
	// The seed, mended: P7's typical experience from 20 years.
	seed := lvRead(t, "INFRAS.INFRASTR5562.P7.yaml")
	lvWant(t, lintOne(t, "p.yaml", lvReplace(t, seed, "typical_experience: {min: 15, max: 22}", "typical_experience: {min: 20, max: 25}"), ExperienceConsistent))
}

// Where the rubric itself falls (P3 asks more than P4), the typical
// minimum is held to the level under it as well.
func TestExperienceConsistentBelowLevelUnder(t *testing.T) {
	src := docExample("{level: P3, experience: {min: 5}}", "{level: P3, experience: {min: 10}}")
	fs := lintOne(t, "p.yaml", src, ExperienceConsistent)
	lvWant(t, fs, "12:29 error experience-consistent: typical experience 8–12 years is below the rubric's 10+ years for P3, the level under P4")
	if len(fs) == 1 && (len(fs[0].Related) != 1 || fs[0].Related[0].Pointer != "/level_guidelines/2/experience/min") {
		t.Errorf("related = %+v, want P3's min", fs[0].Related)
	}
}

func TestExperienceConsistentAboveRowMax(t *testing.T) {
	src := docExample("  code: P4\n", "  code: P1\n", "typical_experience: {min: 8, max: 12}", "typical_experience: {min: 3, max: 5}")
	lvWant(t, lintOne(t, "p.yaml", src, ExperienceConsistent),
		"12:29 error experience-consistent: typical experience 3–5 years is above the rubric's 0–1 years for P1")
}

// A level outside the ladder, or without a rubric row, is level-order's.
func TestExperienceConsistentNoRow(t *testing.T) {
	src := docExample("  code: P4\n", "  code: P9\n", "typical_experience: {min: 8, max: 12}", "typical_experience: {min: 1}")
	lvWant(t, lintOne(t, "p.yaml", src, ExperienceConsistent))
	src = docExample("  - {level: P4, experience: {min: 8}}\n", "", "typical_experience: {min: 8, max: 12}", "typical_experience: {min: 1}")
	lvWant(t, lintOne(t, "p.yaml", src, ExperienceConsistent))
}
