package report

import (
	"io"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// RDJSON prints the Reviewdog Diagnostic Format (rdjson), which reviewdog
// reads (reviewdog -f=rdjson) to comment on pull and merge requests. The
// first fix of a finding becomes its suggestions, which reviewdog offers
// as suggested changes; rdjson cannot hold alternative fixes. Suppressed
// findings are left out.
type RDJSON struct {
	W io.Writer
	Options
}

type rdResult struct {
	Source      rdSource       `json:"source"`
	Severity    string         `json:"severity,omitempty"`
	Diagnostics []rdDiagnostic `json:"diagnostics"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdDiagnostic struct {
	Message          string              `json:"message"`
	Location         rdLocation          `json:"location"`
	Severity         string              `json:"severity"`
	Code             rdCode              `json:"code"`
	Suggestions      []rdSuggestion      `json:"suggestions,omitempty"`
	RelatedLocations []rdRelatedLocation `json:"related_locations,omitempty"`
}

type rdLocation struct {
	Path  string   `json:"path"`
	Range *rdRange `json:"range,omitempty"`
}

type rdRange struct {
	Start rdPosition  `json:"start"`
	End   *rdPosition `json:"end,omitempty"`
}

// rdPosition counts columns in bytes, as rdjson does.
type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column,omitempty"`
}

type rdCode struct {
	Value string `json:"value"`
	URL   string `json:"url,omitempty"`
}

type rdSuggestion struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

type rdRelatedLocation struct {
	Message  string     `json:"message,omitempty"`
	Location rdLocation `json:"location"`
}

func rdSeverity(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "ERROR"
	case lint.Warning:
		return "WARNING"
	}
	return "INFO"
}

// Print writes the result.
func (r *RDJSON) Print(res *lint.Result) error {
	out := rdResult{
		Source:      rdSource{Name: "profilelint", URL: InformationURI},
		Diagnostics: make([]rdDiagnostic, 0, len(res.Findings)),
	}
	worst := lint.Off
	for _, f := range res.Findings {
		if f.Suppressed != nil {
			continue
		}
		worst = max(worst, f.Severity)
		src := res.Sources[f.File]
		d := rdDiagnostic{
			Message:  f.Message,
			Location: rdLocation{Path: r.repoPath(f.File), Range: rdRangeOf(src, f.Line, f.Column, f.EndLine, f.EndColumn)},
			Severity: rdSeverity(f.Severity),
			Code:     rdCode{Value: f.Rule, URL: rulesURI},
		}
		if len(f.Fixes) > 0 && src != nil {
			for _, e := range f.Fixes[0].Edits {
				start, end := src.PosAt(e.Start), src.PosAt(e.End)
				d.Suggestions = append(d.Suggestions, rdSuggestion{
					Range: *rdRangeOf(src, start.Line, start.Column, end.Line, end.Column),
					Text:  e.New,
				})
			}
		}
		for _, p := range f.Related {
			d.RelatedLocations = append(d.RelatedLocations, rdRelatedLocation{
				Message:  p.Message,
				Location: rdLocation{Path: r.repoPath(p.File), Range: rdRangeOf(res.Sources[p.File], p.Line, p.Column, 0, 0)},
			})
		}
		out.Diagnostics = append(out.Diagnostics, d)
	}
	if worst != lint.Off {
		out.Severity = rdSeverity(worst)
	}
	return writeJSON(r.W, out)
}

// rdRangeOf converts a range in rune columns to rdjson's byte columns.
func rdRangeOf(src *profiles.File, line, col, endLine, endCol int) *rdRange {
	if line < 1 {
		return nil
	}
	r := &rdRange{Start: rdPosition{Line: line, Column: byteColumn(src, line, col)}}
	if endLine > 0 {
		r.End = &rdPosition{Line: endLine, Column: byteColumn(src, endLine, endCol)}
	}
	return r
}
