package rules

import (
	"strings"
	"testing"

	"github.com/profilelint/profilelint/lint"
)

const idName = "INFRAS.PLATFORM.P3.yaml"

// idProfile is a profile with id INFRAS.PLATFORM.P3 (line 2) and the
// given codes (lines 5, 6 and 7), completed by tail from line 11.
func idProfile(function, focus, level, tail string) string {
	return idDocProfile("INFRAS.PLATFORM.P3", function, focus, level, tail)
}

func TestIDMismatch(t *testing.T) {
	cases := []struct {
		name                   string
		function, focus, level string
		want                   []string
		message                string
	}{
		{"level", "INFRAS", "PLATFORM", "P4", []string{idName + ":7:15 id-mismatch"},
			"level.code P4 disagrees with the id INFRAS.PLATFORM.P3, whose level part is P3"},
		{"function", "INFRA", "PLATFORM", "P3", []string{idName + ":5:18 id-mismatch"},
			"function.code INFRA disagrees with the id INFRAS.PLATFORM.P3, whose function part is INFRAS, as the file name says"},
		{"focus", "INFRAS", "PLATFORMS", "P3", []string{idName + ":6:15 id-mismatch"},
			"focus.code PLATFORMS disagrees with the id INFRAS.PLATFORM.P3, whose focus part is PLATFORM, as the file name says"},
		{"near miss: all agree", "INFRAS", "PLATFORM", "P3", nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := expectAt(t, lintOne(t, idName, idProfile(c.function, c.focus, c.level, ""), IDMismatch), "id-mismatch", c.want...)
			if len(got) == 1 {
				if got[0].Message != c.message {
					t.Errorf("message %q, want %q", got[0].Message, c.message)
				}
				if len(got[0].Related) != 1 || got[0].Related[0].Line != 2 {
					t.Errorf("related %v, want the id at line 2", got[0].Related)
				}
			}
		})
	}
}

// The outlier is blamed: the field that disagrees with all the others.
func TestIDMismatchOutlier(t *testing.T) {
	// The id says P6; level.code, the title and the file name say P7.
	p7 := idDocProfile("INFRAS.PLATFORM.P6", "INFRAS", "PLATFORM", "P7", "")
	cases := []struct {
		name, file, src string
		want            []string
		message         string
		fixed           string // the id after the fix; "" for none
	}{
		{"the id, against the code, the title and the file name", "INFRAS.PLATFORM.P7.yaml", p7,
			[]string{"INFRAS.PLATFORM.P7.yaml:2:21 id-mismatch"},
			"the id INFRAS.PLATFORM.P6 says level P6, but level.code, the file name and the title say P7", "INFRAS.PLATFORM.P7"},
		{"the id, against the code and the title", "p.yaml", p7,
			[]string{"p.yaml:2:21 id-mismatch"},
			"the id INFRAS.PLATFORM.P6 says level P6, but level.code and the title say P7", ""}, // the file name does not confirm: no fix
		{"the id's focus, against the code and the file name (in another case)", "ladders/infras.platform.p3.yaml",
			idDocProfile("INFRAS.PLATFROM.P3", "INFRAS", "PLATFORM", "P3", ""),
			[]string{"ladders/infras.platform.p3.yaml:2:12 id-mismatch"},
			"the id INFRAS.PLATFROM.P3 says focus PLATFROM, but focus.code and the file name say PLATFORM", "INFRAS.PLATFORM.P3"},
		{"the id's function, quoted", "INFRAS.PLATFORM.P3.yaml",
			strings.Replace(idDocProfile("INFRA.PLATFORM.P3", "INFRAS", "PLATFORM", "P3", ""), "id: INFRA.PLATFORM.P3", `id: "INFRA.PLATFORM.P3"`, 1),
			[]string{"INFRAS.PLATFORM.P3.yaml:2:6 id-mismatch"},
			"the id INFRA.PLATFORM.P3 says function INFRA, but function.code and the file name say INFRAS", "INFRAS.PLATFORM.P3"},
		{"the code, against the id, the title and the file name", "INFRAS.PLATFORM.P6.yaml",
			strings.Replace(idDocProfile("INFRAS.PLATFORM.P6", "INFRAS", "PLATFORM", "P6", ""), "level: {code: P6", "level: {code: P7", 1),
			[]string{"INFRAS.PLATFORM.P6.yaml:7:15 id-mismatch"},
			"level.code P7 disagrees with the id INFRAS.PLATFORM.P6, whose level part is P6, as the file name and the title say", ""},
		{"no majority: the file name with the id, the title with the code", "INFRAS.PLATFORM.P6.yaml", p7,
			[]string{"INFRAS.PLATFORM.P6.yaml:7:15 id-mismatch"},
			"level.code P7 disagrees with the id INFRAS.PLATFORM.P6, whose level part is P6", ""},
		{"no witness: a title naming both, a name of another form", "platform.yaml",
			strings.Replace(p7, "title: Platform Engineering — P7", "title: Platform Engineering — P6 and P7", 1),
			[]string{"platform.yaml:7:15 id-mismatch"},
			"level.code P7 disagrees with the id INFRAS.PLATFORM.P6, whose level part is P6", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := expectAt(t, lintOne(t, c.file, c.src, IDMismatch), "id-mismatch", c.want...)
			if len(got) != 1 {
				return
			}
			f := got[0]
			if f.Message != c.message {
				t.Errorf("message %q, want %q", f.Message, c.message)
			}
			if len(f.Related) != 1 {
				t.Errorf("related %v, want one place", f.Related)
			}
			if c.fixed == "" {
				if len(f.Fixes) > 0 {
					t.Errorf("unexpected fix %v", f.Fixes)
				}
				return
			}
			out := applyFixes(t, c.src, got)
			if id := idLine.FindStringSubmatch(out); id == nil || strings.Trim(id[1], `"`) != c.fixed {
				t.Errorf("fixed id line %v, want %s", id, c.fixed)
			}
			if left := lintOne(t, c.file, out, IDMismatch); len(left) > 0 {
				t.Errorf("after the fix: %v", left)
			}
		})
	}
}

