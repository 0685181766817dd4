package rules

import (
	"fmt"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
	"github.com/profilelint/profilelint/schema"
)

func init() { register(Schema) }

// Schema reports every place where a profile breaks the profile/v1 JSON
// Schema, at the node concerned.
var Schema = &lint.Rule{
	ID:       "schema",
	Summary:  "the profile matches the profile/v1 JSON Schema",
	Severity: lint.Error,
	Doc: lint.Doc{
		Text: `The profile/v1 schema (printed by "profilelint schema") fixes the shape of a
profile: which keys exist, their types, the forms of ids and codes, and the
allowed values of enumerations. It is strict: an unknown key is an error,
with a suggestion when it is close to a known one. A missing key is reported
at the mapping that lacks it, an unknown key at the key, a wrong value at the
value.`,
		Bad: `schema: profile/v1
id: INFRAS.INFRASTR5562.P7
title: Infrastructure & Platform Engineering — P7
summary: Designs and operates the cloud platform.
function: {code: INFRAS, name: Infrastructure & Platform Engineering}
focus: {code: INFRASTR5562, name: Infrastructure & Platform Engineering, description: Designs and operates the cloud platform.}
level: {code: P7, name: Staff}
responsibilites: []
level_guidelines: []
skills: []
`,
		Good: `schema: profile/v1
id: INFRAS.INFRASTR5562.P7
title: Infrastructure & Platform Engineering — P7
summary: Designs and operates the cloud platform.
function: {code: INFRAS, name: Infrastructure & Platform Engineering}
focus: {code: INFRASTR5562, name: Infrastructure & Platform Engineering, description: Designs and operates the cloud platform.}
level: {code: P7, name: Staff}
responsibilities: []
level_guidelines: []
skills: []
`,
	},
	Run: runSchema,
}

func runSchema(p *lint.Pass) {
	vs, err := schema.Validate(p.Root.Interface())
	if err != nil {
		p.Reportf("", "cannot validate: %v", err)
		return
	}
	for _, v := range vs {
		if v.Pointer == "/track" && !v.Key && v.Missing == "" {
			// track is an open enum: a track the configuration gives a
			// ladder is a track, whatever profile/v1 lists; another one
			// is told how to become one.
			if t := p.Root.Get("track"); t.Kind == profiles.String && t.Value != "" {
				if p.LadderOrigin == lint.LadderConfigured {
					continue
				}
				v.Message += fmt.Sprintf("; a team's own track is declared with its ladder under ladders: in .profilelint.yaml (%s: [LEVEL, ...])", t.Value)
			}
		}
		switch {
		case v.Key:
			p.ReportKeyf(v.Pointer, "%s", v.Message)
		case v.Missing != "" && v.Pointer != "" && p.Root.LookupKey(v.Pointer) != nil:
			// A missing key is shown at the key of the mapping that lacks it.
			p.ReportKeyf(v.Pointer, "%s", v.Message)
		default:
			p.Reportf(v.Pointer, "%s", v.Message)
		}
	}
}
