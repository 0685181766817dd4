package rules

import (
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/lint"
)

// lintFiles lints in-memory files (name → YAML) with the given rules only
// and returns every finding.
func lintFiles(t *testing.T, files map[string]string, rs ...*lint.Rule) []lint.Finding {
	t.Helper()
	return lintFilesConfig(t, lint.Config{}, files, rs...)
}

// lintFilesConfig is lintFiles with a configuration (severities, options,
// ladders); its Rules are replaced by rs.
func lintFilesConfig(t *testing.T, cfg lint.Config, files map[string]string, rs ...*lint.Rule) []lint.Finding {
	t.Helper()
	var sources []lint.Source
	for _, name := range sortedKeys(files) {
		data := []byte(files[name])
		sources = append(sources, lint.Source{Name: name, Read: func() ([]byte, error) { return data, nil }})
	}
	cfg.Rules = rs
	res := lint.Run(cfg, sources)
	if len(res.Errors) > 0 {
		t.Fatalf("read errors: %v", res.Errors)
	}
	return res.Findings
}

// lintOne lints a single file named name.
func lintOne(t *testing.T, name, src string, rs ...*lint.Rule) []lint.Finding {
	t.Helper()
	return lintFiles(t, map[string]string{name: src}, rs...)
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// only keeps the findings of one rule.
func only(fs []lint.Finding, id string) []lint.Finding {
	var out []lint.Finding
	for _, f := range fs {
		if f.Rule == id {
			out = append(out, f)
		}
	}
	return out
}

// positions renders findings as "line:col rule" for compact assertions.
func positions(fs []lint.Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.File + ":" + strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column) + " " + f.Rule
	}
	return out
}

var fileMarker = regexp.MustCompile(`(?m)^# file: (\S+)\n`)

// exampleFiles splits a doc example into files. An example without
// "# file: NAME" lines is one file, named after the id it declares (so that
// filename-id is quiet on it) or example.yaml.
func exampleFiles(example string) map[string]string {
	locs := fileMarker.FindAllStringSubmatchIndex(example, -1)
	if len(locs) == 0 {
		return map[string]string{exampleName(example): example}
	}
	files := make(map[string]string)
	for i, loc := range locs {
		end := len(example)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		files[example[loc[2]:loc[3]]] = example[loc[1]:end]
	}
	return files
}

var idLine = regexp.MustCompile(`(?m)^id: (\S+)`)

func exampleName(src string) string {
	if m := idLine.FindStringSubmatch(src); m != nil {
		return m[1] + ".yaml"
	}
	return "example.yaml"
}

// TestRuleDocs is the contract of every rule: an id, a summary, a doc, a
// bad example that yields the rule's finding and a good one that yields
// none.
func TestRuleDocs(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range All() {
		t.Run(r.ID, func(t *testing.T) {
			if seen[r.ID] {
				t.Fatalf("duplicate rule id %q", r.ID)
			}
			seen[r.ID] = true
			if r.Summary == "" || strings.TrimSpace(r.Doc.Text) == "" || r.Doc.Bad == "" || r.Doc.Good == "" {
				t.Fatalf("rule %s lacks a summary, doc text or examples", r.ID)
			}
			if r.Severity == lint.Off {
				t.Fatalf("rule %s has no default severity", r.ID)
			}
			rs := []*lint.Rule{r}
			if r == lint.UnusedSuppression || r == lint.InvalidSuppression {
				// Directives are judged against the rules that run.
				rs = All()
			}
			bad := only(lintFiles(t, exampleFiles(r.Doc.Bad), rs...), r.ID)
			if len(bad) == 0 {
				t.Errorf("the bad example yields no %s finding", r.ID)
			}
			good := only(lintFiles(t, exampleFiles(r.Doc.Good), rs...), r.ID)
			if len(good) != 0 {
				t.Errorf("the good example yields %s findings: %v", r.ID, good)
			}
		})
	}
}

// TestSpecRuleIDs: the registry holds exactly the ids of the format's rule
// table (docs/profile-format.md), plus the two suppression rules that the
// workflow adds (unused-suppression, invalid-suppression).
func TestSpecRuleIDs(t *testing.T) {
	data, err := os.ReadFile("../docs/profile-format.md")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"unused-suppression": true, "invalid-suppression": true}
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z-]+)` \\|").FindAllStringSubmatch(string(data), -1) {
		want[m[1]] = true
	}
	if len(want) == 2 {
		t.Fatal("read no ids from the format's table")
	}
	got := map[string]bool{}
	for _, r := range All() {
		got[r.ID] = true
		if !want[r.ID] {
			t.Errorf("rule %q is not in the format's table", r.ID)
		}
	}
	for id := range want {
		if !got[id] {
			t.Errorf("the format's rule %q is not registered", id)
		}
	}
}
