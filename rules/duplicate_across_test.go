package rules

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/lint/resultcache"
	"github.com/profilelint/profilelint/profiles"
)

// acrossProfile writes a small profile of focus fn.fo at level with the
// given focus description, responsibilities (level → items) and skills
// (name → description), in that order.
func acrossProfile(fn, fo, level, desc string, resps [][2]string, skills [][2]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "schema: profile/v1\nid: %s.%s.%s\nfunction: {code: %s}\nfocus:\n  code: %s\n  description: %s\n", fn, fo, level, fn, fo, desc)
	b.WriteString("responsibilities:\n")
	for _, r := range resps {
		fmt.Fprintf(&b, "  - level: %s\n    items:\n      - %s\n", r[0], r[1])
	}
	b.WriteString("skills:\n")
	for _, s := range skills {
		fmt.Fprintf(&b, "  - name: %s\n    description: %s\n", s[0], s[1])
	}
	return b.String()
}

// acrossFocuses compares the level texts of different focuses too.
var acrossFocuses = lint.Config{Options: map[string]map[string]any{"duplicate-across": {"across_focuses": true}}}

func TestDuplicateAcrossPlanted(t *testing.T) {
	const (
		desc  = "Designs and operates the cloud platform that teams build on."
		resp  = "Mentors junior engineers and coordinates project activities"
		skill = "Terraform or CloudFormation to manage infrastructure as code."
	)
	files := map[string]string{
		"INFRAS.PLAT.P3.yaml": acrossProfile("INFRAS", "PLAT", "P3", desc, [][2]string{{"P3", resp}}, [][2]string{{"IaC", skill}}),
		// Same focus, same level: the sibling legitimately repeats all.
		"INFRAS.PLAT.P4.yaml": acrossProfile("INFRAS", "PLAT", "P4", desc, [][2]string{{"P3", resp}}, [][2]string{{"iac", skill}}),
		// Another focus: its description, its P5 responsibility and its
		// "Terraform" skill repeat PLAT's (case and punctuation aside).
		"INFRAS.SRE.P4.yaml": acrossProfile("INFRAS", "SRE", "P4", strings.ToUpper(desc), [][2]string{{"P5", resp + "."}}, [][2]string{{"Terraform", skill}}),
	}
	// Two focuses may give one text at different levels of their ladders
	// (values shared by role ladders): reported only when asked.
	if fs := only(lintFiles(t, files, DuplicateAcross), "duplicate-across"); len(fs) != 2 {
		t.Errorf("by default, the SRE's P5 copy of PLAT's P3 text is not reported: %v", fs)
	}
	fs := only(lintFilesConfig(t, acrossFocuses, files, DuplicateAcross), "duplicate-across")
	var got []string
	for _, f := range fs {
		got = append(got, positions([]lint.Finding{f})[0]+": "+f.Message+" | "+f.Related[0].File+":"+f.Related[0].Pointer+" "+f.Related[0].Message)
	}
	want := []string{
		"INFRAS.SRE.P4.yaml:6:16 duplicate-across: focus INFRAS.SRE has the same description as focus INFRAS.PLAT (INFRAS.PLAT.P3.yaml:6:16) | INFRAS.PLAT.P3.yaml:/focus/description same description, focus INFRAS.PLAT",
		"INFRAS.SRE.P4.yaml:10:9 duplicate-across: responsibility at P5 is also given at P3 (INFRAS.PLAT.P3.yaml:10:9); it belongs to one level | INFRAS.PLAT.P3.yaml:/responsibilities/0/items/0 same responsibility at P3",
		`INFRAS.SRE.P4.yaml:13:18 duplicate-across: skill "Terraform" has the same description as skill "IaC" (INFRAS.PLAT.P3.yaml:13:18) | INFRAS.PLAT.P3.yaml:/skills/0/description same description, skill "IaC"`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, f := range fs {
		if f.Severity != lint.Error {
			t.Errorf("severity %s", f.Severity)
		}
	}
}

func TestDuplicateAcrossNearMisses(t *testing.T) {
	const resp = "Mentors junior engineers and coordinates project activities"
	files := map[string]string{
		// Seven siblings with the same responsibility at the same level and
		// the same focus description: expected, no finding.
		// One file with a text given twice at one level: duplicate-text's.
		"X.C.P1.yaml": acrossProfile("X", "C", "P1", "Focus C.", [][2]string{{"P3", "Owns C"}, {"P3", "Owns C"}}, nil),
	}
	for i := 1; i <= 7; i++ {
		files[fmt.Sprintf("X.A.P%d.yaml", i)] = acrossProfile("X", "A", fmt.Sprintf("P%d", i), "Focus A.", [][2]string{{"P3", resp}}, nil)
	}
	// A different description and a different responsibility elsewhere.
	files["X.B.P1.yaml"] = acrossProfile("X", "B", "P1", "Focus B.", [][2]string{{"P4", resp + " daily"}}, [][2]string{{"Go", "Writes Go."}})
	if fs := lintFiles(t, files, DuplicateAcross); len(fs) != 0 {
		t.Errorf("unexpected findings: %v", fs)
	}
}

func TestDuplicateAcrossNoMultiplication(t *testing.T) {
	// A text at P3 in seven sibling files and at P5 in another focus's
	// seven files is one conflict: one finding.
	const resp = "Mentors junior engineers and coordinates project activities"
	files := map[string]string{}
	for i := 1; i <= 7; i++ {
		files[fmt.Sprintf("X.A.P%d.yaml", i)] = acrossProfile("X", "A", fmt.Sprintf("P%d", i), "Focus A.", [][2]string{{"P3", resp}}, nil)
		files[fmt.Sprintf("X.B.P%d.yaml", i)] = acrossProfile("X", "B", fmt.Sprintf("P%d", i), "Focus B.", [][2]string{{"P5", resp}}, nil)
	}
	fs := lintFilesConfig(t, acrossFocuses, files, DuplicateAcross)
	if got := positions(fs); !reflect.DeepEqual(got, []string{"X.B.P1.yaml:10:9 duplicate-across"}) {
		t.Errorf("findings: %v", got)
	}
	// A file repeating the text at P3 and P5 next to siblings that keep it
	// at P3 is reported at its P5 copy, with its own P3 copy as the other
	// place.
	files = map[string]string{
		"X.A.P1.yaml": acrossProfile("X", "A", "P1", "Focus A.", [][2]string{{"P3", resp}, {"P5", resp}}, nil),
		"X.A.P2.yaml": acrossProfile("X", "A", "P2", "Focus A.", [][2]string{{"P3", resp}}, nil),
	}
	fs = lintFiles(t, files, DuplicateAcross)
	if len(fs) != 1 || fs[0].File != "X.A.P1.yaml" || fs[0].Pointer != "/responsibilities/1/items/0" || fs[0].Related[0].Pointer != "/responsibilities/0/items/0" {
		t.Errorf("findings: %v", fs)
	}
}

func TestDuplicateAcrossSeedSiblings(t *testing.T) {
	files := map[string]string{
		"INFRAS.INFRASTR5562.P4.yaml": readExample(t, "INFRAS.INFRASTR5562.P4.yaml"),
		"INFRAS.INFRASTR5562.P7.yaml": readExample(t, "INFRAS.INFRASTR5562.P7.yaml"),
	}
	if fs := lintFiles(t, files, DuplicateAcross, SiblingDrift); len(fs) != 0 {
		t.Errorf("unexpected findings: %v", fs)
	}
}

func TestDuplicateAcrossDeterministic(t *testing.T) {
	files := syntheticCorpus(60)
	first := lintFiles(t, files, DuplicateAcross)
	if len(first) == 0 {
		t.Fatal("the synthetic corpus plants conflicts; none found")
	}
	// The same in any input order and with any number of workers.
	names := sortedKeys(files)
	slices.Reverse(names)
	var sources []lint.Source
	for _, n := range names {
		data := []byte(files[n])
		sources = append(sources, lint.Source{Name: n, Read: func() ([]byte, error) { return data, nil }})
	}
	for jobs := 1; jobs <= 4; jobs++ {
		res := lint.Run(lint.Config{Rules: []*lint.Rule{DuplicateAcross}, Jobs: jobs}, sources)
		if !reflect.DeepEqual(first, res.Findings) {
			t.Fatalf("jobs=%d: findings differ:\n%v\n%v", jobs, first, res.Findings)
		}
	}
}

// syntheticCorpus makes n profiles: focuses of seven levels each sharing
// their sections, with distinct texts per focus, and a planted conflict in
// every fifth focus (its P4 responsibility is its P3's).
func syntheticCorpus(n int) map[string]string {
	files := make(map[string]string, n)
	for i := 0; i < n; i++ {
		focus, level := i/7, i%7+1
		var resps [][2]string
		for l := 1; l <= 7; l++ {
			for k := 0; k < 5; k++ {
				resps = append(resps, [2]string{fmt.Sprintf("P%d", l), fmt.Sprintf("Focus %d responsibility %d at level %d of the ladder", focus, k, l)})
			}
		}
		if focus%5 == 3 {
			resps[3*5][1] = fmt.Sprintf("Focus %d responsibility %d at level %d of the ladder", focus, 0, 3)
		}
		var skills [][2]string
		for k := 0; k < 12; k++ {
			skills = append(skills, [2]string{fmt.Sprintf("Skill %d", k), fmt.Sprintf("Uses tool %d of focus %d well", k, focus)})
		}
		files[fmt.Sprintf("F.FO%04d.P%d.yaml", focus, level)] = acrossProfile("F", fmt.Sprintf("FO%04d", focus), fmt.Sprintf("P%d", level),
			fmt.Sprintf("Focus %d designs and operates its part of the platform.", focus), resps, skills)
	}
	return files
}

// BenchmarkDuplicateAcross lints synthetic corpora of growing size. "run"
// is the whole run, dominated by parsing; "finish" is the rule's corpus
// step alone over facts collected beforehand. Both stay flat per file
// (hash indexes, no pairs of files); a quadratic step would double its
// time per file with each doubling of files.
func BenchmarkDuplicateAcross(b *testing.B) {
	for _, n := range []int{500, 1000, 2000} {
		files := syntheticCorpus(n)
		var sources []lint.Source
		var facts []lint.Facts
		for _, name := range sortedKeys(files) {
			data := []byte(files[name])
			sources = append(sources, lint.Source{Name: name, Read: func() ([]byte, error) { return data, nil }})
			f, err := profiles.Parse(name, data)
			if err != nil {
				b.Fatal(err)
			}
			facts = append(facts, lint.Facts{File: name, Facts: collectAcross(lint.NewPass(DuplicateAcross, f))})
		}
		b.Run(fmt.Sprintf("run/files=%d", n), func(b *testing.B) {
			for b.Loop() {
				lint.Run(lint.Config{Rules: []*lint.Rule{DuplicateAcross}}, sources)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/file")
		})
		b.Run(fmt.Sprintf("finish/files=%d", n), func(b *testing.B) {
			found := 0
			for b.Loop() {
				found = 0
				judgeAcross(facts, false, func(lint.Finding) { found++ })
			}
			if want := (n/7 + 2) / 5; found != want {
				b.Errorf("%d findings, want %d", found, want)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/file")
			// What the facts cost to keep, as the result cache writes them.
			var e resultcache.Encoder
			for _, f := range facts {
				DuplicateAcross.Codec.Encode(&e, f.Facts)
			}
			b.ReportMetric(float64(len(e.Bytes()))/float64(n), "fact-bytes/file")
		})
		b.Run(fmt.Sprintf("near/files=%d", n), func(b *testing.B) {
			for b.Loop() {
				if m := nearMatches(facts, 0.9); len(m) != 0 {
					b.Fatalf("near copies in a corpus without any: %v", m)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/file")
		})
	}
}

// Profiles missing the texts duplicate-across reads are passed over, not
// a crash.
func TestAcrossMissingTexts(t *testing.T) {
	fs := lintFiles(t, map[string]string{
		"a.yaml": "id: A.B.P1\nfunction: {code: A}\nfocus: {code: B}\nresponsibilities: [{level: P1}]\nskills: [{name: Go}]\n",
		"b.yaml": "id: A.C.P1\nfunction: {code: A}\nfocus: {code: C}\n",
	}, DuplicateAcross)
	for _, f := range fs {
		t.Errorf("unexpected finding: %s", f)
	}
}

// BenchmarkCollectAcross is duplicate-across's work on each file (hashes,
// and the near copies between levels) over the example and ladder
// profiles.
func BenchmarkCollectAcross(b *testing.B) {
	files := realisticFiles(b)
	for b.Loop() {
		for _, f := range files {
			collectAcross(lint.NewPass(DuplicateAcross, f))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(files)), "ns/file")
}
