package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
)

var (
	mdHeadRE   = regexp.MustCompile(`^## ([A-Z]+)(\d) - (.+)$`)
	mdBulletRE = regexp.MustCompile(`^\* \*\*([^*]+)\*\*: (.+)$`)
	mdAxisRE   = regexp.MustCompile(`^\* \*\*([^*]+)\*\*: (.+)$`)
)

// engineeringLadders converts the four role pages with levels; each level's
// bullets ("**Adopts**: …") are its responsibilities, written as the page
// shows them ("Adopts: …"), and the README's five axes are the skills.
func engineeringLadders(src string) ([]*ladder, error) {
	dir := filepath.Join(src, "engineering-ladders")
	readme, err := os.ReadFile(filepath.Join(dir, "README.md"))
	if err != nil {
		return nil, err
	}
	var axes []skill
	inAxes := false
	for _, line := range strings.Split(string(readme), "\n") {
		switch {
		case line == "# Axes":
			inAxes = true
		case strings.HasPrefix(line, "# "):
			inAxes = false
		case inAxes:
			if m := mdAxisRE.FindStringSubmatch(line); m != nil {
				axes = append(axes, skill{m[1], m[2]})
			}
		}
	}
	type spec struct{ file, focus, track, soc, socTitle string }
	specs := []spec{
		{"Developer.md", "DEV", "professional", "15-1252", "Software Developers"},
		{"TechLead.md", "TECHLEAD", "tech-lead", "15-1252", "Software Developers"},
		{"TechnicalProgramManager.md", "TPM", "program", "11-3021", "Computer and Information Systems Managers"},
		{"EngineeringManager.md", "ENGMGR", "management", "11-3021", "Computer and Information Systems Managers"},
	}
	years := []int{0, 0, 2, 4, 6, 8, 10, 12}
	var out []*ladder
	for _, sp := range specs {
		b, err := os.ReadFile(filepath.Join(dir, sp.file))
		if err != nil {
			return nil, err
		}
		lines := strings.Split(string(b), "\n")
		name := strings.TrimPrefix(lines[0], "# ")
		var intro string
		for _, line := range lines[1:] {
			if strings.TrimSpace(line) != "" {
				intro = strings.TrimSpace(line)
				break
			}
		}
		l := &ladder{
			function: "ENG", functionName: "Engineering",
			focus: sp.focus, focusName: name, focusDesc: intro, track: sp.track,
			skills: axes, soc: sp.soc, socTitle: sp.socTitle, teamYears: true,
			src: source{"engineering-ladders", "Engineering Ladders", "https://github.com/jorgef/engineeringladders", "6055355a8817dd360587fb25b15f5cddb3b2c6c9"},
		}
		for _, line := range lines {
			if m := mdHeadRE.FindStringSubmatch(line); m != nil {
				n, _ := strconv.Atoi(m[2])
				code := m[1] + m[2]
				l.levels = append(l.levels, level{
					code: code, name: m[3], title: strings.TrimPrefix(line, "## "), summary: strings.TrimPrefix(line, "## "),
					minYears: years[n], emit: true, pages: []string{sp.file, "README.md"},
				})
				continue
			}
			if m := mdBulletRE.FindStringSubmatch(line); m != nil && len(l.levels) > 0 {
				lv := &l.levels[len(l.levels)-1]
				lv.items = append(lv.items, m[1]+": "+m[2])
			}
		}
		out = append(out, l)
	}
	return out, nil
}

// snowflakeTrack is one track of Medium's constants.js.
type snowflakeTrack struct {
	DisplayName string `json:"displayName"`
	Category    string `json:"category"`
	Description string `json:"description"`
	Milestones  []struct {
		Summary  string   `json:"summary"`
		Signals  []string `json:"signals"`
		Examples []string `json:"examples"`
	} `json:"milestones"`
}

// snowflake converts Medium's sixteen tracks: a track is a focus, its five
// milestones the levels (MS1 … MS5), each milestone's signals and examples
// its responsibilities and its summary the profile's summary.
func snowflake(src string) ([]*ladder, error) {
	b, err := os.ReadFile(filepath.Join(src, "medium-snowflake", "constants.js"))
	if err != nil {
		return nil, err
	}
	start := bytes.Index(b, []byte("export const tracks: Tracks = {"))
	end := bytes.Index(b, []byte("export const trackIds"))
	if start < 0 || end < 0 {
		return nil, fmt.Errorf("constants.js: no tracks object")
	}
	lit := b[start+len("export const tracks: Tracks = ") : end]
	var tracks map[string]snowflakeTrack
	if err := json.Unmarshal(jsonFromJS(lit), &tracks); err != nil {
		return nil, fmt.Errorf("constants.js: %w", err)
	}
	// The order of the file, which a map forgets.
	var ids []string
	for _, m := range regexp.MustCompile(`(?m)^  "([A-Z_]+)": \{`).FindAllSubmatch(lit, -1) {
		ids = append(ids, string(m[1]))
	}
	short := map[string]string{"PROJECT_MANAGEMENT": "PROJECTMGMT", "CAREER_DEVELOPMENT": "CAREERDEV"}
	years := []int{0, 2, 4, 7, 10}
	var out []*ladder
	for _, id := range ids {
		t := tracks[id]
		code := short[id]
		if code == "" {
			code = strings.ReplaceAll(id, "_", "")
		}
		l := &ladder{
			function: "ENG", functionName: "Engineering",
			focus: code, focusName: t.DisplayName, focusDesc: t.Description, track: "professional",
			soc: "15-1252", socTitle: "Software Developers", teamYears: true,
			src: source{"medium-snowflake", "Medium Snowflake engineering growth framework", "https://github.com/Medium/snowflake", "38859c6315ae0eba5449124d41fbbe7e49cc7269"},
		}
		for i, m := range t.Milestones {
			c := fmt.Sprintf("MS%d", i+1)
			l.levels = append(l.levels, level{
				code: c, name: fmt.Sprintf("Milestone %d", i+1), title: fmt.Sprintf("%s — Milestone %d", t.DisplayName, i+1),
				summary: m.Summary, items: append(append([]string{}, m.Signals...), m.Examples...),
				minYears: years[i], emit: true, pages: []string{"constants.js"},
			})
		}
		out = append(out, l)
	}
	return out, nil
}

