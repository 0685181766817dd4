package report

import (
	_ "embed"
	"io"

	"github.com/profilelint/profilelint/lint"
)

// JSONVersion is the version of the JSON report's shape. It changes only
// when a field is removed or changes meaning.
const JSONVersion = 1

// JSONSchema is the JSON Schema (draft 2020-12) of the JSON report of
// version JSONVersion, printed by "profilelint schema --report".
//
//go:embed report-v1.schema.json
var JSONSchema []byte

// JSON prints the result as one versioned JSON object.
type JSON struct {
	W io.Writer
	Options
}

type jsonReport struct {
	Version  int            `json:"version"`
	Tool     jsonTool       `json:"tool"`
	Files    int            `json:"files"`
	Findings []lint.Finding `json:"findings"`
	Summary  Summary        `json:"summary"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Print writes the result.
func (j *JSON) Print(res *lint.Result) error {
	findings := res.Findings
	if findings == nil {
		findings = []lint.Finding{}
	}
	return writeJSON(j.W, jsonReport{
		Version:  JSONVersion,
		Tool:     jsonTool{Name: "profilelint", Version: j.Version},
		Files:    res.Files,
		Findings: findings,
		Summary:  Summarize(res),
	})
}
