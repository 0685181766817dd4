package rules

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/profilelint/profilelint/lint"
)

// provFixture is a clean provenance section; tests plant one fault in it.
// provDocProfile puts it at line 11.
const provFixture = "provenance:\n" + provFixtureSources + `  layers:
    focus: [onet]
    level: [rubric]
    responsibilities: [onet]
    level_guidelines: [rubric]
    skills: [onet]
    classification: [onet]
  review:
    scale: {min: 1, max: 5}
    pass_threshold: 4
    scores: {accuracy: 4, sourcing: 5}
`

const provFixtureSources = `  sources:
    - id: onet
      title: O*NET OnLine
      url: https://www.onetonline.org/
      retrieved: 2026-03-10
    - id: rubric
      title: Leveling rubric
      citation: Career framework 2026.1
      retrieved: 2026-03-01
`

// withToday runs the test with the clock at the given date.
func withToday(t *testing.T, date string) {
	t.Helper()
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		t.Fatal(err)
	}
	saved := now
	now = func() time.Time { return d.Add(12 * time.Hour) }
	t.Cleanup(func() { now = saved })
}

// plantInFixture returns the fixture profile with old replaced by new, once.
func plantInFixture(t *testing.T, old, new string) string {
	t.Helper()
	src := provDocProfile(provFixture)
	if !strings.Contains(src, old) {
		t.Fatalf("fixture lacks %q", old)
	}
	return strings.Replace(src, old, new, 1)
}

const provName = "INFRAS.PLATFORM.P3.yaml"

func provenanceRules() []*lint.Rule {
	return []*lint.Rule{ProvenanceMissing, ProvenanceUnresolved, ProvenanceSource, ReviewFailed, ClassificationSource}
}

func identityRules() []*lint.Rule {
	return []*lint.Rule{IDMismatch, FilenameID, UniqueID, AdjacentUnresolved, SOCCode}
}

// expectAt asserts the findings of one rule, as positions, and returns them.
func expectAt(t *testing.T, fs []lint.Finding, rule string, want ...string) []lint.Finding {
	t.Helper()
	got := only(fs, rule)
	if !slices.Equal(positions(got), want) {
		t.Errorf("%s: got %v, want %v\n%v", rule, positions(got), want, got)
	}
	return got
}

func TestProvenanceFixtureClean(t *testing.T) {
	withToday(t, "2026-03-10")
	fs := lintOne(t, provName, provDocProfile(provFixture), provenanceRules()...)
	if len(fs) != 0 {
		t.Errorf("the fixture yields %v", fs)
	}
}

func TestProvenanceMissing(t *testing.T) {
	withToday(t, "2026-03-10")
	cases := []struct {
		name, old, new string
		want           []string
		message        string
	}{
		{"no provenance", provFixture, "", []string{provName + ":1:1 provenance-missing"}, "no provenance declared"},
		{"empty sources", provFixtureSources, "  sources: []\n", []string{provName + ":12:12 provenance-missing"}, "no sources declared, so no layer of the profile is backed"},
		{"no layers", "  layers:\n    focus: [onet]\n    level: [rubric]\n    responsibilities: [onet]\n    level_guidelines: [rubric]\n    skills: [onet]\n    classification: [onet]\n", "",
			[]string{provName + ":11:1 provenance-missing"}, "no layers declared, so no source backs focus, level, responsibilities, level_guidelines, skills or classification"},
		{"empty layer", "skills: [onet]", "skills: []", []string{provName + ":26:13 provenance-missing"}, "layer skills lists no source, so nothing backs it"},
		{"unlisted layers", "    skills: [onet]\n    classification: [onet]\n", "", []string{provName + ":21:3 provenance-missing"}, "layers skills and classification are not listed, so no source backs them"},
		{"near miss: one source backs every layer", "level: [rubric]", "level: [onet]", nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := expectAt(t, lintOne(t, provName, plantInFixture(t, c.old, c.new), ProvenanceMissing), "provenance-missing", c.want...)
			if len(got) == 1 && !strings.Contains(got[0].Message, c.message) {
				t.Errorf("message %q lacks %q", got[0].Message, c.message)
			}
		})
	}
}

