package rules

import (
	"strings"
	"time"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// The provenance family: where a profile's content comes from, and whether
// it passed review. See "Provenance" in the profile format.

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

// provDocLayersOf cites one source from every layer.
func provDocLayersOf(id string) string {
	return "  layers:\n" + strings.ReplaceAll(`    focus: [ID]
    level: [ID]
    responsibilities: [ID]
    level_guidelines: [ID]
    skills: [ID]
    classification: [ID]
`, "ID", id)
}

const provDocLayers = `  layers:
    focus: [onet-15-1244]
    level: [leveling-rubric]
    responsibilities: [onet-15-1244]
    level_guidelines: [leveling-rubric]
    skills: [onet-15-1244]
    classification: [onet-15-1244]
`

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

// absentNode reports whether a key is missing or null.
func absentNode(n *profiles.Node) bool { return n == nil || n.Kind == profiles.Null }

// blankNode reports whether a value is missing, null or a blank string.
func blankNode(n *profiles.Node) bool {
	return absentNode(n) || (n.Kind == profiles.String && strings.TrimSpace(n.Value) == "")
}

// reportAtMissing reports at ptr when that node exists (an empty list or
// mapping), and otherwise at the key of the mapping that lacks it, so that
// the finding points at `provenance:` rather than at its first field.
func reportAtMissing(p *lint.Pass, ptr, format string, args ...any) {
	if p.Root.Lookup(ptr) == nil {
		parent := ptr[:strings.LastIndexByte(ptr, '/')]
		if parent != "" && p.Root.LookupKey(parent) != nil {
			p.ReportKeyf(parent, format, args...)
			return
		}
	}
	p.Reportf(ptr, format, args...)
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
