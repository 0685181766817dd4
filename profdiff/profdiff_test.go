package profdiff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/lint"
)

func TestWordDiff(t *testing.T) {
	ops, common := wordDiff("Mentors junior engineers on the team", "Mentors mid-level engineers across the team")
	d := lint.Diff{Words: ops}
	if got, want := d.WordDiff(), "Mentors [-junior-]{+mid-level+} engineers [-on-]{+across+} the team"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if common != 4 {
		t.Errorf("common = %d, want 4", common)
	}
	if s := similarity("a b c d", "a b c d"); s != 1 {
		t.Errorf("similarity of equal texts = %v", s)
	}
	if s := similarity("a b", "c d"); s != 0 {
		t.Errorf("similarity of disjoint texts = %v", s)
	}
}

func TestPair(t *testing.T) {
	old := []string{
		"Runs routine platform upgrades from a checklist",
		"Writes runbooks for the services it touches",
		"Reviews infrastructure changes of peers",
		"Handles on-call shifts",
	}
	new := []string{
		"Writes runbooks for the services it touches",   // same, moved
		"Reviews infrastructure changes of other teams", // reworded
		"Builds CI pipelines",                           // added
		"Runs routine platform upgrades from a checklist and a calendar",
	}
	p := pair(old, new)
	if p.same[0] != 1 || len(p.same) != 1 {
		t.Errorf("same = %v", p.same)
	}
	if p.reworded[1] != 2 || p.reworded[3] != 0 || len(p.reworded) != 2 {
		t.Errorf("reworded = %v", p.reworded)
	}
	if p.oldUsed[3] {
		t.Error("the on-call item should be removed")
	}
}

const profileTmpl = `schema: profile/v1
id: %s
title: Platform — P2
summary: Builds the platform.
function: {code: INFRAS, name: Infrastructure}
focus: {code: PLATFORM, name: Platform, description: Owns the platform.}
level: {code: P2, name: Professional, typical_experience: {min: 2}}
responsibilities:
  - level: P1
    items: [Runs upgrades from a checklist, Writes runbooks]
  - level: P2
    items: [%s]
level_guidelines:
  - {level: P1, experience: {min: 0, max: 1}}
  - {level: P2, experience: {min: %d}}
skills:
  - {name: Kubernetes, description: Operates clusters.}
provenance:
  sources:
    - {id: a, title: Source A, citation: x, retrieved: 2025-01-01}
  review: {scale: {min: 1, max: 5}, pass_threshold: 4, scores: {accuracy: %d}}
classification:
  - {system: SOC-2018, code: "15-1244", source: x}
`

func file(id, p2 string, years, score int) []byte {
	return []byte(fmt.Sprintf(profileTmpl, id, p2, years, score))
}

func compare(old, new []Input, direct bool) *Report {
	return Compare(lint.Config{}, old, new, direct)
}

