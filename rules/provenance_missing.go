package rules

import (
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

func init() { register(ProvenanceMissing) }

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
