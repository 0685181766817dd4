package rules

import (
	"strings"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

func init() { register(IDMismatch) }

// IDMismatch reports codes that disagree with the profile's id.
var IDMismatch = &lint.Rule{
	ID:       "id-mismatch",
	Summary:  "the id's parts equal function.code, focus.code and level.code",
	Severity: lint.Error,
	Doc: lint.Doc{
		Text: `A profile's id is FUNCTION.FOCUS.LEVEL, and its three parts are the codes of
the function, the focus and the level. When one disagrees, either the id or
the code is wrong; the finding is at the code and names both values.`,
		Bad:  idDocProfile("INFRAS.PLATFORM.P3", "INFRAS", "PLATFORM", "P4", ""),
		Good: idDocProfile("INFRAS.PLATFORM.P3", "INFRAS", "PLATFORM", "P3", ""),
	},
	Run: runIDMismatch,
}

var idParts = [...]string{"function", "focus", "level"}

func runIDMismatch(p *lint.Pass) {
	id := p.Root.Get("id").Text()
	parts := strings.Split(id, ".")
	if len(parts) != len(idParts) {
		return // the schema reports the id's form
	}
	for i, key := range idParts {
		code := p.Root.Get(key).Get("code")
		if code == nil || code.Kind != profiles.String || code.Value == parts[i] {
			continue
		}
		reportRelated(p, profiles.Pointer(key, "code"), p.Place("/id", "the id"),
			"%s.code %s disagrees with the id %s, whose %s part is %s", key, code.Value, id, key, parts[i])
	}
}
