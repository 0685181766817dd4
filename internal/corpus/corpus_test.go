package corpus_test

import (
	"bytes"
	"maps"
	"testing"

	"github.com/profilelint/profilelint/internal/corpus"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
	"github.com/profilelint/profilelint/rules"
)

// The benchmark corpus is only worth its figures if the linter finds what
// was planted and nothing else: every planted defect under its rule, and no
// finding in a file without one (the corpus rules included, so focuses must
// not read as near copies of each other).
func TestFindingsMatchManifest(t *testing.T) {
	for _, st := range corpus.Styles {
		t.Run(string(st), func(t *testing.T) {
			n := 1400
			if st != corpus.Quoted {
				n = 700
			}
			findingsMatchManifest(t, st, n)
		})
	}
}

func findingsMatchManifest(t *testing.T, st corpus.Style, n int) {
	files, manifest := corpus.GenerateStyle(n, 3, 0.05, st)
	if len(manifest) < n/50 {
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

// Every style writes the same profiles: the same values at the same
// pointers as the quoted style, only written another way (and so, not
// the same bytes).
func TestStylesWriteTheSameProfiles(t *testing.T) {
	values := func(f corpus.File) map[string]string {
		pf, err := profiles.Parse(f.Name, f.Data)
		if err != nil {
			return map[string]string{"error": err.Error()}
		}
		out := make(map[string]string)
		pf.Root.Walk(func(ptr string, n *profiles.Node) { out[ptr] = n.Kind.String() + " " + n.Value })
		return out
	}
	quoted, _ := corpus.GenerateStyle(70, 5, 0.1, corpus.Quoted)
	for _, st := range corpus.Styles[1:] {
		files, _ := corpus.GenerateStyle(70, 5, 0.1, st)
		var blocks, markers, crlf int
		for i, f := range files {
			if bytes.Equal(f.Data, quoted[i].Data) {
				t.Errorf("%s %s: written as in the quoted style", st, f.Name)
			}
			if want, got := values(quoted[i]), values(f); !maps.Equal(want, got) {
				t.Errorf("%s %s: values differ from the quoted style's", st, f.Name)
			}
			blocks += bytes.Count(f.Data, []byte(": >-\n")) + bytes.Count(f.Data, []byte(": >-\r\n"))
			if bytes.Contains(f.Data, []byte("\n---")) {
				markers++
			}
			if bytes.Contains(f.Data, []byte("\r\n")) {
				crlf++
			}
		}
		if blocks < len(files) || markers == 0 || st == corpus.Folded && markers != len(files) || st == corpus.Mixed && crlf == 0 {
			t.Errorf("%s: %d folded scalars, %d files with ---, %d with CRLF in %d files", st, blocks, markers, crlf, len(files))
		}
	}
}
