package rules

import (
	"testing"

	"github.com/profilelint/profilelint/lint"
)

const lvRespP3 = "items: [Designs platform features within a team, Runs proof-of-concepts for new tools, Mentors junior engineers]"

func TestResponsibilityCountTooFew(t *testing.T) {
	src := docExample(lvRespP3, "items: [Designs platform features within a team, Mentors junior engineers]")
	fs := lintOne(t, "p.yaml", src, ResponsibilityCount)
	lvWant(t, fs, "19:12 warning responsibility-count: P3 lists 2 responsibilities; at least 3 expected")
	if len(fs) == 1 && fs[0].Pointer != "/responsibilities/2/items" {
		t.Errorf("pointer = %s", fs[0].Pointer)
	}

	src = docExample(lvRespP3, "items:\n      - Designs platform features within a team")
	lvWant(t, lintOne(t, "p.yaml", src, ResponsibilityCount),
		"20:7 warning responsibility-count: P3 lists 1 responsibility; at least 3 expected")

	src = docExample("  - level: P3\n    "+lvRespP3+"\n", "  - level: P3\n")
	lvWant(t, lintOne(t, "p.yaml", src, ResponsibilityCount),
		"18:5 warning responsibility-count: P3 lists no responsibilities; at least 3 expected")
}

// The near misses: exactly the minimum, and a lower configured minimum.
func TestResponsibilityCountEnough(t *testing.T) {
	lvWant(t, lintOne(t, "p.yaml", docProfile, ResponsibilityCount))

	src := docExample(lvRespP3, "items: [Designs platform features within a team, Mentors junior engineers]")
	cfg := lint.Config{Options: map[string]map[string]any{ResponsibilityCount.ID: {"min": 2}}}
	lvWant(t, lintFilesConfig(t, cfg, map[string]string{"p.yaml": src}, ResponsibilityCount))

	cfg = lint.Config{Options: map[string]map[string]any{ResponsibilityCount.ID: {"min": 4}}}
	if n := len(lintFilesConfig(t, cfg, map[string]string{"p.yaml": docProfile}, ResponsibilityCount)); n != 7 {
		t.Errorf("min 4: %d findings, want one per level", n)
	}
}