// filename-id is quiet when the id is the outlier: the file name is
// right, and id-mismatch reports the id. When the file name is the
// outlier, it is reported, without a fix.
func TestFilenameIDOutlier(t *testing.T) {
	p7 := idDocProfile("INFRAS.PLATFORM.P6", "INFRAS", "PLATFORM", "P7", "")
	both := []*lint.Rule{IDMismatch, FilenameID}
	fs := lintOne(t, "INFRAS.PLATFORM.P7.yaml", p7, both...)
	if got := positions(fs); len(got) != 1 || got[0] != "INFRAS.PLATFORM.P7.yaml:2:21 id-mismatch" {
		t.Errorf("id outlier: got %v, want one id-mismatch at the id's level part", got)
	}
	// With its own pattern, the same holds.
	cfg := lint.Config{Options: map[string]map[string]any{"filename-id": {"pattern": "{function}/{id_lower}"}}}
	fs = lintFilesConfig(t, cfg, map[string]string{"INFRAS/infras.platform.p7.yaml": p7}, both...)
	if got := positions(fs); len(got) != 1 || !strings.HasSuffix(got[0], " id-mismatch") {
		t.Errorf("id outlier, pattern: got %v, want one id-mismatch", got)
	}
	// The file name is the outlier: the id and the codes agree on P7.
	ok7 := idDocProfile("INFRAS.PLATFORM.P7", "INFRAS", "PLATFORM", "P7", "")
	fs = lintOne(t, "INFRAS.PLATFORM.P6.yaml", ok7, both...)
	if got := positions(fs); len(got) != 1 || got[0] != "INFRAS.PLATFORM.P6.yaml:2:5 filename-id" {
		t.Fatalf("name outlier: got %v, want one filename-id", got)
	}
	if len(fs[0].Fixes) > 0 {
		t.Errorf("name outlier: a fix %v; renaming is the user's", fs[0].Fixes)
	}
	// The code is the outlier: the name agrees with the id, so only
	// id-mismatch speaks.
	fs = lintOne(t, "INFRAS.PLATFORM.P6.yaml", strings.Replace(p7, "— P7", "— P6", 1), both...)
	if got := positions(fs); len(got) != 1 || got[0] != "INFRAS.PLATFORM.P6.yaml:7:15 id-mismatch" {
		t.Errorf("code outlier: got %v, want one id-mismatch at level.code", got)
	}
	// The id disagrees with the code and the name is a third value: both
	// defects are reported.
	fs = lintOne(t, "INFRAS.PLATFORM.P5.yaml", p7, both...)
	if got := positions(fs); len(got) != 2 {
		t.Errorf("three values: got %v, want id-mismatch and filename-id", got)
	}
}

