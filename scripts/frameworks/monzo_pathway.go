package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
)

type monzoFront struct {
	Title  string `yaml:"title"`
	Topics []struct {
		Name    string `yaml:"name"`
		Content []struct {
			Level           int      `yaml:"level"`
			Criteria        []string `yaml:"criteria"`
			ExampleCriteria []struct {
				Criteria string `yaml:"criteria"`
			} `yaml:"exampleCriteria"`
		} `yaml:"content"`
	} `yaml:"topics"`
}

// monzo converts the backend framework: six levels (L1 … L6), each level's
// criteria of every topic its responsibilities, the example criteria among
// them (their worked examples are left out: they illustrate, they are not
// expectations), and the five elements of "How does it work?" the skills.
func monzo(src string) ([]*ladder, error) {
	b, err := os.ReadFile(filepath.Join(src, "monzo-progression-framework", "frameworks", "engineering", "backend.md"))
	if err != nil {
		return nil, err
	}
	parts := bytes.SplitN(b, []byte("\n---\n"), 2)
	if len(parts) != 2 {
		return nil, fmt.Errorf("backend.md: no front matter")
	}
	var fm monzoFront
	if err := yaml.Unmarshal(bytes.TrimPrefix(parts[0], []byte("---\n")), &fm); err != nil {
		return nil, fmt.Errorf("backend.md: %w", err)
	}
	var skills []skill
	var desc string
	for _, line := range strings.Split(string(parts[1]), "\n") {
		if name, text, ok := strings.Cut(strings.TrimPrefix(line, "- "), " - "); ok && strings.HasPrefix(line, "- ") {
			skills = append(skills, skill{name, text})
		}
		if s, _, ok := strings.Cut(line, " We’re interested in"); ok && strings.HasPrefix(line, "The framework covers") {
			desc = s
		}
	}
	l := &ladder{
		function: "ENG", functionName: "Engineering", focus: "BACKEND", focusName: "Backend Engineering",
		focusDesc: desc, track: "professional", skills: skills,
		soc: "15-1252", socTitle: "Software Developers", teamYears: true,
		src: source{"monzo-progression-framework", "Monzo progression framework", "https://github.com/monzo/progression-framework", "689e6224a1a0b477ac3a1f326f1beef7494a4efa"},
	}
	years := []int{0, 0, 1, 3, 5, 8, 12}
	for n := 1; n <= 6; n++ {
		var items []string
		for _, t := range fm.Topics {
			for _, c := range t.Content {
				if c.Level != n {
					continue
				}
				items = append(items, c.Criteria...)
				for _, e := range c.ExampleCriteria {
					items = append(items, e.Criteria)
				}
			}
		}
		l.levels = append(l.levels, level{
			code: fmt.Sprintf("L%d", n), name: fmt.Sprintf("Level %d", n),
			title:   fmt.Sprintf("%s — Level %d", strings.TrimSpace(strings.TrimPrefix(fm.Title, "🛠️")), n),
			summary: fm.Title, items: items, minYears: years[n], emit: true,
			pages: []string{"frameworks/engineering/backend.md"},
		})
	}
	return []*ladder{l}, nil
}

type pathwayGrade struct {
	ID                     string            `yaml:"id"`
	ProfessionalTitle      string            `yaml:"professionalTitle"`
	ManagementTitle        string            `yaml:"managementTitle"`
	TypicalExperienceRange string            `yaml:"typicalExperienceRange"`
	QualificationSummary   string            `yaml:"qualificationSummary"`
	BaseSkillLevels        map[string]string `yaml:"baseSkillLevels"`
	Expectations           struct {
		ImpactScope         string `yaml:"impactScope"`
		AutonomyExpectation string `yaml:"autonomyExpectation"`
		InfluenceScope      string `yaml:"influenceScope"`
		ComplexityHandled   string `yaml:"complexityHandled"`
	} `yaml:"expectations"`
}

type pathwayCapability struct {
	Name                         string            `yaml:"name"`
	ProfessionalResponsibilities map[string]string `yaml:"professionalResponsibilities"`
	ManagementResponsibilities   map[string]string `yaml:"managementResponsibilities"`
	Skills                       []struct {
		ID    string `yaml:"id"`
		Name  string `yaml:"name"`
		Human struct {
			Description string `yaml:"description"`
		} `yaml:"human"`
	} `yaml:"skills"`
}

