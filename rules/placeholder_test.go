package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/lint"
)

func TestPlaceholderPlanted(t *testing.T) {
	for _, c := range []struct{ src, pos, msg string }{
		{"title: x\nsummary: TBD\n", "x.yaml:2:10", `placeholder "TBD"; write the real text`},
		{"summary: \"Runs the platform (todo: expand)\"\n", "x.yaml:1:30", `placeholder "todo"`},
		{"summary: Runs the platform. FIXME\n", "x.yaml:1:29", `placeholder "FIXME"`},
		{"summary: XXX-XXXX\n", "x.yaml:1:10", `placeholder "XXX"`},
		{"summary: 'Lorem  ipsum dolor sit amet'\n", "x.yaml:1:11", `placeholder "Lorem  ipsum"`},
		{"title_aliases:\n  - No title aliases recorded for this profile yet.\n", "x.yaml:2:5", `placeholder "No title aliases recorded for this profile yet"`},
		{"summary: \"Skills: no skills recorded yet\"\n", "x.yaml:1:19", `placeholder "no skills recorded yet"`},
		{"education: N/A\n", "x.yaml:1:12", `placeholder "N/A"`},
		{"education: \"—\"\n", "x.yaml:1:12", `placeholder "—"`},
		{"summary: Leads the <team name> platform team\n", "x.yaml:1:20", `placeholder "<team name>"`},
		{"summary: <placeholder>\n", "x.yaml:1:10", `placeholder "<placeholder>"`},
		{"title: Platform Engineer at [insert company]\n", "x.yaml:1:29", `placeholder "[insert company]"`},
		{"title: \"{{role}} — P3\"\n", "x.yaml:1:9", `placeholder "{{role}}"`},
		{"summary: \"\"\n", "x.yaml:1:10", "empty text; write the text or leave the field out"},
		{"title_aliases: [Platform Engineer, '']\n", "x.yaml:1:36", "empty text"},
		{"summary: \"  \\t\"\n", "x.yaml:1:10", "text of white space only (2 spaces and a tab); write the text or leave the field out"},
		{"summary: |\n  TODO\n", "x.yaml:2:3", `placeholder "TODO"`},
		{"summary: >\n  Runs the platform,\n  TBD later\n", "x.yaml:3:3", `placeholder "TBD"`},
	} {
		fs := lintOne(t, "x.yaml", c.src, Placeholder)
		if got := positions(fs); !slices.Equal(got, []string{c.pos + " placeholder"}) {
			t.Errorf("%q: got %v, want %s", c.src, got, c.pos)
			continue
		}
		if f := fs[0]; f.Severity != lint.Error || !strings.Contains(f.Message, c.msg) {
			t.Errorf("%q: %s %q, want error %q", c.src, f.Severity, f.Message, c.msg)
		}
	}
}

func TestPlaceholderNearMisses(t *testing.T) {
	for _, src := range []string{
		"summary: Keeps to-do lists and todos for the team\n",            // not the word TODO
		"summary: OUTBDX and ATBD are product names\n",                   // TBD inside a word
		"summary: Tracks the XXXL size class\n",                          // XXX inside a word
		"summary: Makes sure no incident is recorded without a review\n", // no "yet"
		"summary: Records no results yet\n",                              // no "recorded"
		"summary: Uses generics such as List<T> and Map<String, Integer>\n",
		"summary: Formats notes with <b>bold</b> text\n",
		"summary: Cites sources [1] and [2]\n",
		"summary: \"You are a Platform {roleTitle} agent\"\n", // one brace is no template
		"url: https://example.com/todo/tbd\n",
		"icon: \"🚀\"\n", // a symbol, not punctuation
		"education: N/A-compliant tooling\n",
		"summary: \"C++, C# and F#\"\n",
		"a: 0\nb: true\nc: null\nd:\n", // not strings
		"\"TODO\": x\n",                // keys are not texts
		"summary: x # TODO: expand\n",  // comments are not texts
	} {
		if fs := lintOne(t, "x.yaml", src, Placeholder); len(fs) > 0 {
			t.Errorf("%q: unexpected %v", src, fs)
		}
	}
}

