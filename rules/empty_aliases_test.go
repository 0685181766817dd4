package rules

import (
	"os"
	"slices"
	"testing"

	"github.com/profilelint/profilelint/lint"
)

func TestEmptyAliases(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"schema: profile/v1\ntitle: x\n", "x.yaml:1:1 empty-aliases"},                  // missing: the top of the file
		{"schema: profile/v1\ntitle_aliases: []\n", "x.yaml:2:16 empty-aliases"},        // empty
		{"schema: profile/v1\ntitle_aliases:\n", "x.yaml:2:1 empty-aliases"},            // null
		{"schema: profile/v1\ntitle_aliases: ['', ' ']\n", "x.yaml:2:16 empty-aliases"}, // only empty texts
		{"schema: profile/v1\ntitle_aliases: [Platform Engineer]\n", ""},
		{"schema: profile/v1\ntitle_aliases:\n  - Cloud Infrastructure Engineer\n", ""},
		{"schema: profile/v1\ntitle_aliases: Platform Engineer\n", ""}, // the wrong type is schema's
	} {
		fs := lintOne(t, "x.yaml", c.src, EmptyAliases)
		var want []string
		if c.want != "" {
			want = []string{c.want}
		}
		if got := positions(fs); !slices.Equal(got, want) {
			t.Errorf("%q: got %v, want %v", c.src, got, want)
			continue
		}
		if len(fs) > 0 && (fs[0].Severity != lint.Info || fs[0].Message != "no title aliases; add other titles people search for this role under") {
			t.Errorf("%q: %s %q", c.src, fs[0].Severity, fs[0].Message)
		}
	}
}

// The hygiene rules on the seed give exactly its empty title_aliases, and
// nothing on its clean P4 sibling: its en-dash range, its SOC and O*NET
// codes, dates and "10 to 30+" are not findings.
func TestHygieneExamples(t *testing.T) {
	hygiene := []*lint.Rule{Placeholder, Whitespace, DashStyle, EmptyAliases}
	for name, want := range map[string][]string{
		"INFRAS.INFRASTR5562.P7.yaml": {"INFRAS.INFRASTR5562.P7.yaml:166:16 empty-aliases"},
		"INFRAS.INFRASTR5562.P4.yaml": nil,
	} {
		src, err := os.ReadFile("../examples/" + name)
		if err != nil {
			t.Fatal(err)
		}
		fs := lintOne(t, name, string(src), hygiene...)
		if got := positions(fs); !slices.Equal(got, want) {
			t.Errorf("%s: got %v, want %v", name, got, want)
		}
		for _, f := range fs {
			if f.Severity != lint.Info {
				t.Errorf("%s: %v", name, f)
			}
		}
	}
}
