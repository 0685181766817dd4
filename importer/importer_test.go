package importer

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/profiles"
)

func seedPage(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile("../testdata/seed-page.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// The seed imports to the hand-converted example, byte for byte, but for
// the comment that says where it came from.
func TestSeedMatchesTheHandConvertedExample(t *testing.T) {
	r, err := Parse("seed-page.txt", []byte(seedPage(t)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../examples/INFRAS.INFRASTR5562.P7.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got := r.Profile.YAML("seed-page.txt")
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	if strings.Contains(gl[0], "$schema=") {
		t.Errorf("an imported file names a schema it has not beside it: %s", gl[0])
	}
	if len(gl) != len(wl) {
		t.Fatalf("%d lines, want %d:\n%s", len(gl), len(wl), got)
	}
	for i := range gl {
		if i <= 1 {
			// The header comments: the example's schema modeline is a
			// path from examples/, which an imported file has not; and
			// the source named.
			continue
		}
		if gl[i] != wl[i] {
			t.Errorf("line %d:\n got %s\nwant %s", i+1, gl[i], wl[i])
		}
	}
	if len(r.Warnings) != 0 {
		t.Errorf("warnings: %q", r.Warnings)
	}
	if want := []string{"the page lists 35 responsibilities flat; spread in order over P1…P7, 5 per level"}; !equal(r.Notes, want) {
		t.Errorf("notes %q, want %q", r.Notes, want)
	}
}

func equal(a, b []string) bool { return strings.Join(a, "\n") == strings.Join(b, "\n") }

func TestYears(t *testing.T) {
	tests := []struct{ in, min, max string }{
		{"0–1 years; new graduate or intern.", "0", "1"},
		{"2+ years with BA, or MS/PhD with no experience.", "2", ""},
		{"5+ years (BA), 3 years (MA), or PhD without experience.", "5", ""},
		{"15–22 yrs", "15", "22"},
		{"15-22 yrs", "15", "22"},
		{"8 to 10 years", "8", "10"},
		{"1 year", "1", ""},
		{"007 years", "7", ""},
		{"PhD, 4 years", "4", ""},
		{"about a decade", "", ""},
		{"P7 level", "", ""},
		{"12345 years", "", ""},
	}
	for _, tt := range tests {
		y := years(tt.in)
		if tt.min == "" {
			if y != nil {
				t.Errorf("years(%q) = %+v, want none", tt.in, y)
			}
			continue
		}
		if y == nil || y.Min != tt.min || y.Max != tt.max {
			t.Errorf("years(%q) = %+v, want {%s %s}", tt.in, y, tt.min, tt.max)
		}
	}
}

func lines(page string, from, to int) string {
	ls := strings.Split(page, "\n")
	return strings.Join(append(ls[:from-1:from-1], ls[to:]...), "\n")
}

func TestErrors(t *testing.T) {
	seed := seedPage(t)
	ls := strings.Split(seed, "\n")
	tests := []struct {
		name, page, want string
	}{
		{"empty", "", "p.txt:1: empty page"},
		{"not a profile", "# profilelint\n\nprofilelint lints profiles.\n", "p.txt:2: expected the profile id (FUNCTION.FOCUS.LEVEL, like INFRAS.INFRASTR5562.P7), found an empty line: not a profile page"},
		{"prose", "Hello\nworld\n", `p.txt:2: expected the profile id (FUNCTION.FOCUS.LEVEL, like INFRAS.INFRASTR5562.P7), found "world": not a profile page`},
		{"only a title", "Infrastructure — P7\n", "p.txt:2: the page ends here; expected the profile id (FUNCTION.FOCUS.LEVEL) (is it truncated?)"},
		{"truncated head", strings.Join(ls[:4], "\n"), `p.txt:5: the page ends here; expected the line "Focus — NAME" (is it truncated?)`},
		{"no focus line", lines(seed, 5, 5), `p.txt:5: expected the line "Focus — NAME", found "Infrastructure & Platform Engineering: designs, builds, and …"`},
		{"cut in a table row", seed[:strings.Index(seed, "| P4 |")+40], `p.txt:52: expected a row of the level guidelines table (| … |), found "| P4 | Applies in-depth platform experti" (is the page truncated?)`},
		{"table without rows", strings.Join(ls[:47], "\n"), "p.txt:48: the level guidelines table ends after its header (is the page truncated?)"},
		{"skill without description", strings.Join(ls[:70], "\n"), `p.txt:70: the skill "Networking" has no description line (is the page truncated?)`},
		{"level attribute without value", strings.Join(ls[:98], "\n"), `p.txt:98: the level attribute "Typical experience" has no value line (is the page truncated?)`},
		{"short row", strings.Replace(seed, "| 8+ years, often with graduate education. |", "|", 1), "p.txt:52: this table row has 4 cells, the header 5"},
		{"stray text", strings.Replace(seed, "- Cloud platforms\n", "- Cloud platforms\nstray\n", 1), `p.txt:59: expected a "- " item of Skills, found "stray"`},
		{"sections out of order", seed + "\nSkills\n", `p.txt:107: the section "Skills" comes after "Classification mappings": sections are in page order, each once`},
		{"unknown code", strings.Replace(seed, "code=15-1244", "code=1244", 1), `p.txt:106: the classification code "1244" is neither SOC (15-1244) nor O*NET-SOC (15-1244.00)`},
		{"binary", "Title\nINFRAS.X1.P7\n\x00\n", "p.txt:3: control character U+0000: not a profile page"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("p.txt", []byte(tt.page), Options{})
			var pe *PageError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a *PageError", err)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("err = %q\nwant %q", err, tt.want)
			}
		})
	}
}

func TestMissingSectionsStayEmpty(t *testing.T) {
	seed := seedPage(t)
	head := strings.Join(strings.Split(seed, "\n")[:7], "\n")
	r, err := Parse("p.txt", []byte(head), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := string(r.Profile.YAML("p.txt"))
	for _, want := range []string{"responsibilities: []\n", "level_guidelines: []\n", "skills: []\n", "provenance:\n  sources: []\n\nadjacent", "title_aliases: []\n", "classification: []\n", "level:\n  code: P7\n\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "review") || strings.Contains(got, "typical_experience") {
		t.Errorf("invented a review or experience:\n%s", got)
	}
	if len(r.Warnings) != 1 {
		t.Errorf("warnings %q", r.Warnings)
	}
}

func TestUnevenResponsibilitiesStayOnTheLevel(t *testing.T) {
	seed := strings.Replace(seedPage(t), "- Troubleshoots defined issues under close supervision and documents resolution steps\n", "", 1)
	r, err := Parse("p.txt", []byte(seed), Options{})
	if err != nil {
		t.Fatal(err)
	}
	rs := r.Profile.Responsibilities
	if len(rs) != 1 || rs[0].Level != "P7" || len(rs[0].Items) != 34 {
		t.Fatalf("responsibilities %+v", rs)
	}
	if want := []string{"34 responsibilities do not divide evenly over the 7 levels P1…P7: all are kept on P7"}; !equal(r.Warnings, want) {
		t.Errorf("warnings %q", r.Warnings)
	}
	// A ladder of two levels divides 34.
	r, err = Parse("p.txt", []byte(seed), Options{Ladder: []string{"P6", "P7"}})
	if err != nil || len(r.Profile.Responsibilities) != 2 || len(r.Profile.Responsibilities[1].Items) != 17 {
		t.Fatalf("%v %+v", err, r.Profile.Responsibilities)
	}
}

func TestOtherSectionForms(t *testing.T) {
	seed := seedPage(t)
	seed = strings.Replace(seed, "No title aliases recorded for this profile yet.", "- Staff Platform Engineer\n- Principal: Platform", 1)
	seed = strings.Replace(seed, "How coordinates work → · Compare side-by-side →", "How coordinates work →\n- INFRAS.SRE0042.P7 · 0.2 · strong\n- INFRAS.DEVOPS01.P7", 1)
	seed = strings.Replace(seed, "- code=15-1244source=jfm-factory.resolve", "- code=15-1244.00title=Network and Computer Systems Administratorssource=onet", 1)
	r, err := Parse("p.txt", []byte(seed), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := string(r.Profile.YAML("p.txt"))
	want := `adjacent_roles:
  - id: INFRAS.SRE0042.P7
    distance: 0.2
    match: strong
  - id: INFRAS.DEVOPS01.P7

title_aliases:
  - "Staff Platform Engineer"
  - "Principal: Platform"

classification:
  - system: ONET-SOC-2019
    code: "15-1244.00"
    title: "Network and Computer Systems Administrators"
    source: onet
`
	if !strings.HasSuffix(got, want) {
		_, tail, _ := strings.Cut(got, "\n\nadjacent_roles")
		t.Errorf("got the end\nadjacent_roles%s\nwant\n%s", tail, want)
	}
}

func TestManagementLevels(t *testing.T) {
	seed := strings.NewReplacer("P7", "M6", "| P1 |", "| M1 |").Replace(seedPage(t))
	r, err := Parse("p.txt", []byte(seed), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Profile.Track != "management" {
		t.Errorf("track %q", r.Profile.Track)
	}
	// 35 items over M1…M6 do not divide.
	if len(r.Profile.Responsibilities) != 1 || r.Profile.Responsibilities[0].Level != "M6" {
		t.Errorf("responsibilities %+v", r.Profile.Responsibilities)
	}
}

func TestCRLFAndBOM(t *testing.T) {
	seed := seedPage(t)
	want, _ := Parse("p.txt", []byte(seed), Options{})
	got, err := Parse("p.txt", []byte("\ufeff"+strings.ReplaceAll(seed, "\n", "\r\n")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Profile.YAML("p.txt"), want.Profile.YAML("p.txt")) {
		t.Error("CRLF and BOM change the result")
	}
}

func TestQuote(t *testing.T) {
	for _, s := range []string{"plain", "ON", "Y", "No", "NULL", "P7", "INFRAS.X1.P7", `a "quoted" \ text`, "tab\there", "null", "- dash", "# hash", "x: y", "日本語", "<&>", "\u2028"} {
		src := "title: " + quote(s) + "\nname: " + name(s) + "\n"
		f, err := profiles.Parse("q.yaml", []byte(src))
		if err != nil {
			t.Errorf("%q: %v\n%s", s, err, src)
			continue
		}
		if got := f.Root.Get("title").Text(); got != s {
			t.Errorf("quote(%q) reads back as %q", s, got)
		}
		if got := f.Root.Get("name").Text(); got != s {
			t.Errorf("name(%q) reads back as %q", s, got)
		}
	}
}