func TestFilenameID(t *testing.T) {
	src := idProfile("INFRAS", "PLATFORM", "P3", "")
	cases := []struct {
		name, file, pattern string
		want                []string
		message             string
	}{
		{"other name", "profiles/platform-p3.yaml", "", []string{"profiles/platform-p3.yaml:2:5 filename-id"},
			"file name platform-p3.yaml does not match the id INFRAS.PLATFORM.P3; want INFRAS.PLATFORM.P3.yaml"},
		{"near miss: other extension and directory", "profiles/INFRAS.PLATFORM.P3.yml", "", nil, ""},
		{"case differs", "infras.platform.p3.yaml", "", []string{"infras.platform.p3.yaml:2:5 filename-id"}, ""},
		{"near miss: id_lower", "infras.platform.p3.yaml", "{id_lower}", nil, ""},
		{"near miss: stdin", "<stdin>", "", nil, ""},
		{"near miss: dash", "-", "", nil, ""},
		{"near miss: function directory", "ladders/INFRAS/INFRAS.PLATFORM.P3.yaml", "{function}/{id}", nil, ""},
		{"wrong directory", "ladders/SRE/INFRAS.PLATFORM.P3.yaml", "{function}/{id}", []string{"ladders/SRE/INFRAS.PLATFORM.P3.yaml:2:5 filename-id"},
			"file name SRE/INFRAS.PLATFORM.P3.yaml does not match the id INFRAS.PLATFORM.P3; want INFRAS/INFRAS.PLATFORM.P3.yaml"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var cfg lint.Config
			if c.pattern != "" {
				cfg.Options = map[string]map[string]any{"filename-id": {"pattern": c.pattern}}
			}
			got := expectAt(t, lintFilesConfig(t, cfg, map[string]string{c.file: src}, FilenameID), "filename-id", c.want...)
			if len(got) == 1 {
				if c.message != "" && got[0].Message != c.message {
					t.Errorf("message %q, want %q", got[0].Message, c.message)
				}
				if got[0].Severity != lint.Warning {
					t.Errorf("severity %s, want warning", got[0].Severity)
				}
			}
		})
	}
}

func TestUniqueID(t *testing.T) {
	p3 := idProfile("INFRAS", "PLATFORM", "P3", "")
	files := map[string]string{"a/INFRAS.PLATFORM.P3.yaml": p3, "b/INFRAS.PLATFORM.P3.yaml": p3, "INFRAS.PLATFORM.P4.yaml": strings.ReplaceAll(p3, "P3", "P4")}
	got := expectAt(t, lintFiles(t, files, UniqueID), "unique-id", "b/INFRAS.PLATFORM.P3.yaml:2:5 unique-id")
	if len(got) == 1 {
		f := got[0]
		if f.Message != "id INFRAS.PLATFORM.P3 is already the id of a/INFRAS.PLATFORM.P3.yaml" || f.Pointer != "/id" || f.Severity != lint.Error {
			t.Errorf("got %s %q at %s", f.Severity, f.Message, f.Pointer)
		}
		if len(f.Related) != 1 || f.Related[0].File != "a/INFRAS.PLATFORM.P3.yaml" || f.Related[0].Line != 2 || f.Related[0].Column != 5 {
			t.Errorf("related %v, want a/INFRAS.PLATFORM.P3.yaml:2:5", f.Related)
		}
	}
	// Near miss: the same file named twice is one file, not two.
	delete(files, "b/INFRAS.PLATFORM.P3.yaml")
	expectAt(t, lintFiles(t, files, UniqueID), "unique-id")
}

