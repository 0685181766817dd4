package rules

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
	"github.com/profilelint/profilelint/rules/internal/text"
)

// seedSiblings returns the seed's focus at levels P1…P7: the P4 example as
// P4, the P7 seed as P7 and copies of P7 at the other levels.
func seedSiblings(t testing.TB) map[string]string {
	p7 := readExample(t, "INFRAS.INFRASTR5562.P7.yaml")
	files := map[string]string{
		"INFRAS.INFRASTR5562.P4.yaml": readExample(t, "INFRAS.INFRASTR5562.P4.yaml"),
		"INFRAS.INFRASTR5562.P7.yaml": p7,
	}
	for _, l := range []string{"P1", "P2", "P3", "P5", "P6"} {
		files["INFRAS.INFRASTR5562."+l+".yaml"] = strings.Replace(p7, "id: INFRAS.INFRASTR5562.P7", "id: INFRAS.INFRASTR5562."+l, 1)
	}
	return files
}

func TestSiblingDriftResponsibilities(t *testing.T) {
	files := seedSiblings(t)
	if fs := lintFiles(t, files, SiblingDrift); len(fs) != 0 {
		t.Fatalf("siblings that agree: %v", fs)
	}
	// P4's copy of the P4 responsibilities drifted: one item reworded.
	files["INFRAS.INFRASTR5562.P4.yaml"] = strings.Replace(files["INFRAS.INFRASTR5562.P4.yaml"],
		"Mentors mid-level engineers and may lead project teams", "Mentors mid-level engineers and leads project teams", 1)
	fs := lintFiles(t, files, SiblingDrift)
	if got := positions(fs); !reflect.DeepEqual(got, []string{"INFRAS.INFRASTR5562.P4.yaml:37:3 sibling-drift"}) {
		t.Fatalf("findings: %v", fs)
	}
	f := fs[0]
	if want := "responsibilities differ from 6 of 6 sibling profiles of INFRAS.INFRASTR5562"; f.Message != want {
		t.Errorf("message %q, want %q", f.Message, want)
	}
	if f.Severity != lint.Warning || f.Pointer != "/responsibilities" {
		t.Errorf("severity %s pointer %s", f.Severity, f.Pointer)
	}
	if len(f.Related) != 1 || f.Related[0].File != "INFRAS.INFRASTR5562.P1.yaml" || f.Related[0].Message != "the majority version, held by 6 of 7 profiles" {
		t.Errorf("related: %+v", f.Related)
	}
	want := `diff INFRAS.INFRASTR5562.P1.yaml INFRAS.INFRASTR5562.P4.yaml
--- INFRAS.INFRASTR5562.P1.yaml
+++ INFRAS.INFRASTR5562.P4.yaml
@@ -17,7 +17,7 @@
 P4: Drives automation and process improvements across the organization and sets technical standards for the team
 P4: Plays a key role in cross-team architectural decisions and leads incident response coordination and on-call escalation practices
 P4: Conducts in-depth analysis of complex variables (multi-cluster scaling, networking protocols and hardware, security posture and compliance) to ensure scalability, reliability, and security
-P4: Mentors mid-level engineers and may lead project teams toward defined platform outcomes
+P4: Mentors mid-level engineers and leads project teams toward defined platform outcomes
 P5: Designs and implements robust, scalable platform architecture using microservices and cloud technologies across cross-team boundaries
 P5: Leads development and execution of platform strategies improving availability, efficiency, and security across multiple services
 P5: Collaborates with product managers and engineering leaders to define platform requirements aligned with business objectives
`
	if f.Diff == nil || f.Diff.Unified != want {
		t.Errorf("diff:\n%s\nwant:\n%s", f.Diff.Unified, want)
	}

	// A second sibling drifting another way: P4 now differs from the six
	// others, the majority is 5 of 7.
	files["INFRAS.INFRASTR5562.P2.yaml"] = strings.Replace(files["INFRAS.INFRASTR5562.P2.yaml"], "Mentors junior engineers", "Coaches junior engineers", 1)
	var got []string
	for _, f := range lintFiles(t, files, SiblingDrift) {
		got = append(got, f.File+": "+f.Message)
	}
	wantMsgs := []string{
		"INFRAS.INFRASTR5562.P2.yaml: responsibilities differ from 6 of 6 sibling profiles of INFRAS.INFRASTR5562",
		"INFRAS.INFRASTR5562.P4.yaml: responsibilities differ from 6 of 6 sibling profiles of INFRAS.INFRASTR5562",
	}
	if !reflect.DeepEqual(got, wantMsgs) {
		t.Errorf("findings:\n%s", strings.Join(got, "\n"))
	}
}

