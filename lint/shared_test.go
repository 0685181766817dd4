package lint

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// sibling is a profile of focus INFRAS.PLATFORM at level, carrying the
// ladder P1 … P3 and a doubled space in P2's responsibility.
func sibling(focus, level string) string {
	return fmt.Sprintf(`schema: profile/v1
function: {code: INFRAS}
focus: {code: %s}
level: {code: %s}
responsibilities:
  - level: P1
    items: [Fixes small defects]
  - level: P2
    items: ["Owns  one service"]
  - level: P3
    items: [Leads a team's designs]
`, focus, level)
}

// doubled reports every responsibility holding two spaces, as whitespace
// does.
var doubled = &Rule{ID: "doubled", Severity: Warning, Run: func(p *Pass) {
	for i, e := range p.Root.Get("responsibilities").List() {
		for j, it := range e.Get("items").List() {
			if strings.Contains(it.Text(), "  ") {
				p.Reportf(fmt.Sprintf("/responsibilities/%d/items/%d", i, j), "doubled space")
			}
		}
	}
}}

// TestSharedOnce: a finding in the section siblings share is one finding
// per focus, in the sibling whose own level the entry is, whatever the
// order of the files; it names the others.
func TestSharedOnce(t *testing.T) {
	files := []Source{
		src("a/P1.yaml", sibling("PLATFORM", "P1")),
		src("a/P2.yaml", sibling("PLATFORM", "P2")),
		src("a/P3.yaml", sibling("PLATFORM", "P3")),
		src("b/P2.yaml", sibling("SRE", "P2")), // another focus: its own finding
	}
	for _, order := range [][]int{{0, 1, 2, 3}, {3, 2, 1, 0}, {2, 0, 3, 1}} {
		var in []Source
		for _, i := range order {
			in = append(in, files[i])
		}
		res := Run(Config{Rules: []*Rule{doubled}}, in)
		var got []string
		for _, f := range res.Findings {
			got = append(got, f.File+": "+f.Message)
		}
		want := []string{
			"a/P2.yaml: doubled space; reported once for the focus: the sibling profiles a/P1.yaml and a/P3.yaml carry the same section",
			"b/P2.yaml: doubled space",
		}
		if !slices.Equal(got, want) {
			t.Fatalf("order %v:\n got %q\nwant %q", order, got, want)
		}
		if r := res.Findings[0].Related; len(r) != 2 || r[0].File != "a/P1.yaml" || r[1].File != "a/P3.yaml" || r[0].Line != 9 {
			t.Errorf("related places %+v", r)
		}
	}
}

// TestSharedOwnerMissing: without the sibling of the entry's level, the
// sibling of the nearest level carries the finding, the lower of two
// (not the first by name); a lone file keeps its own.
func TestSharedOwnerMissing(t *testing.T) {
	res := Run(Config{Rules: []*Rule{doubled}}, []Source{src("a/x.yaml", sibling("PLATFORM", "P3")), src("a/y.yaml", sibling("PLATFORM", "P1"))})
	if len(res.Findings) != 1 || res.Findings[0].File != "a/y.yaml" || !strings.HasSuffix(res.Findings[0].Message, "the sibling profile a/x.yaml carries the same section") {
		t.Fatalf("findings %+v", res.Findings)
	}
	res = Run(Config{Rules: []*Rule{doubled}}, []Source{src("a/P3.yaml", sibling("PLATFORM", "P3"))})
	if len(res.Findings) != 1 || res.Findings[0].Message != "doubled space" {
		t.Fatalf("a lone file: %+v", res.Findings)
	}
}

// TestSharedSuppressed: a directive in one sibling suppresses that copy
// only; the others are still one finding.
func TestSharedSuppressed(t *testing.T) {
	supp := strings.Replace(sibling("PLATFORM", "P2"), `    items: ["Owns  one service"]`, "    # profilelint:ignore doubled -- kept as written\n    items: [\"Owns  one service\"]", 1)
	res := Run(Config{Rules: []*Rule{doubled}}, []Source{
		src("a/P1.yaml", sibling("PLATFORM", "P1")), src("a/P2.yaml", supp), src("a/P3.yaml", sibling("PLATFORM", "P3")),
	})
	var open, suppressed []string
	for _, f := range res.Findings {
		if f.Suppressed != nil {
			suppressed = append(suppressed, f.File)
		} else {
			open = append(open, f.File)
		}
	}
	if !slices.Equal(suppressed, []string{"a/P2.yaml"}) || !slices.Equal(open, []string{"a/P1.yaml"}) {
		t.Fatalf("open %v, suppressed %v: %+v", open, suppressed, res.Findings)
	}
}
