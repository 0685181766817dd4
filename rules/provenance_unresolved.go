package rules

import (
	"fmt"
	"strings"

	"github.com/profilelint/profilelint/internal/suggest"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

func init() { register(ProvenanceUnresolved) }

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
			f := p.At(profiles.Pointer("provenance", "sources", index[id], "id"))
			f.Message = fmt.Sprintf("source %q is declared but no layer cites it", id)
			f.Severity = lint.Warning
			p.Report(f)
		}
	}
}