func TestSiblingDriftSections(t *testing.T) {
	files := seedSiblings(t)
	p5 := files["INFRAS.INFRASTR5562.P5.yaml"]
	i := strings.Index(p5, "  description: \"Infrastructure")
	p5 = p5[:i] + strings.Replace(p5[i:], "that software teams build on. Distinct", "that product teams build on. Distinct", 1)
	p5 = strings.Replace(p5, "Experience with virtualization technologies such as VMware and Hyper-V.", "Experience with VMware.", 1)
	// Rubric keys in another order are no drift; another value is.
	p5 = strings.Replace(p5, "    education: \"20+ years", "    education: \"25+ years", 1)
	files["INFRAS.INFRASTR5562.P5.yaml"] = p5
	p6 := files["INFRAS.INFRASTR5562.P6.yaml"]
	p6 = strings.Replace(p6, "    experience: {min: 0, max: 1}\n", "", 1)
	p6 = strings.Replace(p6, "  - level: P1\n    knowledge:", "  - level: P1\n    experience: {min: 0, max: 1}\n    knowledge:", 1)
	files["INFRAS.INFRASTR5562.P6.yaml"] = p6
	var got []string
	for _, f := range lintFiles(t, files, SiblingDrift) {
		got = append(got, positions([]lint.Finding{f})[0]+" "+f.Pointer+": "+f.Message)
	}
	want := []string{
		"INFRAS.INFRASTR5562.P5.yaml:18:16 sibling-drift /focus/description: focus.description differs from 6 of 6 sibling profiles of INFRAS.INFRASTR5562",
		"INFRAS.INFRASTR5562.P5.yaml:87:3 sibling-drift /level_guidelines: level_guidelines differ from 6 of 6 sibling profiles of INFRAS.INFRASTR5562",
		"INFRAS.INFRASTR5562.P5.yaml:131:3 sibling-drift /skills: skills differ from 6 of 6 sibling profiles of INFRAS.INFRASTR5562",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, f := range lintFiles(t, files, SiblingDrift) {
		switch f.Pointer {
		case "/focus/description":
			d := lint.Diff{Words: f.Diff.Words}
			if !strings.Contains(d.WordDiff(), " (self-service IDPs) that [-software-]{+product+} teams build on. ") {
				t.Errorf("word diff: %s", d.WordDiff())
			}
		case "/level_guidelines":
			if !strings.Contains(f.Diff.Unified, "\n-P7 education: 20+ years") || !strings.Contains(f.Diff.Unified, "\n+P7 education: 25+ years") {
				t.Errorf("unified diff:\n%s", f.Diff.Unified)
			}
		case "/skills":
			if !strings.Contains(f.Diff.Unified, "\n+Virtualization: Experience with VMware.\n") {
				t.Errorf("unified diff:\n%s", f.Diff.Unified)
			}
		}
	}
}

func TestSiblingDriftNoMajority(t *testing.T) {
	// Two siblings that disagree: no majority, but still a drift, reported
	// at the second file against the first.
	mk := func(level, item string) string {
		return fmt.Sprintf("id: X.A.%s\nfunction: {code: X}\nfocus: {code: A}\nresponsibilities:\n  - level: P1\n    items: [%s]\n", level, item)
	}
	files := map[string]string{"X.A.P1.yaml": mk("P1", "Writes scripts"), "X.A.P2.yaml": mk("P2", "Writes tests")}
	fs := lintFiles(t, files, SiblingDrift)
	if len(fs) != 1 || fs[0].File != "X.A.P2.yaml" || fs[0].Line != 5 || fs[0].Column != 3 {
		t.Fatalf("findings: %v", fs)
	}
	if want := "responsibilities differ from 1 of 1 sibling profiles of X.A; no version is held by more siblings than another, compared with X.A.P1.yaml"; fs[0].Message != want {
		t.Errorf("message %q", fs[0].Message)
	}
	// A plurality without a majority: 2 of 4 hold one version.
	files["X.A.P3.yaml"] = mk("P3", "Writes tests")
	files["X.A.P4.yaml"] = mk("P4", "Writes docs")
	var got []string
	for _, f := range lintFiles(t, files, SiblingDrift) {
		got = append(got, f.File+": "+f.Message)
	}
	want := []string{
		"X.A.P1.yaml: responsibilities differ from 3 of 3 sibling profiles of X.A; compared with the most common version, held by 2 of 4",
		"X.A.P4.yaml: responsibilities differ from 3 of 3 sibling profiles of X.A; compared with the most common version, held by 2 of 4",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings:\n%s", strings.Join(got, "\n"))
	}
	// Different focuses never compare.
	files = map[string]string{"X.A.P1.yaml": mk("P1", "Writes scripts"), "X.B.P2.yaml": strings.Replace(mk("P2", "Writes tests"), "{code: A}", "{code: B}", 1)}
	if fs := lintFiles(t, files, SiblingDrift); len(fs) != 0 {
		t.Errorf("findings across focuses: %v", fs)
	}
}

func TestSiblingDriftDeterministic(t *testing.T) {
	files := seedSiblings(t)
	files["INFRAS.INFRASTR5562.P3.yaml"] = strings.Replace(files["INFRAS.INFRASTR5562.P3.yaml"], "Cloud platforms", "Cloud", 1)
	files["INFRAS.INFRASTR5562.P5.yaml"] = strings.Replace(files["INFRAS.INFRASTR5562.P5.yaml"], "Cloud platforms", "Clouds", 1)
	first := lintFiles(t, files, SiblingDrift, DuplicateAcross, DuplicateText)
	for range 5 {
		if again := lintFiles(t, files, SiblingDrift, DuplicateAcross, DuplicateText); !reflect.DeepEqual(first, again) {
			t.Fatalf("runs differ")
		}
	}
}

// The hash every file keeps is the hash of the text shown in diffs.
func TestSectionHashIsHashOfRendering(t *testing.T) {
	data, err := os.ReadFile("../examples/INFRAS.INFRASTR5562.P4.yaml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := profiles.Parse("p.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sharedSections {
		n := f.Root.Lookup(s.ptr)
		rendered := renderSection(s.name, n)
		if sectionHash(s.name, n) != text.Hash64(rendered) {
			t.Errorf("%s: sectionHash differs from text.Hash64 of %q…", s.name, rendered[:min(60, len(rendered))])
		}
		if strings.Contains(rendered, "  ") {
			t.Errorf("%s: white space not collapsed", s.name)
		}
	}
}

// writeCollapsed writes a text's words apart by single spaces, whatever
// white space the text has: strings.Fields joined, on every path.
func FuzzWriteCollapsed(f *testing.F) {
	for _, s := range []string{"", "a", "a b", " a", "a ", "a  b", "a\tb", "a\u00a0b", "é b", "a\u2003 b\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b strings.Builder
		writeCollapsed(&b, s)
		if want := strings.Join(strings.Fields(s), " "); b.String() != want {
			t.Fatalf("writeCollapsed(%q) = %q, want %q", s, b.String(), want)
		}
	})
}