func TestPlaceholderOptions(t *testing.T) {
	cfg := lint.Config{Options: map[string]map[string]any{"placeholder": {"phrases": []any{"WIP", "to be written"}}}}
	src := "a: WIP\nb: TBD\nc: To  be written\nd: wiping\n"
	fs := lintFilesConfig(t, cfg, map[string]string{"x.yaml": src}, Placeholder)
	want := []string{"x.yaml:1:4 placeholder", "x.yaml:3:4 placeholder"}
	if got := positions(fs); !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestAppendLower(t *testing.T) {
	for _, s := range []string{"", "TODO: Write It", "already lower", "Ünïcode STRASSE", "ASCII then É", "İstanbul", "\xff\xfeX"} {
		got := appendLower([]byte("kept:"), s)
		if want := "kept:" + strings.ToLower(s); string(got) != want {
			t.Errorf("appendLower(%q) = %q, want %q", s, got, want)
		}
	}
}

// A marker is a placeholder where it stands in for the text: the whole
// text, or the start of the text or of one of its sentences or clauses.
// A sentence that mentions the word is content.
func TestPlaceholderStandsIn(t *testing.T) {
	placeholders := map[string]string{
		"TODO":                               "TODO",
		"TODO: write this":                   "TODO",
		"TODO write the summary of the role": "TODO",
		"TBD.":                               "TBD",
		"tbd":                                "tbd",
		"FIXME …":                            "FIXME",
		"FIXME - needs the real text":        "FIXME",
		"XXX":                                "XXX",
		"Lorem ipsum dolor sit amet, consectetur.": "Lorem ipsum",
		"[placeholder]":                          "[placeholder]",
		"[TODO: add the scope]":                  "[TODO: add the scope]",
		`"TODO"`:                                 "TODO",
		"Owns the release process. TODO: expand": "TODO",
		"Owns the release process; TBD by the hiring manager": "TBD",
		"Scope: TBC":                             "TBC",
		"Runs the platform — TODO":               "TODO",
		"Leads the team (TBD after calibration)": "TBD",
		"- TODO":                                 "TODO",
		"TBD by the hiring committee":            "TBD",
		"Designs services, TODO more":            "TODO",
	}
	for text, want := range placeholders {
		fs := lintOne(t, "x.yaml", "summary: "+yamlQuote(text)+"\n", Placeholder)
		if len(fs) != 1 || !strings.Contains(fs[0].Message, `placeholder "`+want+`"`) {
			t.Errorf("%q: got %v, want placeholder %q", text, fs, want)
		}
	}
	mentions := []string{
		"Fixed a TODO for someone else in the codebase",
		"Reduces TBD items in planning docs",
		"Removes TODO comments from legacy code",
		"Keeps the number of open TODOs low",
		"Turns every TODO into a ticket before release",
		"Resolves FIXME notes left in the service code",
		"TODO comments are resolved before each release",
		"TBD items in the roadmap are reviewed weekly",
		"Flags XXX markers during code review",
		"Replaces lorem ipsum text in mock-ups with real copy",
		"Writes the release notes. TODO lists are kept in the tracker",
		"Clears the team's TBD backlog each quarter",
		"Tracks pre-TODO work in the backlog",
		"Explains why a FIXME left in production code is a risk",
		"Documents what the TBC fields of a contract mean",
		`Cleans up "TODO" markers in shared libraries`,
	}
	for _, text := range mentions {
		if fs := lintOne(t, "x.yaml", "summary: "+yamlQuote(text)+"\n", Placeholder); len(fs) > 0 {
			t.Errorf("%q: unexpected %v", text, fs)
		}
	}
}
