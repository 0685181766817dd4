package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/profilelint/profilelint/lint"
)

// TestCleanLadder is the false-positive guard: seven consistent profiles of
// one focus, P1 to P7, sourced and reviewed, give no finding from any rule,
// including the corpus-wide ones.
func TestCleanLadder(t *testing.T) {
	paths, err := filepath.Glob("../testdata/ladder/*.yaml")
	if err != nil || len(paths) != 7 {
		t.Fatalf("want the 7 profiles of testdata/ladder, got %d (%v)", len(paths), err)
	}
	var sources []lint.Source
	for _, p := range paths {
		sources = append(sources, lint.FileSource(p))
	}
	res := lint.Run(lint.Config{Rules: All()}, sources)
	if res.Files != 7 || len(res.Errors) > 0 {
		t.Fatalf("linted %d files, errors %v", res.Files, res.Errors)
	}
	for _, f := range res.Findings {
		t.Errorf("unexpected finding: %s", f)
	}
}

// TestCleanExample: the shipped clean example is silent on its own and
// beside the seed, apart from the seed's own findings.
func TestCleanExample(t *testing.T) {
	if _, err := os.Stat("../examples/INFRAS.INFRASTR5562.P4.yaml"); err != nil {
		t.Fatal(err)
	}
	res := lint.Run(lint.Config{Rules: All()}, []lint.Source{
		lint.FileSource("../examples/INFRAS.INFRASTR5562.P4.yaml"),
		lint.FileSource("../examples/INFRAS.INFRASTR5562.P7.yaml"),
	})
	for _, f := range res.Findings {
		if f.File == "../examples/INFRAS.INFRASTR5562.P4.yaml" {
			t.Errorf("unexpected finding in the clean example: %s", f)
		}
	}
}