func TestProvenanceUnresolved(t *testing.T) {
	withToday(t, "2026-03-10")
	t.Run("undeclared", func(t *testing.T) {
		src := plantInFixture(t, "skills: [onet]", "skills: [onet, rubrik]")
		got := expectAt(t, lintOne(t, provName, src, ProvenanceUnresolved), "provenance-unresolved", provName+":26:20 provenance-unresolved")
		want := `layer skills cites source "rubrik", which is not declared (did you mean "rubric"?); declared: onet, rubric`
		if len(got) == 1 && (got[0].Message != want || got[0].Severity != lint.Error) {
			t.Errorf("got %s %q, want error %q", got[0].Severity, got[0].Message, want)
		}
	})
	t.Run("unused is a warning", func(t *testing.T) {
		src := plantInFixture(t, "level_guidelines: [rubric]", "level_guidelines: [onet]")
		src = strings.Replace(src, "level: [rubric]", "level: [onet]", 1)
		got := expectAt(t, lintOne(t, provName, src, ProvenanceUnresolved), "provenance-unresolved", provName+":17:11 provenance-unresolved")
		if len(got) == 1 && (got[0].Severity != lint.Warning || got[0].Message != `source "rubric" is declared but no layer cites it`) {
			t.Errorf("got %s %q", got[0].Severity, got[0].Message)
		}
		// Configured lower, the warning follows; configured higher, it stays a warning.
		for sev, want := range map[lint.Severity]lint.Severity{lint.Info: lint.Info, lint.Error: lint.Warning} {
			cfg := lint.Config{Severity: map[string]lint.Severity{"provenance-unresolved": sev}}
			fs := only(lintFilesConfig(t, cfg, map[string]string{provName: src}, ProvenanceUnresolved), "provenance-unresolved")
			if len(fs) != 1 || fs[0].Severity != want {
				t.Errorf("configured %s: got %v, want one %s", sev, fs, want)
			}
		}
	})
	t.Run("near miss: cited by a classification entry", func(t *testing.T) {
		src := plantInFixture(t, "level_guidelines: [rubric]", "level_guidelines: [onet]")
		src = strings.Replace(src, "level: [rubric]", "level: [onet]", 1)
		src += "classification:\n  - system: SOC-2018\n    code: \"15-1244\"\n    source: rubric\n"
		expectAt(t, lintOne(t, provName, src, ProvenanceUnresolved), "provenance-unresolved")
	})
}

func TestProvenanceSource(t *testing.T) {
	withToday(t, "2026-03-10")
	cases := []struct {
		name, old, new string
		want           []string
		message        string
	}{
		{"future", "retrieved: 2026-03-10", "retrieved: 2026-03-11", []string{provName + ":16:18 provenance-source"},
			`retrieved date 2026-03-11 of source "onet" is in the future (today is 2026-03-10)`},
		{"near miss: today", "retrieved: 2026-03-01", "retrieved: 2026-03-10", nil, ""},
		{"not a real date", "retrieved: 2026-03-01", "retrieved: 2026-02-30", []string{provName + ":20:18 provenance-source"},
			`retrieved date 2026-02-30 of source "rubric" is not a real date`},
		{"near miss: leap day", "retrieved: 2026-03-01", "retrieved: 2024-02-29", nil, ""},
		{"not ISO", "retrieved: 2026-03-01", "retrieved: 1 March 2026", []string{provName + ":20:18 provenance-source"},
			`retrieved date "1 March 2026" of source "rubric" is not an ISO date (want YYYY-MM-DD)`},
		{"no date", "      retrieved: 2026-03-01\n", "", []string{provName + ":17:7 provenance-source"}, `source "rubric" has no retrieved date (want YYYY-MM-DD)`},
		{"no title", "      title: Leveling rubric\n", "", []string{provName + ":17:7 provenance-source"}, `source "rubric" has no title`},
		{"blank title", "title: Leveling rubric", `title: " "`, []string{provName + ":18:14 provenance-source"}, `source "rubric" has no title`},
		{"neither url nor citation", "      citation: Career framework 2026.1\n", "", []string{provName + ":17:7 provenance-source"}, `source "rubric" has neither a url nor a citation`},
		{"near miss: citation only", "      url: https://www.onetonline.org/\n", "      citation: O*NET 29.0\n", nil, ""},
		{"duplicate id", "id: rubric", "id: onet", []string{provName + ":17:11 provenance-source"}, `source id "onet" is declared twice; ids are unique in the file`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := expectAt(t, lintOne(t, provName, plantInFixture(t, c.old, c.new), ProvenanceSource), "provenance-source", c.want...)
			if len(got) == 1 && got[0].Message != c.message {
				t.Errorf("message %q, want %q", got[0].Message, c.message)
			}
			if c.name == "duplicate id" && len(got) == 1 && (len(got[0].Related) != 1 || got[0].Related[0].Line != 13) {
				t.Errorf("related %v, want line 13", got[0].Related)
			}
		})
	}
}

