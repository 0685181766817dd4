package rules

import (
	"fmt"
	"regexp"
	"time"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

func init() { register(ProvenanceSource) }

// ProvenanceSource reports sources that cannot be followed up.
var ProvenanceSource = &lint.Rule{
	ID:       "provenance-source",
	Summary:  "every source has an id of its own, a title, a url or citation, and a real, past retrieved date",
	Severity: lint.Error,
	Doc: lint.Doc{
		Text: `A source must let a reader find what the profile rests on: it needs a title,
a url or a citation (or both), and the date it was retrieved, written
YYYY-MM-DD. The date must be a real calendar date (2025-02-30 is not) and
not later than today. Source ids are unique in the file, since layers cite
sources by id.`,
		Bad: provDocProfile(`provenance:
  sources:
    - id: onet-15-1244
      url: https://www.onetonline.org/link/summary/15-1244.00
      retrieved: 2025-02-30
` + provDocLayersOf("onet-15-1244")),
		Good: provDocProfile(`provenance:
  sources:
    - id: onet-15-1244
      title: O*NET OnLine — 15-1244.00 Network and Computer Systems Administrators
      url: https://www.onetonline.org/link/summary/15-1244.00
      retrieved: 2025-02-28
` + provDocLayersOf("onet-15-1244")),
	},
	Run: runProvenanceSource,
	// "in the future" is judged against today.
	DependsOnDate: true,
}

var retrievedDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func runProvenanceSource(p *lint.Pass) {
	sources := p.Root.Get("provenance").Get("sources")
	if sources == nil || sources.Kind != profiles.Seq {
		return
	}
	today := now().Format(time.DateOnly)
	first := make(map[string]int)
	for i, s := range sources.Items {
		if s.Kind != profiles.Map {
			continue
		}
		at := func(key string) string { return profiles.Pointer("provenance", "sources", i, key) }
		id := s.Get("id").Text()
		name := fmt.Sprintf("source %q", id)
		if id == "" {
			name = fmt.Sprintf("source %d", i+1)
		} else if j, dup := first[id]; dup {
			reportRelated(p, at("id"), p.Place(profiles.Pointer("provenance", "sources", j, "id"), "first declared here"),
				"source id %q is declared twice; ids are unique in the file", id)
		} else {
			first[id] = i
		}
		if blankNode(s.Get("title")) {
			p.Reportf(at("title"), "%s has no title", name)
		}
		if blankNode(s.Get("url")) && blankNode(s.Get("citation")) {
			p.Reportf(profiles.Pointer("provenance", "sources", i), "%s has neither a url nor a citation", name)
		}
		date := s.Get("retrieved")
		switch {
		case blankNode(date):
			p.Reportf(at("retrieved"), "%s has no retrieved date (want YYYY-MM-DD)", name)
		case date.Kind != profiles.String:
			// the schema reports the type
		case !retrievedDate.MatchString(date.Value):
			p.Reportf(at("retrieved"), "retrieved date %q of %s is not an ISO date (want YYYY-MM-DD)", date.Value, name)
		case !realDate(date.Value):
			p.Reportf(at("retrieved"), "retrieved date %s of %s is not a real date", date.Value, name)
		case date.Value > today:
			p.Reportf(at("retrieved"), "retrieved date %s of %s is in the future (today is %s)", date.Value, name, today)
		}
	}
}

// realDate reports whether a YYYY-MM-DD date exists in the calendar.
func realDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}
