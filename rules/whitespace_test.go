package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// applyFixes applies the first fix of every finding to src, as --fix
// would, and fails on edits that overlap.
func applyFixes(t *testing.T, src string, fs []lint.Finding) string {
	t.Helper()
	var edits []lint.Edit
	for _, f := range fs {
		if len(f.Fixes) > 0 {
			edits = append(edits, f.Fixes[0].Edits...)
		}
	}
	slices.SortFunc(edits, func(a, b lint.Edit) int { return b.Start - a.Start })
	out := src
	for k, e := range edits {
		if k > 0 && e.End > edits[k-1].Start {
			t.Fatalf("overlapping edits %v and %v", e, edits[k-1])
		}
		out = out[:e.Start] + e.New + out[e.End:]
	}
	return out
}

// shape lists a document's nodes as pointer, kind and style: what a fix
// must keep.
func shape(t *testing.T, src string) []string {
	t.Helper()
	f, err := profiles.Parse("x.yaml", []byte(src))
	if err != nil {
		t.Fatalf("does not parse: %v\n%s", err, src)
	}
	var out []string
	f.Root.Walk(func(ptr string, n *profiles.Node) {
		out = append(out, ptr+" "+n.Kind.String()+" "+n.Style.String())
	})
	return out
}

// checkFix lints src with rule, applies the fixes and checks the result:
// want exactly, the same structure, and no finding left.
func checkFix(t *testing.T, rule *lint.Rule, src, want string) {
	t.Helper()
	fs := lintOne(t, "x.yaml", src, rule)
	got := applyFixes(t, src, fs)
	if got != want {
		t.Fatalf("fixed:\n%s\nwant:\n%s", got, want)
	}
	if a, b := shape(t, src), shape(t, got); !slices.Equal(a, b) {
		t.Errorf("the fix changed the structure:\n%v\n%v", a, b)
	}
	if left := lintOne(t, "x.yaml", got, rule); len(left) > 0 {
		t.Errorf("findings after the fix: %v", left)
	}
}

func TestWhitespacePlanted(t *testing.T) {
	for _, c := range []struct {
		name, src, pos, msg, fixed string
	}{
		{
			name:  "double quoted",
			src:   "title: x\nsummary: \"  Runs  the platform \"  # lead\n",
			pos:   "x.yaml:2:11 whitespace",
			msg:   `leading white space (2 spaces), doubled white space after "Runs" (2 spaces), trailing white space (a space); expected the text trimmed, with single spaces`,
			fixed: "title: x\nsummary: \"Runs the platform\"  # lead\n",
		},
		{
			name:  "plain keeps its comment",
			src:   "summary: Runs the  platform   # lead\n",
			pos:   "x.yaml:1:18 whitespace",
			msg:   `doubled white space after "Runs the" (2 spaces)`,
			fixed: "summary: Runs the platform   # lead\n",
		},
		{
			name:  "single quoted with an escaped quote",
			src:   "summary: 'It''s  the platform'\n",
			pos:   "x.yaml:1:16 whitespace",
			msg:   `doubled white space after "It's" (2 spaces)`,
			fixed: "summary: 'It''s the platform'\n",
		},
		{
			name:  "flow sequence item",
			src:   "items: [Fixes  small defects, Writes tests]\n",
			pos:   "x.yaml:1:14 whitespace",
			fixed: "items: [Fixes small defects, Writes tests]\n",
		},
		{
			name:  "tab and no-break space",
			src:   "a: \"x\t\u00a0y\"\n",
			pos:   "x.yaml:1:6 whitespace",
			msg:   `doubled white space after "x" (a tab and a no-break space)`,
			fixed: "a: \"x y\"\n",
		},
		{
			name:  "multi-line plain text",
			src:   "summary: Runs the\n  cloud  platform\nnext: x\n",
			pos:   "x.yaml:2:8 whitespace",
			fixed: "summary: Runs the\n  cloud platform\nnext: x\n",
		},
		{
			name:  "literal block",
			src:   "text: |\n  Line one  \n  two  words\n\n    indented  keeps\n# end\nnext: x\n",
			pos:   "x.yaml:2:11 whitespace",
			msg:   `white space at the end of a line, after "Line one" (2 spaces), doubled white space after "two" (2 spaces), doubled white space after "indented" (2 spaces); expected the text trimmed, with single spaces`,
			fixed: "text: |\n  Line one\n  two words\n\n    indented keeps\n# end\nnext: x\n",
		},
		{
			name:  "folded block",
			src:   "- >-\n    Folded line \n    next  line\n- x\n",
			pos:   "x.yaml:2:16 whitespace",
			msg:   `white space at the end of a line, after "Folded line" (a space), doubled white space after "line next" (2 spaces)`,
			fixed: "- >-\n    Folded line\n    next line\n- x\n",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := lintOne(t, "x.yaml", c.src, Whitespace)
			if got := positions(fs); !slices.Equal(got, []string{c.pos}) {
				t.Fatalf("got %v, want %s", got, c.pos)
			}
			if !strings.Contains(fs[0].Message, c.msg) {
				t.Errorf("message %q lacks %q", fs[0].Message, c.msg)
			}
			if fs[0].Severity != lint.Warning {
				t.Errorf("severity %s", fs[0].Severity)
			}
			checkFix(t, Whitespace, c.src, c.fixed)
		})
	}
}