func TestReviewFailed(t *testing.T) {
	withToday(t, "2026-03-10")
	cases := []struct {
		name, old, new string
		want           []string
		message        string
	}{
		{"below threshold", "scores: {accuracy: 4, sourcing: 5}", "scores: {accuracy: 4, sourcing: 3, level_fit: 3}", []string{provName + ":31:37 review-failed"},
			"minimum score 3 (sourcing) is below the pass threshold 4"},
		{"near miss: at threshold", "scores: {accuracy: 4, sourcing: 5}", "scores: {accuracy: 4, sourcing: 4}", nil, ""},
		{"outside scale", "scores: {accuracy: 4, sourcing: 5}", "scores: {accuracy: 4, sourcing: 6}", []string{provName + ":31:37 review-failed"},
			"score 6 (sourcing) is outside the scale 1 to 5"},
		{"no scores", "scores: {accuracy: 4, sourcing: 5}", "scores: {}", []string{provName + ":31:13 review-failed"}, "the review has no scores"},
		{"scores missing", "    scores: {accuracy: 4, sourcing: 5}\n", "", []string{provName + ":28:3 review-failed"}, "the review has no scores"},
		{"no review", "  review:\n    scale: {min: 1, max: 5}\n    pass_threshold: 4\n    scores: {accuracy: 4, sourcing: 5}\n", "",
			[]string{provName + ":11:1 review-failed"}, "the profile has no review"},
		{"threshold outside scale", "pass_threshold: 4", "pass_threshold: 6", []string{provName + ":30:21 review-failed", provName + ":31:24 review-failed"},
			""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := expectAt(t, lintOne(t, provName, plantInFixture(t, c.old, c.new), ReviewFailed), "review-failed", c.want...)
			if len(got) == 1 && got[0].Message != c.message {
				t.Errorf("message %q, want %q", got[0].Message, c.message)
			}
		})
	}
}

func TestClassificationSource(t *testing.T) {
	withToday(t, "2026-03-10")
	src := provDocProfile(provFixture) + `classification:
  - system: SOC-2018
    code: "15-1244"
    source: onet
  - system: ONET-SOC-2019
    code: "15-1244.00"
  - system: ISCO-08
    code: "2522"
    source: ""
`
	got := expectAt(t, lintOne(t, provName, src, ClassificationSource), "classification-source",
		provName+":36:5 classification-source", provName+":40:13 classification-source")
	if len(got) == 2 && got[0].Message != "classification ONET-SOC-2019 15-1244.00 names no source" {
		t.Errorf("message %q", got[0].Message)
	}
}

// The seed has empty sources and empty scores: of these rules it yields
// exactly one provenance-missing finding and one review-failed finding.
func TestProvenanceSeed(t *testing.T) {
	withToday(t, "2026-11-27")
	seed, err := os.ReadFile("../examples/INFRAS.INFRASTR5562.P7.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fs := lintOne(t, "INFRAS.INFRASTR5562.P7.yaml", string(seed), append(provenanceRules(), identityRules()...)...)
	want := []string{
		"INFRAS.INFRASTR5562.P7.yaml:157:12 provenance-missing",
		"INFRAS.INFRASTR5562.P7.yaml:162:13 review-failed",
	}
	if !slices.Equal(positions(fs), want) {
		t.Fatalf("got %v, want %v", fs, want)
	}
	if fs[0].Message != "no sources declared, so no layer of the profile is backed" || fs[1].Message != "the review has no scores" {
		t.Errorf("messages: %q, %q", fs[0].Message, fs[1].Message)
	}
}

// P4 is sourced and reviewed; with the seed, its adjacent role resolves.
func TestProvenanceP4(t *testing.T) {
	withToday(t, "2026-11-27")
	files := map[string]string{}
	for _, name := range []string{"INFRAS.INFRASTR5562.P4.yaml", "INFRAS.INFRASTR5562.P7.yaml"} {
		data, err := os.ReadFile("../examples/" + name)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(data)
	}
	all := append(provenanceRules(), identityRules()...)
	var perFile []*lint.Rule
	for _, r := range all {
		if r.Scope == lint.PerFile {
			perFile = append(perFile, r)
		}
	}
	if fs := lintOne(t, "INFRAS.INFRASTR5562.P4.yaml", files["INFRAS.INFRASTR5562.P4.yaml"], perFile...); len(fs) != 0 {
		t.Errorf("P4 alone: %v", fs)
	}
	fs := lintFiles(t, files, all...)
	want := []string{
		"INFRAS.INFRASTR5562.P7.yaml:157:12 provenance-missing",
		"INFRAS.INFRASTR5562.P7.yaml:162:13 review-failed",
	}
	if !slices.Equal(positions(fs), want) {
		t.Errorf("P4 and the seed: got %v, want %v", fs, want)
	}
}
