package rules

import (
	"fmt"

	"github.com/profilelint/profilelint/internal/suggest"
	"github.com/profilelint/profilelint/lint"
)

func init() { register(AdjacentUnresolved) }

// AdjacentUnresolved reports adjacent roles that no linted file defines.
var AdjacentUnresolved = &lint.Rule{
	ID:       "adjacent-unresolved",
	Summary:  "adjacent roles are profiles linted together",
	Severity: lint.Warning,
	Scope:    lint.PerCorpus,
	Doc: lint.Doc{
		Text: `adjacent_roles names the nearest other profiles by id. Each id should be the
id of a file linted together with this one; when it is not, the role is
misspelt, not written yet, or simply not part of this run, which is why this
is a warning. Lint the whole ladder at once to resolve every reference.`,
		Bad: idDocProfile("INFRAS.PLATFORM.P3", "INFRAS", "PLATFORM", "P3", `adjacent_roles:
  - id: INFRAS.SRE.P3
    distance: 0.2
    match: strong
`),
		Good: "# file: INFRAS.PLATFORM.P3.yaml\n" + idDocProfile("INFRAS.PLATFORM.P3", "INFRAS", "PLATFORM", "P3", `adjacent_roles:
  - id: INFRAS.PLATFORM.P4
    distance: 0.6
    match: weak
`) + "# file: INFRAS.PLATFORM.P4.yaml\n" + idDocProfile("INFRAS.PLATFORM.P4", "INFRAS", "PLATFORM", "P4", ""),
	},
	Collect: idFacts.Collect,
	Codec:   idFacts.Codec(),
	Finish:  finishAdjacentUnresolved,
}

func finishAdjacentUnresolved(c *lint.Corpus) {
	defined := make(map[string]bool)
	var ids []string
	for _, f := range idFacts.Of(c.Facts) {
		if f.ID != "" && !defined[f.ID] {
			defined[f.ID] = true
			ids = append(ids, f.ID)
		}
	}
	for _, f := range idFacts.Of(c.Facts) {
		for _, a := range f.Adjacent {
			if defined[a.ID] {
				continue
			}
			msg := fmt.Sprintf("adjacent role %s is not defined by any linted file", a.ID)
			if near := suggest.Closest(a.ID, nearInLength(ids, a.ID, f.ID)); near != "" {
				msg += fmt.Sprintf(" (did you mean %s?)", near)
			}
			c.Report(lint.Finding{File: a.Place.File, Line: a.Place.Line, Column: a.Place.Column, Pointer: a.Place.Pointer, Message: msg})
		}
	}
}

func nearInLength(ids []string, id, self string) []string {
	limit := max(1, len(id)/3)
	var out []string
	for _, c := range ids {
		if c != self && len(c) >= len(id)-limit && len(c) <= len(id)+limit {
			out = append(out, c)
		}
	}
	return out
}