func TestAdjacentUnresolved(t *testing.T) {
	p3 := idProfile("INFRAS", "PLATFORM", "P3", `adjacent_roles:
  - id: INFRAS.PLATFORM.P4
    match: weak
  - id: INFRAS.PLATFROM.P4
    match: weak
`)
	p4 := idDocProfile("INFRAS.PLATFORM.P4", "INFRAS", "PLATFORM", "P4", "")
	got := expectAt(t, lintFiles(t, map[string]string{idName: p3, "INFRAS.PLATFORM.P4.yaml": p4}, AdjacentUnresolved), "adjacent-unresolved",
		idName+":14:9 adjacent-unresolved")
	if len(got) == 1 {
		want := "adjacent role INFRAS.PLATFROM.P4 is not defined by any linted file (did you mean INFRAS.PLATFORM.P4?)"
		if got[0].Message != want || got[0].Severity != lint.Warning {
			t.Errorf("got %s %q, want warning %q", got[0].Severity, got[0].Message, want)
		}
	}
	// Alone, P3's reference to P4 no longer resolves; its own id is never suggested.
	got = expectAt(t, lintOne(t, idName, p3, AdjacentUnresolved), "adjacent-unresolved",
		idName+":12:9 adjacent-unresolved", idName+":14:9 adjacent-unresolved")
	for _, f := range got {
		if strings.Contains(f.Message, "did you mean") {
			t.Errorf("suggests an id: %q", f.Message)
		}
	}
}

func TestSOCCode(t *testing.T) {
	entry := func(system, code, title string) string {
		s := "classification:\n  - system: " + system + "\n    code: \"" + code + "\"\n"
		if title != "" {
			s += "    title: " + title + "\n"
		}
		return s + "    source: jfm-factory.resolve\n"
	}
	cases := []struct {
		name, system, code, title string
		want                      []string
		message                   string
	}{
		{"near miss: SOC", "SOC-2018", "15-1244", "Network and Computer Systems Administrators", nil, ""},
		{"near miss: O*NET", "ONET-SOC-2019", "15-1244.00", "", nil, ""},
		{"near miss: case and punctuation", "SOC-2018", "15-1244", "network & computer systems administrators.", nil, ""},
		{"near miss: O*NET specialisation keeps its own title", "ONET-SOC-2019", "15-1299.08", "Computer Systems Engineers/Architects", nil, ""},
		{"title", "SOC-2018", "15-1244", "Network Administrators", []string{idName + ":14:12 soc-code"},
			`title "Network Administrators" does not match 15-1244 Network and Computer Systems Administrators`},
		{"O*NET title", "ONET-SOC-2019", "15-1244.00", "Network Administrators", []string{idName + ":14:12 soc-code"},
			`title "Network Administrators" does not match 15-1244 Network and Computer Systems Administrators`},
		{"unknown", "SOC-2018", "15-9999", "", []string{idName + ":13:11 soc-code"}, "15-9999 is not an occupation of SOC 2018"},
		{"unknown O*NET", "ONET-SOC-2019", "15-1249.00", "", []string{idName + ":13:11 soc-code"},
			"15-1249.00: 15-1249 is not an occupation of SOC 2018; its group holds 15-1241 Computer Network Architects, 15-1242 Database Administrators, 15-1243 Database Architects and 15-1244 Network and Computer Systems Administrators"},
		{"shape", "SOC-2018", "151244", "", []string{idName + ":13:11 soc-code"}, `SOC-2018 code "151244" has the wrong shape; want NN-NNNN, like 15-1244`},
		{"O*NET code under SOC", "SOC-2018", "15-1244.00", "", []string{idName + ":13:11 soc-code"},
			`SOC-2018 code "15-1244.00" has the wrong shape; want NN-NNNN, like 15-1244; 15-1244.00 is an O*NET-SOC code (system ONET-SOC-2019)`},
		{"SOC code under O*NET", "ONET-SOC-2019", "15-1244", "", []string{idName + ":13:11 soc-code"},
			`ONET-SOC-2019 code "15-1244" has the wrong shape; want NN-NNNN.NN, like 15-1244.00; did you mean 15-1244.00?`},
		{"near miss: ISCO is not checked", "ISCO-08", "2522", "Systems administrators", nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := idProfile("INFRAS", "PLATFORM", "P3", entry(c.system, c.code, c.title))
			got := expectAt(t, lintOne(t, idName, src, SOCCode), "soc-code", c.want...)
			if len(got) == 1 && got[0].Message != c.message {
				t.Errorf("message %q, want %q", got[0].Message, c.message)
			}
		})
	}
}

func TestSOCTable(t *testing.T) {
	table := socTitles()
	if len(table) != 867 {
		t.Errorf("the embedded SOC 2018 list has %d occupations, want 867", len(table))
	}
	if got := table["15-1299"]; got != "Computer Occupations, All Other" {
		t.Errorf("15-1299 is %q", got)
	}
}
