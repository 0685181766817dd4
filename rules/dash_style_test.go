package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/lint"
)

func TestDashStylePlanted(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      []string
		msg       string
		fixed     string
	}{
		{
			name: "en dash majority",
			src: `level_guidelines:
  - education: "0–1 years; new graduate"   # as on the page
  - education: 2–4 years
  - education: '5-8 years, it''s typical'
`,
			want:  []string{"x.yaml:4:18 dash-style"},
			msg:   `hyphen in the range "5-8"; this file writes ranges with an en dash (2 of 3, as in "0–1")`,
			fixed: "level_guidelines:\n  - education: \"0–1 years; new graduate\"   # as on the page\n  - education: 2–4 years\n  - education: '5–8 years, it''s typical'\n",
		},
		{
			name: "hyphen majority, spaced em dash",
			src: `summary: Grows teams of 3-5 engineers to 10-12
focus:
  description: "Runs 2 — 4 platforms"
`,
			want:  []string{"x.yaml:3:24 dash-style"},
			msg:   `em dash in the range "2 — 4"; this file writes ranges with a hyphen (2 of 3, as in "3-5")`,
			fixed: "summary: Grows teams of 3-5 engineers to 10-12\nfocus:\n  description: \"Runs 2 - 4 platforms\"\n",
		},
		{
			name:  "a tie goes to the en dash",
			src:   "a: 2010-2015\nb: 2016–17\n",
			want:  []string{"x.yaml:1:8 dash-style"},
			msg:   `hyphen in the range "2010-2015"; this file writes as many ranges one way as the other, and an en dash wins a tie (1 of 2, as in "2016–17")`,
			fixed: "a: 2010–2015\nb: 2016–17\n",
		},
		{
			name:  "in a folded block",
			src:   "a: >\n  Leads 3–5 teams,\n  plans 1-2 years\nb: 0–1\n",
			want:  []string{"x.yaml:3:10 dash-style"},
			fixed: "a: >\n  Leads 3–5 teams,\n  plans 1–2 years\nb: 0–1\n",
		},
		{
			name:  "two in one text",
			src:   "a: 1-2, 3–4 and 5–6 but 7-8\n",
			want:  []string{"x.yaml:1:5 dash-style", "x.yaml:1:26 dash-style"},
			fixed: "a: 1–2, 3–4 and 5–6 but 7–8\n",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := lintOne(t, "x.yaml", c.src, DashStyle)
			if got := positions(fs); !slices.Equal(got, c.want) {
				t.Fatalf("got %v, want %v", got, c.want)
			}
			if !strings.Contains(fs[0].Message, c.msg) || fs[0].Severity != lint.Warning {
				t.Errorf("%s %q, want warning %q", fs[0].Severity, fs[0].Message, c.msg)
			}
			checkFix(t, DashStyle, c.src, c.fixed)
		})
	}
}

// A range written with an escape is reported at its text, without a fix.
func TestDashStyleNoFix(t *testing.T) {
	fs := lintOne(t, "x.yaml", "a: 0–1\nb: 2–4\nc: \"5\\u002D8\"\n", DashStyle)
	if got := positions(fs); !slices.Equal(got, []string{"x.yaml:3:4 dash-style"}) || len(fs[0].Fixes) != 0 {
		t.Errorf("got %v %v", got, fs)
	}
}

func TestDashStyleNearMisses(t *testing.T) {
	for _, src := range []string{
		// The seed's texts: one en-dash range, SOC and O*NET codes, "10 to 30+".
		`education: "0–1 years; new graduate or intern."
complexity: owns the architecture across 10 to 30+ teams
classification:
  - {system: SOC-2018, code: "15-1244", title: Network and Computer Systems Administrators}
provenance:
  sources:
    - id: onet-15-1244
      title: O*NET OnLine — 15-1244.00 Network and Computer Systems Administrators
      url: https://www.onetonline.org/link/summary/15-1244.00
      citation: "Pub. L. 111-148, pp. 12-15"
      retrieved: 2026-10-01
`,
		// Codes in free text are not ranges.
		"a: 0–1\nb: SOC 15-1244 and O*NET 15-1244.00, dated 2026-10-01, v1.2-3\n",
		"a: 0–1\nb: call 555-1234 or +1-202-555-0143 9-5, 24-7, a 1-on-1, won 3-1\n",
		"a: 0–1\nb: ISO 9001-2015, COVID-19, P3-5, L2-4, id 06e32fac-1368-47fb\n",
		"a: 0–1\nb: 1999-03 and 10:30-11:00\n",
		// One style, whatever it is.
		"a: 0-1\nb: 2-4 years\nc: 2010-15\n",
		"a: Engineering — P7\nb: 3–5\n", // an em dash between words
		// Letters are not numbers.
		"a: sub-levels A–E\nb: 3-5\n",
	} {
		if fs := lintOne(t, "x.yaml", src, DashStyle); len(fs) > 0 {
			t.Errorf("%q: unexpected %v", src, fs)
		}
	}
}

func TestFindRanges(t *testing.T) {
	for in, want := range map[string][]string{
		"0–1 years":         {"0–1"},
		"(15–22 yrs)":       {"15–22"},
		"2010–2015":         {"2010–2015"},
		"2010-15":           {"2010-15"},
		"3 — 5":             {"3 — 5"},
		"a 2-3x speedup":    {"2-3"},
		"$10-20k":           {"10-20"},
		"1,000-2,000 users": {"1,000-2,000"},
		"0.5-1.5 days":      {"0.5-1.5"},
		"years 3-5.":        {"3-5"},
		"15-1244":           nil,
		"15-1244.00":        nil,
		"2026-10-01":        nil,
		"10 to 30+":         nil,
		"555-1234":          nil,
		"9-5":               nil,
		"2026-10":           nil,
		"v1.2-3":            nil,
	} {
		var got []string
		for _, r := range findRanges(in) {
			got = append(got, in[r.i:r.j])
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}

func TestDashStyleOptions(t *testing.T) {
	src := "a: 0–1\nb: 2–4\nnote: 5-8\n"
	cfg := lint.Config{Options: map[string]map[string]any{"dash-style": {"skip_keys": []any{"note"}}}}
	if fs := lintFilesConfig(t, cfg, map[string]string{"x.yaml": src}, DashStyle); len(fs) > 0 {
		t.Errorf("skipped key reported: %v", fs)
	}
	if fs := lintOne(t, "x.yaml", src, DashStyle); len(fs) != 1 {
		t.Errorf("got %v, want one finding", fs)
	}
}