func readYAML(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// pathway converts the software engineering discipline on the platform
// track, as pathway derives a job from them: a grade's responsibilities are
// each capability's responsibility at the grade's base level for primary
// skills (the discipline's core skills are all primary), its expectations the
// level's scope, autonomy and complexity and the rubric's collaboration, and
// the grade's years its rubric's years. The professional and management
// titles of a grade are two tracks, so two focuses.
func pathway(src string) ([]*ladder, error) {
	dir := filepath.Join(src, "pathway", "examples")
	var grades []pathwayGrade
	if err := readYAML(filepath.Join(dir, "grades.yaml"), &grades); err != nil {
		return nil, err
	}
	var track struct {
		Name        string `yaml:"name"`
		Description string `yaml:"description"`
	}
	if err := readYAML(filepath.Join(dir, "tracks", "platform.yaml"), &track); err != nil {
		return nil, err
	}
	var disc struct {
		Specialization string   `yaml:"specialization"`
		RoleTitle      string   `yaml:"roleTitle"`
		CoreSkills     []string `yaml:"coreSkills"`
		Human          struct {
			Professional string `yaml:"professionalRoleSummary"`
			Management   string `yaml:"managementRoleSummary"`
		} `yaml:"human"`
	}
	if err := readYAML(filepath.Join(dir, "disciplines", "software_engineering.yaml"), &disc); err != nil {
		return nil, err
	}
	var caps []pathwayCapability
	for _, name := range []string{"delivery", "scale"} {
		var c pathwayCapability
		if err := readYAML(filepath.Join(dir, "capabilities", name+".yaml"), &c); err != nil {
			return nil, err
		}
		caps = append(caps, c)
	}
	var skills []skill
	for _, id := range disc.CoreSkills {
		for _, c := range caps {
			for _, s := range c.Skills {
				if s.ID == id {
					skills = append(skills, skill{s.Name, strings.TrimSpace(s.Human.Description)})
				}
			}
		}
	}
	// pathway fills its templates when it renders a job; so does the team.
	fill := func(s string, g pathwayGrade) string {
		s = strings.ReplaceAll(s, "{roleTitle}", disc.RoleTitle)
		s = strings.ReplaceAll(s, "{specialization}", disc.Specialization)
		s = strings.ReplaceAll(s, "{typicalExperienceRange}", g.TypicalExperienceRange)
		return strings.TrimSpace(s)
	}
	pages := []string{"examples/grades.yaml", "examples/tracks/platform.yaml", "examples/disciplines/software_engineering.yaml", "examples/capabilities/delivery.yaml", "examples/capabilities/scale.yaml"}
	mk := func(focus, name, trk, soc, socTitle string, mgmt bool) *ladder {
		l := &ladder{
			function: "SWE", functionName: disc.Specialization, focus: focus, focusName: name,
			focusDesc: strings.TrimSpace(track.Description), track: trk, skills: skills, soc: soc, socTitle: socTitle,
			src: source{"pathway", "Forward Impact pathway example framework", "https://github.com/forwardimpact/pathway", "9b937824cec3084affd2d4524ae392da03f195a3"},
		}
		for _, g := range grades {
			var items []string
			for _, c := range caps {
				r := c.ProfessionalResponsibilities
				if mgmt {
					r = c.ManagementResponsibilities
				}
				items = append(items, strings.TrimSpace(r[g.BaseSkillLevels["primary"]]))
			}
			lo, hi, _ := strings.Cut(strings.TrimSuffix(g.TypicalExperienceRange, "+"), "-")
			minY, err := strconv.Atoi(lo)
			if err != nil {
				panic(fmt.Sprintf("grade %s: typicalExperienceRange %q", g.ID, g.TypicalExperienceRange))
			}
			var maxY int
			if hi != "" {
				if maxY, err = strconv.Atoi(hi); err != nil {
					panic(fmt.Sprintf("grade %s: typicalExperienceRange %q", g.ID, g.TypicalExperienceRange))
				}
			}
			title, summary := g.ProfessionalTitle, disc.Human.Professional
			if mgmt {
				title, summary = g.ManagementTitle, disc.Human.Management
			}
			l.levels = append(l.levels, level{
				code: g.ID, name: title, title: track.Name + " " + title, summary: fill(summary, g),
				attrs: obj{}.
					with("scope", strings.TrimSpace(g.Expectations.ImpactScope)).
					with("autonomy", strings.TrimSpace(g.Expectations.AutonomyExpectation)).
					with("complexity", strings.TrimSpace(g.Expectations.ComplexityHandled)),
				guide: obj{}.
					with("collaboration", strings.TrimSpace(g.Expectations.InfluenceScope)).
					with("education", fill(g.QualificationSummary, g)),
				items: items, minYears: minY, maxYears: maxY, emit: true, pages: pages,
			})
		}
		return l
	}
	return []*ladder{
		mk("PLATFORM", track.Name+" "+disc.RoleTitle, "professional", "15-1252", "Software Developers", false),
		mk("PLATFORMMGMT", track.Name+" engineering management", "management", "11-3021", "Computer and Information Systems Managers", true),
	}, nil
}
