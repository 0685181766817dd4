package rules

import (
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// The identity family: a profile's id, its file name, and the references
// between profiles and to the SOC. See "Identity and references" in the
// profile format.

// idDocProfile is a small profile for the examples of the identity rules.
func idDocProfile(id, function, focus, level, tail string) string {
	return `schema: profile/v1
id: ` + id + `
title: Platform Engineering — ` + level + `
summary: Runs the shared cloud platform of one region.
function: {code: ` + function + `, name: Infrastructure & Platform Engineering}
focus: {code: ` + focus + `, name: Platform Engineering, description: Builds the internal platform that product teams deploy to.}
level: {code: ` + level + `, name: Professional}
responsibilities: []
level_guidelines: []
skills: []
` + tail
}

// idFact is what unique-id and adjacent-unresolved keep of a file: its id,
// and the adjacent roles it names.
type idFact struct {
	ID       string
	Place    lint.Place
	Adjacent []idRef
}

type idRef struct {
	ID    string
	Place lint.Place
}

func (f *idFact) EncodeFact(e lint.FactsWriter) {
	e.Text(f.ID)
	e.Place(f.Place)
	lint.WriteList(e, f.Adjacent, func(e lint.FactsWriter, a idRef) {
		e.Text(a.ID)
		e.Place(a.Place)
	})
}

func (f *idFact) DecodeFact(d lint.FactsReader) {
	f.ID, f.Place = d.Text(), d.Place()
	f.Adjacent = lint.ReadList(d, func(d lint.FactsReader) idRef {
		return idRef{ID: d.Text(), Place: d.Place()}
	})
}

// idFacts are the facts unique-id and adjacent-unresolved share.
var idFacts = lint.NewFacts(collectIDs)

func collectIDs(p *lint.Pass) *idFact {
	f := &idFact{ID: p.Root.Get("id").Text()}
	if f.ID != "" {
		f.Place = p.Place("/id", "")
	}
	if adj := p.Root.Get("adjacent_roles"); adj != nil {
		for i, a := range adj.Items {
			if id := a.Get("id").Text(); id != "" {
				ptr := profiles.Pointer("adjacent_roles", i, "id")
				f.Adjacent = append(f.Adjacent, idRef{ID: id, Place: p.Place(ptr, "")})
			}
		}
	}
	return f
}