// White space that a fix cannot edit exactly is reported at the text,
// without a fix.
func TestWhitespaceNoFix(t *testing.T) {
	for _, c := range []struct{ src, pos string }{
		{"a: \"x\\t y\"\n", "x.yaml:1:4 whitespace"},     // written as an escape
		{"a: \"x\\u00a0 y\"\n", "x.yaml:1:4 whitespace"}, // likewise
	} {
		fs := lintOne(t, "x.yaml", c.src, Whitespace)
		if got := positions(fs); !slices.Equal(got, []string{c.pos}) {
			t.Errorf("%q: got %v, want %s", c.src, got, c.pos)
			continue
		}
		if len(fs[0].Fixes) != 0 {
			t.Errorf("%q: unexpected fix %v", c.src, fs[0].Fixes)
		}
	}
}

func TestWhitespaceNearMisses(t *testing.T) {
	for _, src := range []string{
		"a: \"10\u00a0years\"\n",                            // one no-break space is deliberate
		"a: Runs the\n   platform\n",                        // a fold, not doubled
		"a: \"Runs the  \n  platform\"\n",                   // YAML drops white space before a fold
		"a: |\n  Steps:\n    - one\n\n  Done.\n",            // indentation is structure
		"a: >\n  First\n\n  second\n",                       // blank lines in a block
		"a: \"   \"\nb: \"\"\n",                             // left to placeholder
		"\"key  with  spaces\": x\n",                        // keys are not texts
		"a: x\n  # comment  with  spaces\n",                 // comments are not texts
		"a: [one, two ,three]\n",                            // white space around flow punctuation is not text
		"summary: Runs the platform   # trailing comment\n", // before a comment
	} {
		if fs := lintOne(t, "x.yaml", src, Whitespace); len(fs) > 0 {
			t.Errorf("%q: unexpected %v", src, fs)
		}
	}
}

// Texts of real ladders with doubled or trailing white space, as they are
// written: Financial-Times/engineering-progression (MIT) writes two spaces
// in a sentence and after full stops; forwardimpact/pathway (Apache-2.0)
// ends lines of its literal blocks with a space.
func TestWhitespaceRealLadders(t *testing.T) {
	src := `competencies:
  - summary: Occasionally collaborates  with other technical team
  - summary: Participates in operational duties, responding to issues within the team.  Engages in the planning of team.
agent:
  identity: |
    You are a Platform {roleTitle} agent. Your primary focus is 
    building self-service capabilities that enable other engineers.
  priority: |
    Developer experience is paramount. You design golden paths, maintain 
    backward compatibility, and document everything.
`
	fs := lintOne(t, "x.yaml", src, Whitespace)
	want := []string{"x.yaml:2:39 whitespace", "x.yaml:3:87 whitespace", "x.yaml:6:64 whitespace", "x.yaml:9:73 whitespace"}
	if got := positions(fs); !slices.Equal(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	fixed := strings.NewReplacer("collaborates  with", "collaborates with", "team.  Engages", "team. Engages", "focus is \n", "focus is\n", "maintain \n", "maintain\n").Replace(src)
	checkFix(t, Whitespace, src, fixed)
}

func TestSuspectWhitespace(t *testing.T) {
	for v, want := range map[string]bool{
		"Builds the platform — for teams": false,
		"Builds  the platform":            true,
		" Builds":                         true,
		"Builds ":                         true,
		"Builds\tthe":                     true,
		"Builds\u00a0the":                 true,
		"Builds\nthe":                     true,
		"":                                false,
	} {
		if got := suspectWhitespace(v); got != want {
			t.Errorf("suspectWhitespace(%q) = %v, want %v", v, got, want)
		}
	}
}

// Two sentences run together: the finding is at the mark, and the fix
// inserts the space after it.
func TestWhitespaceGluedSentences(t *testing.T) {
	for _, c := range []struct{ name, src, pos, msg, fixed string }{
		{
			name:  "plain",
			src:   "summary: Builds trust with partners to the benefit.Creates strategies for growth\n",
			pos:   "x.yaml:1:51 whitespace",
			msg:   `no space between the sentences at "benefit.Creates"; expected a space after each sentence`,
			fixed: "summary: Builds trust with partners to the benefit. Creates strategies for growth\n",
		},
		{
			name:  "double quoted, two places and doubled white space",
			src:   "summary: \"Leads the platform team.Sets  the roadmap for the year!Hires engineers\"\n",
			pos:   "x.yaml:1:34 whitespace",
			msg:   `no space between the sentences at "team.Sets", doubled white space after "platform team.Sets" (2 spaces), no space between the sentences at "year!Hires"; expected the text trimmed, with single spaces and a space after each sentence`,
			fixed: "summary: \"Leads the platform team. Sets the roadmap for the year! Hires engineers\"\n",
		},
		{
			name:  "single quoted, a question",
			src:   "summary: 'Asks what the customer needs in the end?Then builds it'\n",
			pos:   "x.yaml:1:50 whitespace",
			fixed: "summary: 'Asks what the customer needs in the end? Then builds it'\n",
		},
		{
			name:  "literal block",
			src:   "summary: |\n  Owns the delivery of the quarter.Reports progress weekly.\nnext: x\n",
			pos:   "x.yaml:2:35 whitespace",
			fixed: "summary: |\n  Owns the delivery of the quarter. Reports progress weekly.\nnext: x\n",
		},
		{
			name:  "accented capital, in a flow sequence",
			src:   "items: [Writes docs for every release of the app.Édite les guides, Tests]\n",
			pos:   "x.yaml:1:49 whitespace",
			fixed: "items: [Writes docs for every release of the app. Édite les guides, Tests]\n",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := lintOne(t, "x.yaml", c.src, Whitespace)
			if got := positions(fs); !slices.Equal(got, []string{c.pos}) {
				t.Fatalf("got %v, want %s", got, c.pos)
			}
			if !strings.Contains(fs[0].Message, c.msg) {
				t.Errorf("message %q lacks %q", fs[0].Message, c.msg)
			}
			checkFix(t, Whitespace, c.src, c.fixed)
		})
	}
}

