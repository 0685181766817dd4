package rules

import (
	"reflect"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/lint"
)

func TestDuplicateAcrossNearCopies(t *testing.T) {
	const (
		desc    = "Designs, builds and operates the cloud platform that product teams build on, from networks to the developer portal."
		nearly  = "Designs, builds and operates the data platform that product teams build on, from networks to the developer portal."
		other   = "Keeps production healthy: runs incident response, sets service level objectives and leads the reviews after outages."
		skill   = "Writes Terraform modules that provision accounts, networks and clusters, and reviews the plans of others."
		skill2  = "Writes Terraform modules that provision accounts, networks and databases, and reviews the plans of others."
		siblngs = "Designs, builds and operates the cloud platform that product teams build on, from networks to the support portal."
	)
	files := map[string]string{
		"INFRAS.PLAT.P3.yaml": acrossProfile("INFRAS", "PLAT", "P3", desc, nil, [][2]string{{"IaC", skill}}),
		// A sibling whose description drifted: sibling-drift's business, not a near copy.
		"INFRAS.PLAT.P4.yaml": acrossProfile("INFRAS", "PLAT", "P4", siblngs, nil, [][2]string{{"iac", skill2}}),
		"INFRAS.DATA.P4.yaml": acrossProfile("INFRAS", "DATA", "P4", nearly, nil, [][2]string{{"Terraform", skill2}}),
		"INFRAS.SRE.P4.yaml":  acrossProfile("INFRAS", "SRE", "P4", other, nil, [][2]string{{"Go", "Writes services in Go."}}),
	}
	fs := only(lintFiles(t, files, DuplicateAcross), "duplicate-across")
	var got []string
	for _, f := range fs {
		if f.Severity != lint.Warning && strings.Contains(f.Message, "nearly") {
			t.Errorf("near copy with severity %s", f.Severity)
		}
		diff := ""
		if f.Diff != nil {
			diff = " | " + f.Diff.WordDiff()
		}
		got = append(got, positions([]lint.Finding{f})[0]+": "+f.Message+" | "+f.Related[0].Pointer+" "+f.Related[0].Message+diff)
	}
	want := []string{
		// PLAT's P3 description repeats DATA's (earlier in file order) with
		// one word changed; its P4 sibling's drifted one is further off (89%).
		"INFRAS.PLAT.P3.yaml:6:16 duplicate-across: focus INFRAS.PLAT's description nearly repeats that of focus INFRAS.DATA (INFRAS.DATA.P4.yaml:6:16): 94% of their words are the same | /focus/description similar description, focus INFRAS.DATA | Designs, builds and operates the [-data-]{+cloud+} platform that product teams build on, from networks to the developer portal.",
		// Skill descriptions count as copies only when exact: IaC's (P3) and
		// Terraform's differ by a word, the P4 sibling's is Terraform's.
		`INFRAS.PLAT.P4.yaml:10:18 duplicate-across: skill "iac" has the same description as skill "Terraform" (INFRAS.DATA.P4.yaml:10:18) | /skills/0/description same description, skill "Terraform"`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// "similarity: 1" turns near copies off; exact copies stay.
	off := lint.Config{Options: map[string]map[string]any{"duplicate-across": {"similarity": 1.0}}}
	if fs := only(lintFilesConfig(t, off, files, DuplicateAcross), "duplicate-across"); len(fs) != 1 || fs[0].Severity != lint.Error {
		t.Errorf("with similarity 1: %v", fs)
	}
	// Texts under min_words are only compared for exact copies.
	short := lint.Config{Options: map[string]map[string]any{"duplicate-across": {"min_words": 50}}}
	if fs := only(lintFilesConfig(t, short, files, DuplicateAcross), "duplicate-across"); len(fs) != 1 || fs[0].Severity != lint.Error {
		t.Errorf("with min_words 50: %v", fs)
	}
}

// The doc's bad example shows each kind of finding: two exact copies
// (errors) and a near copy of a focus description (a warning).
func TestDuplicateAcrossDocExample(t *testing.T) {
	fs := only(lintFiles(t, exampleFiles(DuplicateAcross.Doc.Bad), DuplicateAcross), "duplicate-across")
	var got []string
	for _, f := range fs {
		got = append(got, f.Severity.String()+" "+f.Pointer)
	}
	want := []string{"warning /focus/description", "error /focus/description", "error /responsibilities/1/items/0"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("bad example gives %v, want %v", got, want)
	}
}
