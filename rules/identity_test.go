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
			"function.code INFRA disagrees with the id INFRAS.PLATFORM.P3, whose function part is INFRAS"},
		{"focus", "INFRAS", "PLATFORMS", "P3", []string{idName + ":6:15 id-mismatch"},
			"focus.code PLATFORMS disagrees with the id INFRAS.PLATFORM.P3, whose focus part is PLATFORM"},
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
