package corpus_test

import (
	"testing"

	"github.com/profilelint/profilelint/internal/corpus"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/rules"
)

// The benchmark corpus is only worth its figures if the linter finds what
// was planted and nothing else: every planted defect under its rule, and no
// finding in a file without one (the corpus rules included, so focuses must
// not read as near copies of each other).
func TestFindingsMatchManifest(t *testing.T) {
	files, manifest := corpus.Generate(1400, 3, 0.05)
	if len(manifest) < 30 {
		t.Fatalf("only %d planted defects", len(manifest))
	}
	res := lint.Run(lint.Config{Rules: rules.All()}, corpus.Sources(files))
	if len(res.Errors) > 0 {
		t.Fatalf("errors: %v", res.Errors)
	}
	planted := make(map[string]string)
	for _, p := range manifest {
		planted[p.File] = p.Rule
	}
	found := make(map[[2]string]bool)
	for _, f := range res.Findings {
		found[[2]string{f.File, f.Rule}] = true
		if _, ok := planted[f.File]; !ok {
			t.Errorf("%s:%d:%d %s: %s (no defect planted there)", f.File, f.Line, f.Column, f.Rule, f.Message)
		}
	}
	for _, p := range manifest {
		if !found[[2]string{p.File, p.Rule}] {
			t.Errorf("%s: planted %s (%s) not found", p.File, p.Rule, p.What)
		}
	}
}
