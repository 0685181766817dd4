package rules

import (
	"reflect"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// Findings are at the phrase, not at the start of its text.
func TestLevelWordingJuniorAtTop(t *testing.T) {
	src := docExample("Carries budget and vendor decisions", "Carries budget decisions under close supervision")
	fs := lintOne(t, "p.yaml", src, LevelWording)
	lvWant(t, fs, `25:83 warning level-wording: "under close supervision" is junior wording for P6 (top of the ladder: P5 … P7)`)
	if len(fs) == 1 && fs[0].Pointer != "/responsibilities/5/items/1" {
		t.Errorf("pointer = %s", fs[0].Pointer)
	}
}

func TestLevelWordingExecutiveAtBottom(t *testing.T) {
	src := docExample(
		"{level: P2, experience: {min: 2}}", "{level: P2, knowledge: Sets company-wide strategy for the Board of Directors, experience: {min: 2}}",
		"Automates repetitive operational tasks", "Automates tasks")
	lvWant(t, lintOne(t, "p.yaml", src, LevelWording),
		`30:28 warning level-wording: "Sets company-wide strategy" is executive wording for P2 (bottom of the ladder: P1, P2)`,
		`30:63 warning level-wording: "Board of Directors" is executive wording for P2 (bottom of the ladder: P1, P2)`,
	)
}

// The fields of level are judged at level.code.
func TestLevelWordingLevelFields(t *testing.T) {
	src := docExample("  code: P4\n", "  code: P7\n", "  autonomy: Works independently and sets direction for own projects\n", "  autonomy: Works on assigned tasks, following documented runbooks\n")
	lvWant(t, lintOne(t, "p.yaml", src, LevelWording),
		`11:22 warning level-wording: "assigned tasks" is junior wording for P7 (top of the ladder: P5 … P7)`,
		`11:38 warning level-wording: "following documented runbooks" is junior wording for P7 (top of the ladder: P5 … P7)`,
	)
}

// The near misses: the same phrase in the middle of the ladder, negated,
// inside a longer word, or a topic word without the reach.
func TestLevelWordingNearMisses(t *testing.T) {
	for _, c := range []struct{ old, new string }{
		{"Leads multi-system platform designs", "Leads multi-system platform designs under close supervision"},   // P4: middle
		{"Carries budget and vendor decisions", "Carries budget decisions without close supervision"},            // P6, negated
		{"Carries budget and vendor decisions", "Works with little to no supervision"},                           // P6, real FT principal
		{"Carries budget and vendor decisions", "Reviews reassigned tasks"},                                      // P6, not a whole word
		{"Carries budget and vendor decisions", "Provides architectural guidance on projects"},                   // P6, gives guidance
		{"Updates runbooks after incidents", "Keeps up to date with industry trends and the team's board"},       // P1, topics only
		{"Updates runbooks after incidents", "Follows industry standards and company-wide coding rules"},         // P1
		{"Updates runbooks after incidents", "Learns practices from across the industry and shares them"},        // P1, where, not reach
		{"Updates runbooks after incidents", "Adopts industry-wide conventions for naming"},                      // P1, a topic
		{"Carries budget and vendor decisions", "Knows when to seek guidance and when to decide alone"},          // P6, weighed
		{"Carries budget and vendor decisions", "Helps new hires who work under close supervision to ramp up"},   // P6, about others
		{"Carries budget and vendor decisions", "Grows engineers from assigned tickets to owning whole systems"}, // P6, a starting point
	} {
		lvWant(t, lintOne(t, "p.yaml", docExample(c.old, c.new), LevelWording))
	}
}

// Senior texts of real ladders, placed at the top of P1 … P7, and junior
// texts placed at its bottom, give no finding. The texts are quoted from
// Financial-Times/engineering-progression (MIT), monzo/progression-framework
// (MIT) and forwardimpact/pathway (Apache-2.0).
func TestLevelWordingRealLadders(t *testing.T) {
	senior := []string{
		"Operates as a self-sufficient leader in the organisation, driving strategic initiatives and solving complex problems with little to no supervision.",
		"Role models clear, concise, effective communication, assists teams in active listening, communicates difficult messages, and uses feedback to drive improvements, adapts communication to engage diverse audiences.",
		"Demonstrates continuous learning and continuous improvement in their own work, and encourages the same as part of the team's work.",
		"Leads change across a broad technology domain, shaping and defining a technical vision, and fostering a climate of trust across teams. Provides close technical leadership and support to engineering teams, particularly tech leads.",
		"Collaborates with other senior engineers, architects and vendors to ensure a robust overall architecture for the FT estate.",
		"Clears blockers for junior team members, provides context/guidance, or knows how to escalate",
		"Works at a basic level in unfamiliar technologies while leading the design of the platform",
		"Do self-directed work while seeking input on strategic decisions",
		"Encourages continuous learning and development within the team, staying up-to-date with industry trends, and actively seeking opportunities for personal and team growth, and fosters a feedback-rich environment.",
		"Serves as a technical authority in the wider engineering community",
		"Shape technical strategy across the business unit, guide enterprise architecture governance, and represent technical priorities at executive level",
	}
	junior := []string{
		"Understands basic business principles and ensures their work supports team goals, assisting in project delivery.",
		"Seeks guidance and input from peers, actively participates in discussions, and is eager to assist teammates.",
		"Delivers assigned tasks, working with a more senior team member, and able to take PR feedback to improve their work",
		"Work with close supervision and ask for help when encountering challenges",
		"Individual tasks and small features with guidance from senior team members",
		"Demonstrates self-motivation, takes initiative, and uses feedback for continuous improvement.",
		"Writes well-tested code and documentation in keeping with our guidelines and conventions, following industry standards.",
	}
	items := func(ts []string) string {
		q := make([]string, len(ts))
		for i, s := range ts {
			q[i] = "      - " + yamlQuote(s) + "\n"
		}
		return strings.Join(q, "")
	}
	src := docExample(
		"  - level: P1\n    items: [Fixes small defects under close supervision, Writes tests for own changes, Updates runbooks after incidents]\n",
		"  - level: P1\n    items:\n"+items(junior),
		"  - level: P7\n    items: [Sets company-wide platform strategy, Advises executives on technology risk, Shapes industry practice through open standards]\n",
		"  - level: P7\n    items:\n"+items(senior),
	)
	lvWant(t, lintOne(t, "p.yaml", src, LevelWording))
	// P6 as well as P7.
	lvWant(t, lintOne(t, "p.yaml", strings.Replace(strings.Replace(src, "- level: P6", "- level: P0", 1), "- level: P7", "- level: P6", 1), LevelWording))
}

// pathway's five grades on their own ladder, each text at its grade: no
// finding; its L1 autonomy moved to L5 is junior wording.
func TestLevelWordingPathwayLadder(t *testing.T) {
	cfg := lint.Config{Ladders: map[string]profiles.Ladder{"professional": {"L1", "L2", "L3", "L4", "L5"}}}
	grades := [][]string{
		{"Individual tasks and small features with guidance from senior team members", "Work with close supervision and ask for help when encountering challenges"},
		{"Complete features and components delivered independently", "Work independently on familiar problems while seeking guidance on novel situations"},
		{"Large features and technical initiatives including leading small projects", "Do self-directed work while seeking input on strategic decisions"},
		{"Multi-team initiatives with area-wide impact", "Set own direction within broader strategic goals"},
		{"Business unit technical strategy and architectural direction", "Define strategic direction and be accountable for outcomes"},
	}
	build := func(grades [][]string) string {
		var b strings.Builder
		b.WriteString("schema: profile/v1\ntrack: professional\nlevel: {code: L3, name: Senior Engineer}\nresponsibilities:\n")
		for i, g := range grades {
			b.WriteString("  - level: L" + string(rune('1'+i)) + "\n    items:\n")
			for _, s := range g {
				b.WriteString("      - " + yamlQuote(s) + "\n")
			}
		}
		return b.String()
	}
	lvWant(t, lintFilesConfig(t, cfg, map[string]string{"p.yaml": build(grades)}, LevelWording))
	grades[4] = append(grades[4], grades[0][1])
	lvWant(t, lintFilesConfig(t, cfg, map[string]string{"p.yaml": build(grades)}, LevelWording),
		`25:15 warning level-wording: "with close supervision" is junior wording for L5 (top of the ladder: L4, L5)`)
}

// Phrases and bands are options.
func TestLevelWordingOptions(t *testing.T) {
	src := docExample("Leads multi-system platform designs", "Leads multi-system platform designs under close supervision")
	cfg := lint.Config{Options: map[string]map[string]any{LevelWording.ID: {"junior_from": 0.5}}}
	lvWant(t, lintFilesConfig(t, cfg, map[string]string{"p.yaml": src}, LevelWording),
		`21:49 warning level-wording: "under close supervision" is junior wording for P4 (top of the ladder: P4 … P7)`)

	src = docExample("Carries budget and vendor decisions", "Carries budget decisions while pairing with a mentor")
	cfg = lint.Config{Options: map[string]map[string]any{LevelWording.ID: {"junior_phrases": []any{"pair* with a mentor"}}}}
	lvWant(t, lintFilesConfig(t, cfg, map[string]string{"p.yaml": src}, LevelWording),
		`25:89 warning level-wording: "pairing with a mentor" is junior wording for P6 (top of the ladder: P5 … P7)`)
}

func TestMatchPhrases(t *testing.T) {
	phrases := compilePhrases([]string{"under supervision", "under close supervision", "executives, boards", "assist* senior engineer*", "set* the company's strategy"})
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Works UNDER CLOSE SUPERVISION.", []string{"UNDER CLOSE SUPERVISION"}},
		{"Networks with executives, boards, regulators", []string{"executives, boards"}},
		{"Networks with executives and boards", []string{"executives and boards"}}, // one word between
		{"Networks with executives and their boards", []string{"executives and their boards"}},
		{"Networks with executives and many other boards", nil},              // two words that are not determiners
		{"Networks with executives; boards", []string{"executives; boards"}}, // adjacent words match across punctuation
		{"Networks with executives. Then boards", nil},                       // a gap does not cross a clause break
		{"Assisting senior engineers; assists senior engineering", []string{"Assisting senior engineers", "assists senior engineering"}},
		{"Sets the company’s strategy", []string{"Sets the company’s strategy"}},
		{"Never under supervision", nil},
		{"No budget; works under supervision", []string{"under supervision"}},
		{"Works with no one under supervision", nil}, // two words back
		{"thunder supervision", nil},
		{"under\n   supervision", []string{"under supervision"}},
	} {
		got := matchPhrases(c.text, phrases)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("matchPhrases(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// yamlQuote writes s as a double-quoted YAML scalar.
func yamlQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// A text whose source does not map to its value byte for byte (an escape)
// has its findings at its start.
func TestLevelWordingEscapedTextAtStart(t *testing.T) {
	src := docExample("  code: P4\n", "  code: P7\n", "  autonomy: Works independently and sets direction for own projects\n", "  autonomy: \"Works\\ton assigned tasks\"\n")
	lvWant(t, lintOne(t, "p.yaml", src, LevelWording),
		`11:13 warning level-wording: "assigned tasks" is junior wording for P7 (top of the ladder: P5 … P7)`,
	)
}

// FuzzMayMatch checks that the quick look never hides a phrase: whenever
// the full scan finds one, mayMatch says the text may hold one.
func FuzzMayMatch(f *testing.F) {
	for _, s := range []string{
		"Works under close supervision", "WORKS UNDER CLOSE SUPERVISION", "Sets the company’s strategy",
		"Reports to the Board of Directors", "assists senior engineers", "Ünder clöse supervision",
		"Leads company-wide strategy for executives' boards", "x",
		"ÜBERNIMMT die Leitung", "Works in the STRASSE", "ﬁxes bugs daily", "tries the strategies", "applied industries", "tickets assigned to them",
	} {
		f.Add(s)
	}
	sets := []*phraseSet{
		compilePhrases(defaultJuniorPhrases),
		compilePhrases(defaultExecutivePhrases),
		compilePhrases([]string{"set* the company's strategy", "Ünder clöse", "qa", "über*"}),
		// Starts beyond ASCII, and no short word that turns the quick look off.
		compilePhrases([]string{"Ünder clöse supervision", "über*", "straße", "ﬁxes bugs"}),
		// Stems that end in y, which the forms of the word do not begin with.
		compilePhrases([]string{"tries hard", "applies strategy", "industry"}),
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, set := range sets {
			if len(scanPhrases(s, set)) > 0 && !mayMatch(s, set) {
				t.Fatalf("mayMatch(%q) is false, but the scan finds %v", s, scanPhrases(s, set))
			}
			if got, want := scanPhrases(s, set), scanEveryPhrase(s, set); !reflect.DeepEqual(got, want) {
				t.Fatalf("scanPhrases(%q) = %v; trying every phrase at every word finds %v", s, got, want)
			}
		}
	})
}

// scanEveryPhrase is scanPhrases without the index: every phrase tried at
// every word, the reference the index is held to.
func scanEveryPhrase(s string, phrases *phraseSet) []phraseMatch {
	every := make([]int, len(phrases.list))
	for k := range every {
		every[k] = k
	}
	return scanWith(s, phrases, func(wordingWord) []int { return every })
}

// matchPhrases returns the text of each place where a phrase occurs in s.
func matchPhrases(s string, phrases *phraseSet) []string {
	var out []string
	for _, m := range findPhrases(s, phrases) {
		out = append(out, m.text)
	}
	return out
}

// The quick look passes over texts that hold no phrase's first letters,
// and not over those that do, in any case and with apostrophes.
func TestMayMatch(t *testing.T) {
	set := compilePhrases(defaultJuniorPhrases)
	for text, want := range map[string]bool{
		"Designs the platform that product teams build on": false,
		"Works UNDER CLOSE SUPERVISION":                    true,
		"Sets the direction of the team":                   false,
		"Assists senior engineers":                         true,
	} {
		if got := mayMatch(text, set); got != want {
			t.Errorf("mayMatch(%q) = %v, want %v", text, got, want)
		}
	}
}

// Phrases match through the forms of their words, small words between
// them and the reduced relative clause; senior wording that shares words
// with a phrase, or all of its words in another sense, does not match.
func TestLevelWordingInflections(t *testing.T) {
	junior := compilePhrases(defaultJuniorPhrases)
	executive := compilePhrases(defaultExecutivePhrases)
	for _, c := range []struct {
		text string
		set  *phraseSet
		want string // the matched text; "" for none
	}{
		{"Works on the tickets assigned to them", junior, "tickets assigned"},
		{"Completes the tasks assigned by their lead", junior, "tasks assigned"},
		{"Delivers assigned tasks on time", junior, "assigned tasks"},
		{"Delivers an assigned task each sprint", junior, "assigned task"},
		{"Picks up assigned engineering tasks", junior, "assigned engineering tasks"},
		{"Fixes bugs assigned to them by the lead", junior, "assigned to them"},
		{"Works on issues assigned to her", junior, "issues assigned"},
		{"Works under the close supervision of a lead", junior, "under the close supervision"},
		{"Is closely supervised on production changes", junior, "closely supervised"},
		{"Worked under supervision", junior, "under supervision"},
		{"Followed the team's runbooks during incidents", junior, "Followed the team's runbooks"},
		{"Seeking guidance from peers", junior, "Seeking guidance"},
		{"Assisted senior engineers with releases", junior, "Assisted senior engineers"},
		{"Reported quarterly to a board", executive, "Reported quarterly to a board"},
		{"Presenting to the boards of two subsidiaries", executive, "Presenting to the boards"},
		{"Advises the boards of directors of portfolio companies", executive, "Advises the boards"},
		{"Shaped industry practices for payments", executive, "Shaped industry practices"},
		{"Recognised as one of the industry's thought leaders", executive, "industry's thought leaders"},
		{"Sets the overall company strategy", executive, "Sets the overall company strategy"},
		{"Owns company-wide strategies for hiring", executive, "company-wide strategies"},

		// Senior wording: the phrase's words in another sense or order.
		{"Assigns tasks to the engineers of three teams", junior, ""},
		{"Reviews tasks and assigns owners", junior, ""},
		{"Ensures tasks are assigned to the right people", junior, ""},
		{"Provides close supervision to new hires", junior, ""},
		{"Provides guidance that others seek out", junior, ""},
		{"Writes the runbooks that on-call engineers follow", junior, ""},
		{"Follows up on runbook gaps after incidents", junior, ""},
		{"Works under pressure, with supervision of juniors", junior, ""},
		{"Works under no supervision at all", junior, ""},
		{"Works with little supervision", junior, ""},
		{"Guides senior engineers in the organisation", junior, ""},
		{"Works with senior engineers to assist product teams", junior, ""},
		{"Supervises the tasks of the on-call rota", junior, ""},
		{"Updates the team's Jira board", executive, ""},
		{"Follows industry standards and reports on them", executive, ""},
		{"Leads engineering across teams in the industry", executive, ""},
		{"Members of the board and the directors meet monthly", executive, ""},
		{"Shares the strategy of the company with the team", executive, ""},
	} {
		got := matchPhrases(c.text, c.set)
		if c.want == "" && len(got) > 0 || c.want != "" && (len(got) != 1 || got[0] != c.want) {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

// The stems of a word's forms agree, and words that are not forms of one
// another keep their own.
func TestWordStem(t *testing.T) {
	families := [][]string{
		{"assign", "assigns", "assigned", "assigning"},
		{"close", "closes", "closed", "closing"},
		{"guide", "guides", "guided", "guiding"},
		{"task", "tasks"},
		{"strategy", "strategies"},
		{"industry", "industries"},
		{"apply", "applies", "applied"},
		{"plan", "plans", "planned", "planning"},
		{"follow", "follows", "followed", "following"},
		{"process", "processes", "processing"},
		{"supervise", "supervises", "supervised", "supervising"},
		{"match", "matches", "matched"},
		{"install", "installs", "installed"},
		{"need", "needs", "needed"},
		{"speed", "speeds"},
		{"board", "boards"},
	}
	stems := map[string]string{}
	for _, fam := range families {
		want := wordStem(fam[0])
		for _, w := range fam[1:] {
			if got := wordStem(w); got != want {
				t.Errorf("wordStem(%q) = %q, want %q as for %q", w, got, want, fam[0])
			}
		}
		if other, ok := stems[want]; ok {
			t.Errorf("%q and %q share the stem %q", fam[0], other, want)
		}
		stems[want] = fam[0]
	}
	for _, pair := range [][2]string{{"assign", "reassign"}, {"supervision", "supervise"}, {"being", "be"}, {"string", "str"}, {"status", "stat"}} {
		if wordStem(pair[0]) == wordStem(pair[1]) {
			t.Errorf("%q and %q share a stem", pair[0], pair[1])
		}
	}
}
