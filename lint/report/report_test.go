package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

var update = flag.Bool("update", false, "rewrite testdata/golden-* from the printers' output")

// The shared result: three files, one of them clean; findings of every
// severity, with related places, a fix, a word diff, a unified diff and a
// suppression; a file name with a comma and a colon; a non-ASCII character
// before a finding's end column.
const (
	fileA     = "profiles/a.yaml"
	fileOdd   = "profiles/odd, name:1.yaml"
	fileClean = "profiles/clean.yaml"
)

const srcA = `schema: profile/v1
id: INFRAS.PLATFORM.P3
title: Platform Engineering — P3
track: individual
level:
  code: P3
  # profilelint:ignore level-name -- the ladder renames P3 next quarter, see HR-112
  name: Professional
  typical_experience: {min: 5, max: 3}
responsibilities:
  - level: P1
    items:
      - Runs routine platform upgrades from a checklist
  - level: P2
    items:
      - Runs routine platform upgrades from the checklist
`

const srcOdd = `schema: profile/v1
id: INFRAS.PLATFORM.P2
title: Platform Engineering – P2
summary: Runs routine platform upgrades from a checklist
level:
  code: P2
`

const srcClean = `schema: profile/v1
id: INFRAS.PLATFORM.P1
level:
  code: P1
`

func parse(t *testing.T, name, src string) *profiles.File {
	t.Helper()
	f, err := profiles.Parse(name, []byte(src))
	if err != nil {
		t.Fatalf("parsing %s: %v", name, err)
	}
	return f
}

// at fills a finding's position from the node at ptr, as the engine does.
func at(t *testing.T, src *profiles.File, ptr string, f lint.Finding) lint.Finding {
	t.Helper()
	n := src.Root.Lookup(ptr)
	if n == nil {
		t.Fatalf("%s has no node at %s", src.Path, ptr)
	}
	f.File, f.Pointer = src.Path, ptr
	f.Line, f.Column = n.Pos.Line, n.Pos.Column
	f.EndLine, f.EndColumn = n.End.Line, n.End.Column
	return f
}

func place(t *testing.T, src *profiles.File, ptr, msg string) lint.Place {
	t.Helper()
	n := src.Root.Lookup(ptr)
	if n == nil {
		t.Fatalf("%s has no node at %s", src.Path, ptr)
	}
	return lint.Place{File: src.Path, Line: n.Pos.Line, Column: n.Pos.Column, Pointer: ptr, Message: msg}
}

func sharedResult(t *testing.T) *lint.Result {
	a, odd, clean := parse(t, fileA, srcA), parse(t, fileOdd, srcOdd), parse(t, fileClean, srcClean)

	// The em dash of the title, as a finding of its own one rune, with a
	// fix replacing its bytes.
	dash := strings.Index(srcA, "—")
	dashStart, dashEnd := a.PosAt(dash), a.PosAt(dash+len("—"))
	typography := lint.Finding{
		Rule: "typography", Severity: lint.Info, File: fileA, Pointer: "/title",
		Line: dashStart.Line, Column: dashStart.Column, EndLine: dashEnd.Line, EndColumn: dashEnd.Column,
		Message: `title uses an em dash "—"; ladder titles use an en dash "–"`,
		Fixes:   []lint.Fix{{Message: "replace the em dash with an en dash", Edits: []lint.Edit{{Start: dash, End: dash + len("—"), New: "–"}}}},
		Diff: &lint.Diff{Unified: `--- a/profiles/a.yaml
+++ b/profiles/a.yaml
@@ -3 +3 @@
-title: Platform Engineering — P3
+title: Platform Engineering – P3
`},
	}

	findings := []lint.Finding{
		at(t, a, "/track", lint.Finding{Rule: "schema", Severity: lint.Error,
			Message: `"individual" is not allowed here; expected one of professional, management`}),
		typography,
		at(t, a, "/level/name", lint.Finding{Rule: "level-name", Severity: lint.Warning,
			Message:    `level name "Professional" is not the ladder's name for P3, "Senior Professional"`,
			Suppressed: &lint.Suppression{Reason: "the ladder renames P3 next quarter, see HR-112", Line: 7}}),
		at(t, a, "/level/typical_experience/max", lint.Finding{Rule: "experience-range", Severity: lint.Error,
			Message: "typical experience max 3 is below min 5"}),
		at(t, a, "/responsibilities/1/items/0", lint.Finding{Rule: "duplicate-text", Severity: lint.Warning,
			Message: "P2 responsibility is 93% the same as a P1 one; say what changes at P2",
			Related: []lint.Place{place(t, a, "/responsibilities/0/items/0", "the P1 responsibility")},
			Diff: &lint.Diff{Words: []lint.DiffOp{
				{Op: "equal", Text: "Runs routine platform upgrades from "},
				{Op: "delete", Text: "a"},
				{Op: "insert", Text: "the"},
				{Op: "equal", Text: " checklist"},
			}}}),
		at(t, odd, "/summary", lint.Finding{Rule: "duplicate-across", Severity: lint.Warning,
			Message: "summary repeats a P1 responsibility of profiles/a.yaml word for word",
			Related: []lint.Place{place(t, a, "/responsibilities/0/items/0", "the P1 responsibility")}}),
	}
	lint.Sort(findings)
	return &lint.Result{
		Files:    3,
		Findings: findings,
		Sources:  map[string]*profiles.File{fileA: a, fileOdd: odd, fileClean: clean},
	}
}

