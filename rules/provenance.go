package rules

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/profilelint/profilelint/internal/suggest"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// The provenance family: where a profile's content comes from, and whether
// it passed review. See "Provenance" in the profile format.

func init() {
	register(ProvenanceMissing, ProvenanceUnresolved, ProvenanceSource, ReviewFailed, ClassificationSource)
}

// provenanceLayers are the layers of a profile that sources must back, in
// the order of the format.
var provenanceLayers = []string{"focus", "level", "responsibilities", "level_guidelines", "skills", "classification"}

// now is the clock that decides whether a retrieved date is in the future;
// tests replace it.
var now = time.Now

// provDocProfile is a small profile for the examples of the provenance
// rules, completed by the provenance (and classification) under test.
func provDocProfile(tail string) string {
	return `schema: profile/v1
id: INFRAS.PLATFORM.P3
title: Platform Engineering — P3
summary: Runs the shared cloud platform of one region.
function: {code: INFRAS, name: Infrastructure & Platform Engineering}
focus: {code: PLATFORM, name: Platform Engineering, description: Builds the internal platform that product teams deploy to.}
level: {code: P3, name: Professional}
responsibilities: []
level_guidelines: []
skills: []
` + tail
}

// provDocSources declares two sources; provDocLayers cites both from every
// layer.
const provDocSources = `provenance:
  sources:
    - id: onet-15-1244
      title: O*NET OnLine — 15-1244.00 Network and Computer Systems Administrators
      url: https://www.onetonline.org/link/summary/15-1244.00
      retrieved: 2025-10-01
    - id: leveling-rubric
      title: Universal leveling rubric, professional track
      citation: Internal career framework, version 2025.1, section 3
      retrieved: 2025-09-15
`

const provDocLayers = `  layers:
    focus: [onet-15-1244]
    level: [leveling-rubric]
    responsibilities: [onet-15-1244]
    level_guidelines: [leveling-rubric]
    skills: [onet-15-1244]
    classification: [onet-15-1244]
`

// ProvenanceMissing reports a profile whose layers no source backs.
var ProvenanceMissing = &lint.Rule{
	ID:       "provenance-missing",
	Summary:  "provenance declares sources, and a source backs every layer",
	Severity: lint.Error,
	Doc: lint.Doc{
		Text: `A profile says where its content comes from: provenance.sources declares at
least one source, and provenance.layers names, for each layer of the profile
(focus, level, responsibilities, level_guidelines, skills, classification),
the sources that back it. Without provenance or without sources, one finding
says that nothing is backed; without layers, one finding names the unbacked
layers; otherwise each layer that is not listed or lists no source is
reported. That the cited ids are declared is provenance-unresolved's job.`,
		Bad: provDocProfile(provDocSources + `  layers:
    focus: [onet-15-1244]
    level: [leveling-rubric]
    responsibilities: [onet-15-1244]
    level_guidelines: [leveling-rubric]
    skills: []
`),
		Good: provDocProfile(provDocSources + provDocLayers),
	},
	Run: runProvenanceMissing,
}

func runProvenanceMissing(p *lint.Pass) {
	prov := p.Root.Get("provenance")
	if absentNode(prov) {
		p.Reportf("", "no provenance declared, so no layer of the profile is backed by a source")
		return
	}
	if prov.Kind != profiles.Map {
		return // the schema reports the type
	}
	sources := prov.Get("sources")
	if absentNode(sources) || (sources.Kind == profiles.Seq && len(sources.Items) == 0) {
		reportAtMissing(p, "/provenance/sources", "no sources declared, so no layer of the profile is backed")
		return
	}
	layers := prov.Get("layers")
	if absentNode(layers) {
		reportAtMissing(p, "/provenance/layers", "no layers declared, so no source backs %s", wordList(provenanceLayers, "or"))
		return
	}
	if sources.Kind != profiles.Seq || layers.Kind != profiles.Map {
		return
	}
	var unlisted []string
	for _, name := range provenanceLayers {
		v := layers.Get(name)
		switch {
		case v == nil:
			unlisted = append(unlisted, name)
		case v.Kind == profiles.Null || (v.Kind == profiles.Seq && len(v.Items) == 0):
			p.Reportf(profiles.Pointer("provenance", "layers", name), "layer %s lists no source, so nothing backs it", name)
		}
	}
	switch len(unlisted) {
	case 0:
	case 1:
		p.ReportKeyf("/provenance/layers", "layer %s is not listed, so no source backs it", unlisted[0])
	default:
		p.ReportKeyf("/provenance/layers", "layers %s are not listed, so no source backs them", wordList(unlisted, "and"))
	}
}