func TestCompareChanges(t *testing.T) {
	old := []Input{{Name: "a/p.yaml", Path: "p.yaml", Data: file("INFRAS.PLATFORM.P2", "Builds CI pipelines for teams", 2, 4)}}
	new := []Input{{Name: "b/p.yaml", Path: "p.yaml", Data: file("INFRAS.PLATFORM.P2", "Builds and runs CI pipelines for teams, Reviews changes", 3, 5)}}
	r := compare(old, new, true)
	if len(r.Profiles) != 1 {
		t.Fatalf("profiles %+v", r.Profiles)
	}
	var got []string
	for _, c := range r.Profiles[0].Changes {
		got = append(got, c.where()+": "+c.detail())
	}
	want := []string{
		"responsibilities P2: reworded",
		`responsibilities P2: added "Reviews changes"`,
		"level_guidelines P2 experience: 2+ years → 3+ years",
		"provenance.review scores.accuracy: 4 → 5",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestComparePairsByIDThenPath(t *testing.T) {
	old := []Input{
		{Name: "old/x.yaml", Path: "x.yaml", Data: file("INFRAS.PLATFORM.P2", "A b c", 2, 4)},
		{Name: "old/y.yaml", Path: "y.yaml", Data: file("INFRAS.PLATFORM.P3", "A b c", 2, 4)},
		{Name: "old/z.yaml", Path: "z.yaml", Data: file("INFRAS.PLATFORM.P4", "A b c", 2, 4)},
	}
	new := []Input{
		{Name: "new/renamed.yaml", Path: "renamed.yaml", Data: file("INFRAS.PLATFORM.P2", "A b c", 2, 4)}, // same id, new name
		{Name: "new/y.yaml", Path: "y.yaml", Data: file("INFRAS.PLATFORM.P5", "A b c", 2, 4)},             // same path, new id
		{Name: "new/w.yaml", Path: "w.yaml", Data: file("INFRAS.PLATFORM.P6", "A b c", 2, 4)},
	}
	r := compare(old, new, false)
	var got []string
	for _, p := range r.Profiles {
		got = append(got, fmt.Sprintf("%s %s %s→%s", p.ID, p.Status, p.Old, p.New))
	}
	want := []string{
		"INFRAS.PLATFORM.P2 changed old/x.yaml→new/renamed.yaml",
		"INFRAS.PLATFORM.P4 removed old/z.yaml→",
		"INFRAS.PLATFORM.P5 changed old/y.yaml→new/y.yaml",
		"INFRAS.PLATFORM.P6 added →new/w.yaml",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The renamed file has the same bytes: the rename is its one change.
	if r.Profiles[0].Status != "changed" || len(r.Profiles[0].Changes) != 1 || r.Profiles[0].Changes[0].Kind != "renamed" {
		t.Errorf("renamed: %+v", r.Profiles[0])
	}
	if c := r.Profiles[2].Changes; len(c) == 0 || c[0].Section != "id" || c[0].Old != "INFRAS.PLATFORM.P3" {
		t.Errorf("id change: %+v", c)
	}
}

// A rule whose message names another file: the names differ across the
// two sides, the finding does not.
var namesOther = &lint.Rule{ID: "names-other", Severity: lint.Warning, Scope: lint.PerCorpus,
	Collect: func(p *lint.Pass) any { return p.File.Path },
	Finish: func(c *lint.Corpus) {
		for i, f := range c.Facts {
			other := c.Facts[(i+1)%len(c.Facts)].Facts.(string)
			c.Report(lint.Finding{File: f.File, Line: 1, Column: 1, Message: "see " + other})
		}
	},
}

func TestFindingsMatchAcrossFileNames(t *testing.T) {
	data := file("INFRAS.PLATFORM.P2", "A b c", 2, 4)
	data2 := file("INFRAS.PLATFORM.P3", "A b c", 2, 4)
	old := []Input{{Name: "HEAD:p2.yaml", Path: "p2.yaml", Data: data}, {Name: "HEAD:p3.yaml", Path: "p3.yaml", Data: data2}}
	new := []Input{{Name: "p2.yaml", Path: "p2.yaml", Data: data}, {Name: "p3.yaml", Path: "p3.yaml", Data: data2}}
	r := Compare(lint.Config{Rules: []*lint.Rule{namesOther}}, old, new, false)
	if c := r.Counts(); c.Introduced+c.Resolved != 0 || c.Unchanged != 2 {
		t.Errorf("counts %+v", c)
	}
	var b bytes.Buffer
	if err := Write(&b, "text", r); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "2 profiles compared: 0 changed, 0 added, 0 removed, 2 unchanged; 0 findings introduced, 0 resolved\n"; got != want {
		t.Errorf("got %q", got)
	}
}

func TestUnparsedVersion(t *testing.T) {
	old := []Input{{Name: "a.yaml", Path: "a.yaml", Data: file("INFRAS.PLATFORM.P2", "A b c", 2, 4)}}
	new := []Input{{Name: "b.yaml", Path: "a.yaml", Data: []byte("id: [x\n")}}
	r := compare(old, new, true)
	p := r.Profiles[0]
	if len(p.Notes) != 1 || !strings.Contains(p.Notes[0], "new version does not parse") {
		t.Errorf("notes %q", p.Notes)
	}
	if len(p.Introduced) != 1 || p.Introduced[0].Rule != "syntax" {
		t.Errorf("introduced %+v", p.Introduced)
	}
}

func TestFormats(t *testing.T) {
	old := []Input{{Name: "a.yaml", Path: "a.yaml", Data: file("INFRAS.PLATFORM.P2", "Runs the *core* platform_ops pipelines", 2, 4)}}
	new := []Input{{Name: "b.yaml", Path: "a.yaml", Data: file("INFRAS.PLATFORM.P2", "Runs the *shared* platform_ops pipelines", 2, 4)}}
	r := compare(old, new, true)
	var md bytes.Buffer
	if err := Write(&md, "markdown", r); err != nil {
		t.Fatal(err)
	}
	if want := `- **responsibilities P2**: reworded: Runs the ~~\*core\*~~**\*shared\*** platform\_ops pipelines`; !strings.Contains(md.String(), want) {
		t.Errorf("markdown:\n%s\nwant a line\n%s", md.String(), want)
	}
	var js bytes.Buffer
	if err := Write(&js, "json", r); err != nil {
		t.Fatal(err)
	}
	var v struct {
		Version  int
		Profiles []ProfileDiff
	}
	if err := json.Unmarshal(js.Bytes(), &v); err != nil || v.Version != 1 || len(v.Profiles) != 1 || v.Profiles[0].Changes[0].Kind != "reworded" {
		t.Errorf("json %v: %s", err, js.String())
	}
	if err := Write(&js, "xml", r); err == nil {
		t.Error("xml accepted")
	}
}
