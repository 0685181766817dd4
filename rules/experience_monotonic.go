package rules

import (
	"fmt"

	"github.com/profilelint/profilelint/lint"
)

func init() { register(ExperienceMonotonic) }

// ExperienceMonotonic checks that the rubric's years of experience rise with
// the level and that every span of years ends at or after its start.
var ExperienceMonotonic = &lint.Rule{
	ID:       "experience-monotonic",
	Summary:  "the rubric's minimum years of experience rise with the level",
	Severity: lint.Error,
	Scope:    lint.PerFile,
	Doc: lint.Doc{
		Text: `A higher level asks for more experience, never less: in level_guidelines,
experience.min of a level is compared with that of the level below it (by
the levels' places in the ladder; a level the list lacks is skipped, and a
repeated level counts once). A minimum lower than the one below is an
error; the same minimum is a warning (two levels the rubric cannot tell
apart by experience), whatever severity the rule is configured with, up to
that severity. A span whose max is below its min, in a rubric row or in
level.typical_experience, is an error at the max.`,
		Bad:  docExample("  - {level: P4, experience: {min: 8}}\n", "  - {level: P4, experience: {min: 4}}\n"),
		Good: docProfile,
	},
	Run: runExperienceMonotonic,
}

func runExperienceMonotonic(p *lint.Pass) {
	// below is the nearest lower level with a minimum, and its years.
	var below *ladderEntry
	var belowYears years
	for _, e := range byRank(ladderEntries(p, "level_guidelines"), p.Ladder) {
		y := yearsAt(p, e.Ptr+"/experience")
		if y.HasMin && y.HasMax && y.Max < y.Min {
			reportRelated(p, y.MaxPtr(), p.Place(y.MinPtr(), e.Code+" experience min"),
				"%s experience max %s is below its min %s", e.Code, fmtYears(y.Max), fmtYears(y.Min))
		}
		if !y.HasMin {
			continue
		}
		if below != nil {
			switch {
			case y.Min < belowYears.Min:
				reportRelated(p, y.MinPtr(), p.Place(belowYears.MinPtr(), below.Code+" requires "+fmtYears(belowYears.Min)+"+ years"),
					"%s requires %s+ years, fewer than %s's %s+", e.Code, fmtYears(y.Min), below.Code, fmtYears(belowYears.Min))
			case y.Min == belowYears.Min:
				f := p.At(y.MinPtr())
				f.Message = fmt.Sprintf("%s requires %s+ years, the same as %s", e.Code, fmtYears(y.Min), below.Code)
				f.Related = []lint.Place{p.Place(belowYears.MinPtr(), below.Code+" requires "+fmtYears(belowYears.Min)+"+ years")}
				// A flat step is suspicious, not wrong: the engine keeps the
				// lower of this and the configured severity.
				f.Severity = lint.Warning
				p.Report(f)
			}
		}
		below, belowYears = &e, y // e is this iteration's own variable
	}
	if y := yearsAt(p, "/level/typical_experience"); y.HasMin && y.HasMax && y.Max < y.Min {
		reportRelated(p, y.MaxPtr(), p.Place(y.MinPtr(), "typical experience min"),
			"typical experience max %s is below its min %s", fmtYears(y.Max), fmtYears(y.Min))
	}
}
