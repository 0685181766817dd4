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
