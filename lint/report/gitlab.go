package report

import (
	"io"

	"github.com/profilelint/profilelint/lint"
)

// GitLab prints a GitLab Code Quality report (artifacts:reports:
// codequality), shown in merge requests. Fingerprints leave the line out,
// so that GitLab sees a finding as the same one when lines are added above
// it. Suppressed findings are left out.
type GitLab struct {
	W io.Writer
	Options
}

type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
}

func gitlabSeverity(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "major"
	case lint.Warning:
		return "minor"
	}
	return "info"
}

// Print writes the result.
func (g *GitLab) Print(res *lint.Result) error {
	fps := g.fingerprints(res.Findings)
	issues := make([]gitlabIssue, 0, len(res.Findings))
	for i, f := range res.Findings {
		if f.Suppressed != nil {
			continue
		}
		file := noFile
		if f.File != "" {
			file = g.repoPath(f.File)
		}
		issues = append(issues, gitlabIssue{
			Description: f.Message,
			CheckName:   f.Rule,
			Fingerprint: fps[i],
			Severity:    gitlabSeverity(f.Severity),
			Location: gitlabLocation{
				Path:  file,
				Lines: gitlabLines{Begin: max(f.Line, 1)},
			},
		})
	}
	return writeJSON(g.W, issues)
}
