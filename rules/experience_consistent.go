package rules

import (
	"github.com/profilelint/profilelint/lint"
)

func init() { register(ExperienceConsistent) }

// ExperienceConsistent checks level.typical_experience against the rubric
// row of the profile's level.
var ExperienceConsistent = &lint.Rule{
	ID:       "experience-consistent",
	Summary:  "the level's typical experience agrees with the rubric row of its level",
	Severity: lint.Error,
	Scope:    lint.PerFile,
	Doc: lint.Doc{
		Text: `The level's typical_experience and the rubric (level_guidelines) describe
the same people, so they must agree: the typical minimum is not below the
rubric's minimum for the level, nor below the rubric's minimum for the level
under it; and where the rubric row gives a maximum, the typical minimum is
not above it. One finding is reported, at level.typical_experience.min,
with the rubric row as a related place. A level outside the ladder or
without a rubric row is left to level-order.`,
		Bad:  docExample("typical_experience: {min: 8, max: 12}", "typical_experience: {min: 5, max: 12}"),
		Good: docProfile,
	},
	Run: runExperienceConsistent,
}

func runExperienceConsistent(p *lint.Pass) {
	typical := yearsAt(p, "/level/typical_experience")
	code := p.Root.Lookup("/level/code").Text()
	rank := p.Ladder.Index(code)
	if !typical.HasMin || rank < 0 {
		return
	}
	rows := make(map[int]ladderEntry)
	for _, e := range byRank(ladderEntries(p, "level_guidelines"), p.Ladder) {
		rows[e.Rank] = e
	}
	row, ok := rows[rank]
	if !ok {
		return
	}
	rubric := yearsAt(p, row.Ptr+"/experience")
	if !rubric.HasMin {
		return
	}
	report := func(format string, args ...any) {
		reportRelated(p, typical.MinPtr(), p.Place(rubric.MinPtr(), "the rubric for "+code+": "+rubric.String()), format, args...)
	}
	switch {
	case typical.Min < rubric.Min:
		report("typical experience %s is below the rubric's %s for %s", typical, rubric, code)
		return
	case rubric.HasMax && typical.Min > rubric.Max:
		report("typical experience %s is above the rubric's %s for %s", typical, rubric, code)
		return
	}
	under, ok := rows[rank-1]
	if !ok {
		return
	}
	if u := yearsAt(p, under.Ptr+"/experience"); u.HasMin && typical.Min < u.Min {
		reportRelated(p, typical.MinPtr(), p.Place(u.MinPtr(), "the rubric for "+under.Code+": "+u.String()),
			"typical experience %s is below the rubric's %s for %s, the level under %s", typical, u, under.Code, code)
	}
}
