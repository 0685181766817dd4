package report

import (
	"io"

	"github.com/profilelint/profilelint/lint"
)

// JSONVersion is the version of the JSON report's shape. It changes only
// when a field is removed or changes meaning.
const JSONVersion = 1

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