// ProvenanceUnresolved reports citations of undeclared sources, and sources
// that nothing cites.
var ProvenanceUnresolved = &lint.Rule{
	ID:       "provenance-unresolved",
	Summary:  "layers cite declared sources; every source is cited (unused: warning)",
	Severity: lint.Error,
	Doc: lint.Doc{
		Text: `Every id that provenance.layers cites must be the id of a source declared in
provenance.sources; the finding names the declared ids and the closest one.
A declared source that no layer cites (and no classification entry names as
its source) is reported as a warning: it backs nothing, so either a layer
forgot it or it can go. The warning is never raised above the configured
severity.`,
		Bad: provDocProfile(provDocSources + `  layers:
    focus: [onet-15-1244]
    level: [leveling-rubrik]
    responsibilities: [onet-15-1244]
    level_guidelines: [leveling-rubrik]
    skills: [onet-15-1244]
    classification: [onet-15-1244]
`),
		Good: provDocProfile(provDocSources + provDocLayers),
	},
	Run: runProvenanceUnresolved,
}

func runProvenanceUnresolved(p *lint.Pass) {
	prov := p.Root.Get("provenance")
	ids, index := declaredSources(prov)
	cited := make(map[string]bool)
	if layers := prov.Get("layers"); layers != nil && layers.Kind == profiles.Map {
		for _, fld := range layers.Fields {
			if fld.Value.Kind != profiles.Seq {
				continue
			}
			layer := fld.Key.Value
			for i, it := range fld.Value.Items {
				id := it.Text()
				if id == "" {
					continue
				}
				if _, ok := index[id]; ok {
					cited[id] = true
					continue
				}
				ptr := profiles.Pointer("provenance", "layers", layer, i)
				if len(ids) == 0 {
					p.Reportf(ptr, "layer %s cites source %q, which is not declared; no source is declared", layer, id)
					continue
				}
				hint := ""
				if c := suggest.Closest(id, ids); c != "" {
					hint = fmt.Sprintf(" (did you mean %q?)", c)
				}
				p.Reportf(ptr, "layer %s cites source %q, which is not declared%s; declared: %s", layer, id, hint, strings.Join(ids, ", "))
			}
		}
	}
	// A classification entry that names a declared source uses it too.
	if cls := p.Root.Get("classification"); cls != nil {
		for _, c := range cls.Items {
			if id := c.Get("source").Text(); id != "" {
				cited[id] = true
			}
		}
	}
	for _, id := range ids {
		if !cited[id] {
			f := p.Reportf(profiles.Pointer("provenance", "sources", index[id], "id"), "source %q is declared but no layer cites it", id)
			f.Severity = lint.Warning
		}
	}
}

// declaredSources returns the ids of provenance.sources in order, without
// repeats, and the index of each id's first declaration.
func declaredSources(prov *profiles.Node) ([]string, map[string]int) {
	var ids []string
	index := make(map[string]int)
	sources := prov.Get("sources")
	if sources == nil {
		return nil, index
	}
	for i, s := range sources.Items {
		id := s.Get("id").Text()
		if id == "" {
			continue
		}
		if _, ok := index[id]; !ok {
			index[id] = i
			ids = append(ids, id)
		}
	}
	return ids, index
}

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
  layers:
    focus: [onet-15-1244]
    level: [onet-15-1244]
    responsibilities: [onet-15-1244]
    level_guidelines: [onet-15-1244]
    skills: [onet-15-1244]
    classification: [onet-15-1244]
`),
		Good: provDocProfile(`provenance:
  sources:
    - id: onet-15-1244
      title: O*NET OnLine — 15-1244.00 Network and Computer Systems Administrators
      url: https://www.onetonline.org/link/summary/15-1244.00
      retrieved: 2025-02-28
  layers:
    focus: [onet-15-1244]
    level: [onet-15-1244]
    responsibilities: [onet-15-1244]
    level_guidelines: [onet-15-1244]
    skills: [onet-15-1244]
    classification: [onet-15-1244]
`),
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
			f := p.Reportf(at("id"), "source id %q is declared twice; ids are unique in the file", id)
			f.Related = append(f.Related, p.Place(profiles.Pointer("provenance", "sources", j, "id"), "first declared here"))
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

// ReviewFailed reports a profile that has not passed its review.
var ReviewFailed = &lint.Rule{
	ID:       "review-failed",
	Summary:  "the review scores every dimension inside its scale, none below the pass threshold",
	Severity: lint.Error,
	Doc: lint.Doc{
		Text: `provenance.review records the panel's verdict: a score per dimension on the
review's scale, and the pass threshold. A profile without a review or
without scores has not been reviewed; a score outside the scale (or a
threshold outside it) is a mistake; and the profile fails review when its
lowest score is below the threshold. The finding names the dimension.`,
		Bad: provDocProfile(provDocSources + provDocLayers + `  review:
    panel: adversarial
    scale: {min: 1, max: 5}
    pass_threshold: 4
    scores: {accuracy: 4, specificity: 5, level_fit: 4, sourcing: 3}
