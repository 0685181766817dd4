package lint

import (
	"strings"
	"testing"

	"github.com/profilelint/profilelint/profiles"
)

// ladderFile is a profile with the given levels in both lists and the
// given level code.
func ladderFile(track, code string, resp, guide []string) string {
	var b strings.Builder
	b.WriteString("schema: profile/v1\n")
	if track != "" {
		b.WriteString("track: " + track + "\n")
	}
	b.WriteString("level: {code: " + code + "}\nresponsibilities:\n")
	for _, l := range resp {
		b.WriteString("  - {level: " + l + ", items: [x]}\n")
	}
	b.WriteString("level_guidelines:\n")
	for _, l := range guide {
		b.WriteString("  - {level: " + l + ", experience: {min: 1}}\n")
	}
	return b.String()
}

func levels(s string) []string { return strings.Fields(s) }

// The ladder in force: configured for the track, else the default when it
// holds every level the file uses, else the file's own.
func TestLadderFor(t *testing.T) {
	cfg := Config{
		Ladders: map[string]Ladder{"data": {"D1", "D2", "D3"}},
		Bands:   map[string]Bands{"data": {{"D2", "D3"}}},
	}
	for _, tc := range []struct {
		name, file string
		want       string
		origin     LadderOrigin
	}{
		{"default", ladderFile("", "P2", levels("P1 P2 P3 P4 P5 P6 P7"), levels("P1 P2 P3 P4 P5 P6 P7")), "P1 P2 P3 P4 P5 P6 P7", LadderDefault},
		{"default, levels missing", ladderFile("professional", "P2", levels("P1 P2"), nil), "P1 P2 P3 P4 P5 P6 P7", LadderDefault},
		{"configured track", ladderFile("data", "D1", levels("X1"), nil), "D1 D2 D3", LadderConfigured},
		{"numbered, by number", ladderFile("", "IC3", levels("IC1 IC3 IC2"), levels("IC1 IC2 IC3")), "IC1 IC2 IC3", LadderInferred},
		{"numbered past 9", ladderFile("", "L10", levels("L9 L10 L11"), nil), "L9 L10 L11", LadderInferred},
		{"management on P codes", ladderFile("management", "P2", levels("P1 P2 P3 P4 P5 P6"), levels("P1 P2 P3 P4 P5 P6")), "P1 P2 P3 P4 P5 P6", LadderInferred},
		{"named levels, in file order", ladderFile("", "STAFF", levels("JUNIOR SENIOR STAFF"), nil), "JUNIOR SENIOR STAFF", LadderInferred},
		{"second list fills a gap", ladderFile("", "B", levels("A C"), levels("A B C")), "A B C", LadderInferred},
		{"level.code last", ladderFile("", "Z", levels("A B"), levels("A B")), "A B Z", LadderInferred},
		{"unknown track", ladderFile("people-manager", "P1", levels("P1 P2"), nil), "P1 P2", LadderInferred},
		{"mixed prefixes", ladderFile("", "M1", levels("IC2 IC1 M1"), nil), "IC2 IC1 M1", LadderInferred},
		{"one number twice", ladderFile("", "IC01", levels("IC2 IC1 IC01"), nil), "IC2 IC1 IC01", LadderInferred},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := profiles.Parse("p.yaml", []byte(tc.file))
			if err != nil {
				t.Fatal(err)
			}
			l, bands, origin := cfg.ladderFor(f.Root)
			if l.String() != tc.want || origin != tc.origin {
				t.Errorf("ladder %q (%s), want %q (%s)", l, origin, tc.want, tc.origin)
			}
			if origin == LadderConfigured && !bands.Same("D2", "D3") {
				t.Errorf("bands of a configured ladder = %v, want D2 and D3 together", bands)
			}
			if origin != LadderConfigured && bands != nil {
				t.Errorf("bands %v on a ladder that was not configured", bands)
			}
		})
	}
}

// Every rule's pass gets the ladder in force, its bands and origin.
func TestPassLadder(t *testing.T) {
	var got []string
	seen := &Rule{ID: "seen", Severity: Warning, Run: func(p *Pass) {
		got = append(got, p.File.Path+" "+p.Ladder.String()+" "+p.LadderOrigin.String()+" "+p.Bands.Band("SR2"))
	}}
	cfg := Config{
		Rules:   []*Rule{seen},
		Jobs:    1,
		Ladders: map[string]Ladder{"professional": {"IC1", "SR1", "SR2"}},
		Bands:   map[string]Bands{"professional": {{"SR1", "SR2"}}},
	}
	Run(cfg, []Source{
		src("a.yaml", ladderFile("", "IC1", levels("IC1 SR1 SR2"), nil)),
		src("b.yaml", ladderFile("management", "E2", levels("E1 E2"), nil)),
	})
	want := "a.yaml IC1 SR1 SR2 configured SR1|b.yaml E1 E2 inferred SR2"
	if strings.Join(got, "|") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, "|"), want)
	}
}

// A corpus rule collects facts from every file while it is on for some,
// but what its Collect or Finish reports in a file where an override
// turns it off is dropped, not kept with severity off; and a rule that
// only an override turns on reports at that override's severity.
func TestCorpusRuleOffByOverride(t *testing.T) {
	rule := &Rule{ID: "both", Severity: Error, Scope: PerCorpus,
		Collect: func(p *Pass) any { p.Reportf("", "collected"); return p.File.Path },
		Finish: func(c *Corpus) {
			for _, f := range c.Facts {
				c.Report(Finding{File: f.File, Line: 1, Column: 1, Message: "finished"})
			}
		},
	}
	off := func(sev Severity) Override {
		return Override{Match: func(p string) bool { return p == "legacy.yaml" }, Severity: map[string]Severity{"both": sev}}
	}
	var got []string
	for _, f := range Run(Config{Rules: []*Rule{rule}, Overrides: []Override{off(Off)}}, []Source{src("legacy.yaml", "a: 1\n"), src("new.yaml", "a: 1\n")}).Findings {
		got = append(got, f.File+" "+f.Severity.String()+" "+f.Message)
	}
	want := "new.yaml error collected|new.yaml error finished"
	if strings.Join(got, "|") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, "|"), want)
	}

	got = nil
	cfg := Config{Rules: []*Rule{rule}, Severity: map[string]Severity{"both": Off}, Overrides: []Override{off(Warning)}}
	for _, f := range Run(cfg, []Source{src("legacy.yaml", "a: 1\n"), src("new.yaml", "a: 1\n")}).Findings {
		got = append(got, f.File+" "+f.Severity.String()+" "+f.Message)
	}
	want = "legacy.yaml warning collected|legacy.yaml warning finished"
	if strings.Join(got, "|") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, "|"), want)
	}
}
