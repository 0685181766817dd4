package rules

import (
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

func init() { register(ResponsibilityCount) }

// ResponsibilityCount checks that every level lists enough responsibilities.
var ResponsibilityCount = &lint.Rule{
	ID:       "responsibility-count",
	Summary:  "every level lists at least a minimum number of responsibilities",
	Severity: lint.Warning,
	Scope:    lint.PerFile,
	Doc: lint.Doc{
		Text: `A level described by one or two responsibilities does not say enough to tell
it from its neighbours. Each entry of responsibilities is expected to list at
least "min" items (3 by default); an entry with fewer is reported at its
items, an entry without items at the entry.`,
		Bad: docExample(
			"items: [Designs platform features within a team, Runs proof-of-concepts for new tools, Mentors junior engineers]",
			"items: [Designs platform features within a team, Mentors junior engineers]"),
		Good: docProfile,
	},
	Options: responsibilityCountOptions.List(),
	Run:     runResponsibilityCount,
}

var responsibilityCountOptions = lint.NewOptions(struct {
	Min int `option:"min" doc:"the fewest responsibilities a level may list"`
}{Min: 3})

func runResponsibilityCount(p *lint.Pass) {
	least := responsibilityCountOptions.Of(p).Min
	for _, e := range ladderEntries(p, "responsibilities") {
		level := e.Code
		if level == "" {
			level = "the entry at " + lineCol(e.Node)
		}
		items := e.Node.Get("items")
		switch {
		case items == nil || items.Kind == profiles.Null:
			if least > 0 {
				p.Reportf(e.Ptr, "%s lists no responsibilities; at least %d expected", level, least)
			}
		case items.Kind == profiles.Seq && len(items.Items) < least:
			noun := "responsibilities"
			if len(items.Items) == 1 {
				noun = "responsibility"
			}
			p.Reportf(e.Ptr+"/items", "%s lists %d %s; at least %d expected", level, len(items.Items), noun, least)
		}
	}
}