// What is written without a space on purpose is not a glued sentence.
func TestWhitespaceGluedNearMisses(t *testing.T) {
	for _, text := range []string{
		"Writes clear documentation, e.g.Runbooks and guides",
		"Follows the team's conventions, i.e.The style guide",
		"Works with U.S.Army and U.K.Home Office teams",
		"Builds services in Node.js and ASP.NET for the platform",
		"Publishes the guides on github.com and docs.example.com",
		"Upgrades the cluster from v1.2 to v1.3 every quarter",
		"Grew the revenue of the product to 3.5M in a year",
		"Converts every config file.YAML to JSON",
		"Moved the office of the team to St.Louis last year",
		"Earned a Ph.D.Student mentor role in the lab",
		"Reads https://example.com/guide.Html before a release",
		"Mails the team at ops.Lead@example.com every week",
		"Visits www.Example.org for the standards of the trade",
		"Stops the process with os.Exit(1) on a fatal error",
		"Waits for the workers of the pool with sync.WaitGroup in Go",
		"Writes the handler as `func (s server) ServeHTTP` and `the.Handler`",
		"Uses io.Reader everywhere",
		"Knows the package org.Apache.Commons well in the team",
		"Works in the team. Reports to the lead.",
		"Waits for the results...Then decides on the next step",
		"Ships the release at 9 a.m.Every Monday",
		"Runs the team's  x.Yz",
	} {
		src := "summary: " + yamlQuote(text) + "\n"
		for _, f := range lintOne(t, "x.yaml", src, Whitespace) {
			if strings.Contains(f.Message, "sentences") {
				t.Errorf("%q: unexpected %s", text, f.Message)
			}
		}
	}
}

func TestSuspectGlue(t *testing.T) {
	for v, want := range map[string]bool{
		"Builds the platform. Runs it": false,
		"benefit.Creates":              true,
		"the app.Édite":                true,
		"v1.2 and 3.5M":                false,
		"":                             false,
		"end.":                         false,
	} {
		if got := suspectGlue(v); got != want {
			t.Errorf("suspectGlue(%q) = %v, want %v", v, got, want)
		}
	}
}

// FuzzGluedSentences: every glued place is a sentence mark whose fix
// writes the mark back with a space, so that the fixed text is the text
// with spaces inserted, and it has no glued place left.
func FuzzGluedSentences(f *testing.F) {
	for _, s := range []string{
		"Builds trust to the benefit.Creates strategies", "Leads the team.Sets it!Hires people?Yes",
		"e.g.Runbooks and U.S.Army", "Uses io.Reader", "the app.Édite les guides", "a b c.D", "x.Ab.Cd",
		"Reads https://example.com/guide.Html today", "`the code.Here` and the text.There",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b strings.Builder
		at := 0
		for _, is := range gluedSentences(s) {
			if m := s[is.i:is.j]; m != "." && m != "!" && m != "?" || is.keep != m+" " {
				t.Fatalf("issue %+v of %q is not a sentence mark", is, s)
			}
			b.WriteString(s[at:is.i])
			b.WriteString(is.keep)
			at = is.j
		}
		b.WriteString(s[at:])
		fixed := b.String()
		if strings.ReplaceAll(fixed, " ", "") != strings.ReplaceAll(s, " ", "") {
			t.Fatalf("the fix of %q lost content: %q", s, fixed)
		}
		if left := gluedSentences(fixed); len(left) > 0 {
			t.Fatalf("the fixed %q still has %+v", fixed, left)
		}
	})
}
