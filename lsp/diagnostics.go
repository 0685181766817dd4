package lsp

import (
	"github.com/profilelint/profilelint/lint"
)

// diagnosticsLocked merges a document's own findings with its corpus-wide
// ones and converts them. The caller holds s.mu.
func (s *server) diagnosticsLocked(d *document) PublishDiagnosticsParams {
	list := make([]placed, 0, len(d.fileFindings))
	for _, f := range d.fileFindings {
		list = append(list, placed{f: f, t: d.linted})
	}
	list = append(list, s.corpus[d.path]...)
	d.published = list
	others := map[string]*text{}
	diags := make([]Diagnostic, 0, len(list))
	for _, p := range list {
		diags = append(diags, s.diagnostic(p, others))
	}
	return PublishDiagnosticsParams{URI: d.uri, Diagnostics: diags}
}

// findingRange is where a finding is: from its line and column to its end
// when the rule gave one, else to the end of the line.
func findingRange(f lint.Finding, t *text, enc encoding) Range {
	start := t.lineCol(f.Line, f.Column, enc)
	end := t.lineEnd(start.Line, enc)
	if f.EndLine > 0 {
		end = t.lineCol(f.EndLine, f.EndColumn, enc)
	}
	if end.Line < start.Line || end.Line == start.Line && end.Character < start.Character {
		end = start
	}
	return Range{Start: start, End: end}
}

var severities = map[lint.Severity]int{
	lint.Error:   SeverityError,
	lint.Warning: SeverityWarning,
	lint.Info:    SeverityInformation,
}

// diagnostic converts a finding. A suppressed finding is a hint that says
// why it is suppressed: the author sees that the directive works. Texts
// of other files, for related places, are read once into others.
func (s *server) diagnostic(p placed, others map[string]*text) Diagnostic {
	f := p.f
	d := Diagnostic{
		Range:    findingRange(f, p.t, s.enc),
		Severity: severities[f.Severity],
		Code:     f.Rule,
		Source:   "profilelint",
		Message:  f.Message,
	}
	if d.Severity == 0 {
		d.Severity = SeverityInformation
	}
	if f.Diff != nil {
		if w := f.Diff.WordDiff(); w != "" {
			d.Message += "\n" + w
		} else if f.Diff.Unified != "" {
			d.Message += "\n" + f.Diff.Unified
		}
	}
	if f.Suppressed != nil {
		d.Severity = SeverityHint
		d.Message += " (suppressed: " + f.Suppressed.Reason + ")"
	}
	for _, r := range f.Related {
		t := p.t
		if r.File != f.File {
			if t = others[r.File]; t == nil {
				t = s.currentText(r.File)
				others[r.File] = t
			}
		}
		pos := t.lineCol(r.Line, r.Column, s.enc)
		msg := r.Message
		if msg == "" {
			msg = "related"
		}
		d.RelatedInformation = append(d.RelatedInformation, DiagnosticRelatedInformation{
			Location: Location{URI: pathURI(r.File), Range: Range{Start: pos, End: t.lineEnd(pos.Line, s.enc)}},
			Message:  msg,
		})
	}
	return d
}