// testRules documents the rules of the shared result, but one:
// duplicate-across is left out to show how a printer copes.
func testRules() []*lint.Rule {
	return []*lint.Rule{
		lint.Syntax,
		{ID: "schema", Summary: "the file follows the profile/v1 schema", Severity: lint.Error,
			Doc: lint.Doc{Text: "Every profile is valid against profile/v1.", Bad: "schema: profile/v1\ntrack: individual\n", Good: "schema: profile/v1\ntrack: professional\n"}},
		{ID: "typography", Summary: "titles use the house typography", Severity: lint.Info,
			Doc: lint.Doc{Text: "Ranges and titles use an en dash.", Bad: "title: Platform — P3\n", Good: "title: Platform – P3\n"}},
		{ID: "level-name", Summary: "the level's name is the ladder's", Severity: lint.Warning},
		{ID: "experience-range", Summary: "experience ranges are ordered", Severity: lint.Error,
			Doc: lint.Doc{Text: "min is at most max.", Bad: "typical_experience: {min: 5, max: 3}\n", Good: "typical_experience: {min: 3, max: 5}\n"}},
		{ID: "duplicate-text", Summary: "descriptions are not repeated across levels", Severity: lint.Error, Scope: lint.PerFile,
			Doc: lint.Doc{Text: "A level says what changes.", Bad: "- Runs ```upgrades```\n- Runs ```upgrades```\n", Good: "- Runs upgrades\n- Plans upgrades\n"}},
	}
}

func testOptions() Options {
	return Options{Version: "1.2.3", Rules: testRules()}
}

func render(t *testing.T, format string, res *lint.Result, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	p, err := New(format, &buf, opt)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Print(res); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

// TestGolden feeds the shared result to every printer.
func TestGolden(t *testing.T) {
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			got := render(t, format, sharedResult(t), testOptions())
			// Printing twice gives the same bytes.
			if again := render(t, format, sharedResult(t), testOptions()); !bytes.Equal(got, again) {
				t.Fatalf("%s output differs between two runs", format)
			}
			golden := filepath.Join("testdata", "golden-"+format)
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./lint/report -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s output differs from %s (review, then go test ./lint/report -update):\n%s", format, golden, got)
			}
		})
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := New("xml", io.Discard, Options{}); err == nil || !strings.Contains(err.Error(), `unknown format "xml"`) {
		t.Fatalf("New(xml) = %v", err)
	}
}

