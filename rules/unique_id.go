package rules

import (
	"fmt"

	"github.com/profilelint/profilelint/lint"
)

func init() { register(UniqueID) }

// UniqueID reports ids that more than one file declares.
var UniqueID = &lint.Rule{
	ID:       "unique-id",
	Summary:  "no two files linted together have one id",
	Severity: lint.Error,
	Scope:    lint.PerCorpus,
	Doc: lint.Doc{
		Text: `Ids are unique across the files linted together: adjacent roles and tools
find a profile by its id. A second file with the same id (often a copy that
was not renamed inside) is reported at its id, with the first file's id as
the related place.`,
		Bad: "# file: INFRAS.PLATFORM.P3.yaml\n" + idDocProfile("INFRAS.PLATFORM.P3", "INFRAS", "PLATFORM", "P3", "") +
			"# file: INFRAS.PLATFORM.P4.yaml\n" + idDocProfile("INFRAS.PLATFORM.P3", "INFRAS", "PLATFORM", "P3", ""),
		Good: "# file: INFRAS.PLATFORM.P3.yaml\n" + idDocProfile("INFRAS.PLATFORM.P3", "INFRAS", "PLATFORM", "P3", "") +
			"# file: INFRAS.PLATFORM.P4.yaml\n" + idDocProfile("INFRAS.PLATFORM.P4", "INFRAS", "PLATFORM", "P4", ""),
	},
	Collect: idFacts.Collect,
	Codec:   idFacts.Codec(),
	Finish:  finishUniqueID,
}

func finishUniqueID(c *lint.Corpus) {
	first := make(map[string]lint.Place)
	for _, f := range idFacts.Of(c.Facts) {
		if f.ID == "" {
			continue
		}
		p0, dup := first[f.ID]
		if !dup {
			first[f.ID] = f.Place
			continue
		}
		if p0.File == f.Place.File {
			continue // one file named twice on the command line
		}
		p0.Message = "first declared here"
		c.Report(lint.Finding{
			File: f.Place.File, Line: f.Place.Line, Column: f.Place.Column, Pointer: f.Place.Pointer,
			Message: fmt.Sprintf("id %s is already the id of %s", f.ID, p0.File),
			Related: []lint.Place{p0},
		})
	}
}