// jsonFromJS drops the trailing commas of a JavaScript object literal whose
// keys and strings are already JSON, scanning past strings so that a comma
// inside one is kept.
func jsonFromJS(b []byte) []byte {
	var out []byte
	inStr := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		if inStr {
			out = append(out, c)
			if c == '\\' && i+1 < len(b) {
				i++
				out = append(out, b[i])
			} else if c == '"' {
				inStr = false
			}
			continue
		}
		if c == '"' {
			inStr = true
		}
		if c == ',' {
			j := i + 1
			for j < len(b) && strings.ContainsRune(" \t\r\n", rune(b[j])) {
				j++
			}
			if j < len(b) && (b[j] == ']' || b[j] == '}') {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

type ftFamily struct {
	Name    string `yaml:"name"`
	Summary string `yaml:"summary"`
	Levels  []struct {
		ID   string `yaml:"id"`
		Name string `yaml:"name"`
	} `yaml:"levels"`
	Themes []struct {
		ID      string `yaml:"id"`
		Name    string `yaml:"name"`
		Summary string `yaml:"summary"`
	} `yaml:"themes"`
	Competencies []struct {
		Level   string `yaml:"level"`
		Theme   string `yaml:"theme"`
		Summary string `yaml:"summary"`
	} `yaml:"competencies"`
}

// unwrap is how the FT site shows a summary kept in a literal block: its
// hard line breaks are spaces, its final one dropped.
func unwrap(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\n", " "))
}

// ft converts the engineering job family, its two tracks as two focuses:
// the individual contributor one (Junior … Principal IC) and the people
// manager one (Junior … Technology Director), which share their three
// lowest levels. Each level's competencies are its responsibilities, the
// themes the skills. The operations family is legacy (isLegacy) and left out.
func ft(src string) ([]*ladder, error) {
	dir := filepath.Join(src, "ft-engineering-progression")
	b, err := os.ReadFile(filepath.Join(dir, "data", "job-families", "engineering.yml"))
	if err != nil {
		return nil, err
	}
	var fam ftFamily
	if err := yaml.Unmarshal(b, &fam); err != nil {
		return nil, fmt.Errorf("engineering.yml: %w", err)
	}
	pageB, err := os.ReadFile(filepath.Join(dir, "site", "pages", "job-families.md"))
	if err != nil {
		return nil, err
	}
	var desc string
	sc := bufio.NewScanner(bytes.NewReader(pageB))
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "Engineers at early stages") {
			desc = strings.TrimSpace(sc.Text())
		}
	}
	codes := map[string]string{"junior": "JUNIOR", "engineer": "ENGINEER", "senior-1": "SENIOR1", "senior-2-ic": "SR2IC", "senior-2-pm": "SR2PM", "principal-ic": "PRINIC", "principal-pm": "PRINPM", "tech-director": "TECHDIR"}
	years := map[string]int{"junior": 0, "engineer": 1, "senior-1": 3, "senior-2-ic": 5, "senior-2-pm": 5, "principal-ic": 8, "principal-pm": 8, "tech-director": 12}
	var skills []skill
	for _, t := range fam.Themes {
		skills = append(skills, skill{t.Name, unwrap(t.Summary)})
	}
	mk := func(focus, name, track string, ids []string, own map[string]bool) *ladder {
		l := &ladder{
			function: "ENG", functionName: fam.Name, focus: focus, focusName: name, focusDesc: desc, track: track,
			skills: skills, soc: "15-1252", socTitle: "Software Developers", teamYears: true,
			src: source{"ft-engineering-progression", "FT Engineering Progression", "https://github.com/Financial-Times/engineering-progression", "d54616e18d4c5316bb65f63d019375074f5283c1"},
		}
		if track == "management" {
			l.soc, l.socTitle = "11-3021", "Computer and Information Systems Managers"
		}
		for _, id := range ids {
			var lname string
			for _, lv := range fam.Levels {
				if lv.ID == id {
					lname = lv.Name
				}
			}
			var items []string
			for _, c := range fam.Competencies {
				if c.Level == id {
					items = append(items, unwrap(c.Summary))
				}
			}
			l.levels = append(l.levels, level{
				code: codes[id], name: lname, title: fam.Name + " — " + lname, summary: unwrap(fam.Summary),
				items: items, minYears: years[id], emit: own[id],
				pages: []string{"data/job-families/engineering.yml", "site/pages/job-families.md"},
			})
		}
		return l
	}
	ic := mk("ENGINEERING", "Engineering (Individual Contributor)", "professional",
		[]string{"junior", "engineer", "senior-1", "senior-2-ic", "principal-ic"},
		map[string]bool{"junior": true, "engineer": true, "senior-1": true, "senior-2-ic": true, "principal-ic": true})
	pm := mk("ENGMANAGER", "Engineering (People Manager)", "management",
		[]string{"junior", "engineer", "senior-1", "senior-2-pm", "principal-pm", "tech-director"},
		map[string]bool{"senior-2-pm": true, "principal-pm": true, "tech-director": true})
	return []*ladder{ic, pm}, nil
}