// compileSARIFSchema compiles the SARIF 2.1.0 schema from the repository's
// testdata; nothing is fetched.
func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	data, err := os.ReadFile("../../testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	var head struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(data, &head); err != nil || head.ID == "" {
		t.Fatalf("reading the SARIF schema's id: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft4
	c.LoadURL = func(s string) (io.ReadCloser, error) {
		return nil, fmt.Errorf("refusing to fetch %s", s)
	}
	if err := c.AddResource(head.ID, bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(head.ID)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validateSARIF(t *testing.T, schema *jsonschema.Schema, out []byte) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("sarif is not JSON: %v", err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Fatalf("sarif output is not valid SARIF 2.1.0: %#v", err)
	}
	return doc
}

func TestSARIFValid(t *testing.T) {
	schema := compileSARIFSchema(t)
	doc := validateSARIF(t, schema, render(t, "sarif", sharedResult(t), testOptions()))
	run := doc["runs"].([]any)[0].(map[string]any)
	if run["columnKind"] != "unicodeCodePoints" {
		t.Errorf("columnKind = %v", run["columnKind"])
	}
	results := run["results"].([]any)
	if len(results) != len(sharedResult(t).Findings) {
		t.Errorf("%d results for %d findings: suppressed findings must be kept", len(results), len(sharedResult(t).Findings))
	}
	// Every ruleIndex points at its rule.
	rules := run["tool"].(map[string]any)["driver"].(map[string]any)["rules"].([]any)
	for _, r := range results {
		r := r.(map[string]any)
		i := int(r["ruleIndex"].(float64))
		if id := rules[i].(map[string]any)["id"]; id != r["ruleId"] {
			t.Errorf("ruleIndex %d is %v, not %v", i, id, r["ruleId"])
		}
	}

	// An absolute path, a file that could not be read and a failed run
	// are valid too.
	res := sharedResult(t)
	res.Findings[0].File = "/abs/dir name/ü.yaml"
	res.Errors = []error{errors.New("profiles/gone.yaml: no such file or directory")}
	res.Internal = true
	validateSARIF(t, schema, render(t, "sarif", res, testOptions()))
}

// The fingerprint leaves the line out: adding lines above a finding keeps
// it; duplicates differ.
func TestFingerprints(t *testing.T) {
	f := lint.Finding{Rule: "r", File: "./p/a.yaml", Pointer: "/x", Message: "too  long", Line: 3}
	g := f
	g.Line, g.File, g.Message = 9, "p/a.yaml", "too long"
	fa, fb := Options{}.fingerprints([]lint.Finding{f}), Options{}.fingerprints([]lint.Finding{g})
	if fa[0] != fb[0] {
		t.Errorf("fingerprint changed with the line, path spelling or spacing: %s, %s", fa[0], fb[0])
	}
	two := Options{}.fingerprints([]lint.Finding{f, g})
	if two[0] != fa[0] || two[1] == two[0] {
		t.Errorf("duplicates: %v", two)
	}
}

func TestGitHubEscaping(t *testing.T) {
	res := &lint.Result{Files: 1, Findings: []lint.Finding{{
		Rule: "r", Severity: lint.Warning, File: "a,b:c%.yaml", Line: 2, Column: 3,
		Message: "100% sure:\r\nsecond, line",
	}}}
	got := string(render(t, "github", res, Options{}))
	want := "::warning file=a%2Cb%3Ac%25.yaml,line=2,col=3,title=r::100%25 sure:%0D%0Asecond, line\n"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestMachineFormats checks what CI systems require of each format, on
// the shared result and on a clean run.
func TestMachineFormats(t *testing.T) {
	clean := &lint.Result{Files: 1, Sources: map[string]*profiles.File{fileClean: parse(t, fileClean, srcClean)}}
	schema := compileSARIFSchema(t)
	for name, res := range map[string]*lint.Result{"shared": sharedResult(t), "clean": clean} {
		t.Run(name, func(t *testing.T) {
			validateSARIF(t, schema, render(t, "sarif", res, testOptions()))

			for _, format := range []string{"junit", "checkstyle"} {
				dec := xml.NewDecoder(bytes.NewReader(render(t, format, res, testOptions())))
				for {
					_, err := dec.Token()
					if err == io.EOF {
						break
					}
					if err != nil {
						t.Fatalf("%s is not well-formed XML: %v", format, err)
					}
				}
			}
			var junit struct {
				Tests  int `xml:"tests,attr"`
				Suites []struct {
					Name  string `xml:"name,attr"`
					Tests int    `xml:"tests,attr"`
					Cases []struct {
						Name string `xml:"name,attr"`
					} `xml:"testcase"`
				} `xml:"testsuite"`
			}
			if err := xml.Unmarshal(render(t, "junit", res, testOptions()), &junit); err != nil {
				t.Fatal(err)
			}
			if len(junit.Suites) != len(res.Sources) {
				t.Errorf("junit: %d suites for %d files", len(junit.Suites), len(res.Sources))
			}
			total := 0
			for _, s := range junit.Suites {
				if s.Tests == 0 || s.Tests != len(s.Cases) {
					t.Errorf("junit suite %s: tests=%d with %d cases", s.Name, s.Tests, len(s.Cases))
				}
				total += s.Tests
			}
			if total != junit.Tests {
				t.Errorf("junit: tests=%d, suites add up to %d", junit.Tests, total)
			}

			var issues []map[string]any
			if err := json.Unmarshal(render(t, "gitlab", res, testOptions()), &issues); err != nil || issues == nil {
				t.Fatalf("gitlab: not a JSON array: %v", err)
			}
			seen := map[any]bool{}
			for _, is := range issues {
				for _, k := range []string{"description", "check_name", "fingerprint", "severity", "location"} {
					if _, ok := is[k]; !ok {
						t.Errorf("gitlab issue lacks %s: %v", k, is)
					}
				}
				loc := is["location"].(map[string]any)
				if loc["path"] == "" || loc["lines"].(map[string]any)["begin"] == nil {
					t.Errorf("gitlab location: %v", loc)
				}
				if seen[is["fingerprint"]] {
					t.Errorf("gitlab: duplicate fingerprint %v", is["fingerprint"])
				}
				seen[is["fingerprint"]] = true
			}

			var rd struct {
				Source *struct {
					Name string `json:"name"`
				} `json:"source"`
				Diagnostics []map[string]any `json:"diagnostics"`
			}
			if err := json.Unmarshal(render(t, "rdjson", res, testOptions()), &rd); err != nil {
				t.Fatalf("rdjson: %v", err)
			}
			if rd.Source == nil || rd.Source.Name != "profilelint" || rd.Diagnostics == nil {
				t.Errorf("rdjson: source %v, diagnostics %v", rd.Source, rd.Diagnostics)
			}
			for _, d := range rd.Diagnostics {
				for _, k := range []string{"message", "location", "severity", "code"} {
					if _, ok := d[k]; !ok {
						t.Errorf("rdjson diagnostic lacks %s: %v", k, d)
					}
				}
			}
		})
	}

	if got := string(render(t, "markdown", clean, testOptions())); !strings.Contains(got, "No findings in 1 file.") {
		t.Errorf("markdown on a clean run:\n%s", got)
	}
	if got := string(render(t, "github", clean, testOptions())); got != "" {
		t.Errorf("github on a clean run: %q", got)
	}
}

func TestLevelOf(t *testing.T) {
	a := parse(t, fileA, srcA)
	for ptr, want := range map[string]string{
		"":                                 "profile",
		"/title":                           "profile",
		"/level":                           "P3",
		"/level/typical_experience/max":    "P3",
		"/responsibilities/1/items/0":      "P2",
		"/responsibilities/0":              "P1",
		"/responsibilities":                "profile",
		"/responsibilities/7/items/0":      "profile",
		"/no/such/0/thing":                 "profile",
		"/responsibilities/0/items/0/deep": "P1",
	} {
		if got := levelOf(a, ptr); got != want {
			t.Errorf("levelOf(%q) = %q, want %q", ptr, got, want)
		}
	}
	if got := levelOf(nil, "/level"); got != "profile" {
		t.Errorf("levelOf without a source = %q", got)
	}
}

func TestByteColumn(t *testing.T) {
	f := parse(t, "x.yaml", "title: a—b\n")
	for col, want := range map[int]int{1: 1, 9: 9, 10: 12, 11: 13, 12: 14} {
		if got := byteColumn(f, 1, col); got != want {
			t.Errorf("byteColumn(%d) = %d, want %d", col, got, want)
		}
	}
}