`),
		Good: provDocProfile(provDocSources + provDocLayers + `  review:
    panel: adversarial
    scale: {min: 1, max: 5}
    pass_threshold: 4
    scores: {accuracy: 4, specificity: 5, level_fit: 4, sourcing: 4}
`),
	},
	Run: runReviewFailed,
}

func runReviewFailed(p *lint.Pass) {
	review := p.Root.Get("provenance").Get("review")
	if absentNode(review) {
		reportAtMissing(p, "/provenance/review", "the profile has no review")
		return
	}
	if review.Kind != profiles.Map {
		return
	}
	scores := review.Get("scores")
	if absentNode(scores) || (scores.Kind == profiles.Map && len(scores.Fields) == 0) {
		reportAtMissing(p, "/provenance/review/scores", "the review has no scores")
		return
	}
	if scores.Kind != profiles.Map {
		return
	}
	scale := review.Get("scale")
	lo, okLo := scale.Get("min").Number()
	hi, okHi := scale.Get("max").Number()
	inScale := func(v float64) bool { return !okLo || !okHi || (v >= lo && v <= hi) }
	scaleText := func() string { return scale.Get("min").Value + " to " + scale.Get("max").Value }

	threshold := review.Get("pass_threshold")
	limit, okLimit := threshold.Number()
	if okLimit && !inScale(limit) {
		p.Reportf("/provenance/review/pass_threshold", "pass threshold %s is outside the scale %s", threshold.Value, scaleText())
	}
	var lowest *profiles.Field
	for i := range scores.Fields {
		fld := &scores.Fields[i]
		v, ok := fld.Value.Number()
		if !ok {
			continue
		}
		if !inScale(v) {
			p.Reportf(profiles.Pointer("provenance", "review", "scores", fld.Key.Value), "score %s (%s) is outside the scale %s", fld.Value.Value, fld.Key.Value, scaleText())
		}
		if lowest == nil || v < lowest.Value.Num {
			lowest = fld
		}
	}
	if lowest != nil && okLimit && lowest.Value.Num < limit {
		p.Reportf(profiles.Pointer("provenance", "review", "scores", lowest.Key.Value), "minimum score %s (%s) is below the pass threshold %s", lowest.Value.Value, lowest.Key.Value, threshold.Value)
	}
}

// ClassificationSource reports classification entries that do not say
// where they come from.
var ClassificationSource = &lint.Rule{
	ID:       "classification-source",
	Summary:  "every classification entry names its source",
	Severity: lint.Error,
	Doc: lint.Doc{
		Text: `A classification entry (a SOC, O*NET-SOC, ISCO or ESCO code) is a claim about
the role, so it names its source: the id of a declared source, or the tool
or process that assigned the code.`,
		Bad: provDocProfile(`classification:
  - system: SOC-2018
    code: "15-1244"
    title: Network and Computer Systems Administrators
`),
		Good: provDocProfile(`classification:
  - system: SOC-2018
    code: "15-1244"
    title: Network and Computer Systems Administrators
    source: jfm-factory.resolve
`),
	},
	Run: runClassificationSource,
}

func runClassificationSource(p *lint.Pass) {
	cls := p.Root.Get("classification")
	if cls == nil || cls.Kind != profiles.Seq {
		return
	}
	for i, c := range cls.Items {
		if c.Kind != profiles.Map || !blankNode(c.Get("source")) {
			continue
		}
		what := strings.TrimSpace(c.Get("system").Text() + " " + c.Get("code").Text())
		if what == "" {
			what = fmt.Sprint(i + 1)
		}
		p.Reportf(profiles.Pointer("classification", i, "source"), "classification %s names no source", what)
	}
}

// absentNode reports whether a key is missing or null.
func absentNode(n *profiles.Node) bool { return n == nil || n.Kind == profiles.Null }

// blankNode reports whether a value is missing, null or a blank string.
func blankNode(n *profiles.Node) bool {
	return absentNode(n) || (n.Kind == profiles.String && strings.TrimSpace(n.Value) == "")
}

// reportAtMissing reports at ptr when that node exists (an empty list or
// mapping), and otherwise at the key of the mapping that lacks it, so that
// the finding points at `provenance:` rather than at its first field.
func reportAtMissing(p *lint.Pass, ptr, format string, args ...any) *lint.Finding {
	if p.Root.Lookup(ptr) != nil {
		return p.Reportf(ptr, format, args...)
	}
	parent := ptr[:strings.LastIndexByte(ptr, '/')]
	if parent != "" && p.Root.LookupKey(parent) != nil {
		return p.ReportKeyf(parent, format, args...)
	}
	return p.Reportf(ptr, format, args...)
}

// wordList joins "a", "b", "c" as "a, b and c".
func wordList(words []string, conj string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " " + conj + " " + words[len(words)-1]
}
