package lsp

import (
	"fmt"

	"github.com/profilelint/profilelint/fix"
	"github.com/profilelint/profilelint/lint"
)

// codeActions offers, for the findings in the range: each of their fixes
// as a quick fix, a directive that suppresses the finding with a reason
// for the author to write, and one action that applies every fix in the
// file. Edits are made against the text the findings were judged on; when
// the document has changed since, nothing is offered until it is linted
// again, rather than an edit in the wrong place.
func (s *server) codeActions(p CodeActionParams) []CodeAction {
	s.mu.Lock()
	defer s.mu.Unlock()
	actions := []CodeAction{}
	d := s.docs[p.TextDocument.URI]
	if d == nil || d.linted == nil {
		return actions
	}
	wantQuick, wantAll := wanted(p.Context.Only)
	var inFile []lint.Finding
	for _, pl := range d.published {
		current := sameText(pl.t, d.text)
		f := pl.f
		if current && pl.t == d.linted {
			inFile = append(inFile, f)
		}
		r := findingRange(f, pl.t, s.enc)
		if !current || !wantQuick || !overlaps(r, p.Range) || f.Suppressed != nil {
			continue
		}
		diag := s.diagnostic(pl, map[string]*text{})
		for i, fx := range f.Fixes {
			actions = append(actions, CodeAction{
				Title:       fx.Message,
				Kind:        KindQuickFix,
				Diagnostics: []Diagnostic{diag},
				IsPreferred: i == 0,
				Edit:        s.workspaceEdit(d, pl.t, fx.Edits),
			})
		}
		if suppressible(f.Rule) {
			actions = append(actions, CodeAction{
				Title:       fmt.Sprintf("Suppress %s here, with a reason", f.Rule),
				Kind:        KindQuickFix,
				Diagnostics: []Diagnostic{diag},
				Edit:        &WorkspaceEdit{Changes: map[string][]TextEdit{d.uri: {suppressEdit(pl.t, f, s.enc)}}},
			})
		}
	}
	if wantAll {
		picked, _, _ := fix.Select(inFile, len(d.linted.src)-d.linted.base)
		if len(picked) > 0 {
			var edits []lint.Edit
			for _, c := range picked {
				edits = append(edits, c.Fix.Edits...)
			}
			actions = append(actions, CodeAction{
				Title: fmt.Sprintf("Fix all profilelint findings in the file (%d)", len(picked)),
				Kind:  KindSourceFixAll,
				Edit:  s.workspaceEdit(d, d.linted, edits),
			})
		}
	}
	return actions
}

// wanted reads the context's only: no kinds means every kind.
func wanted(only []string) (quick, all bool) {
	if len(only) == 0 {
		return true, true
	}
	for _, k := range only {
		switch k {
		case KindQuickFix:
			quick = true
		case "source", KindSourceFixAll:
			all = true
		}
	}
	return quick, all
}

func (s *server) workspaceEdit(d *document, t *text, edits []lint.Edit) *WorkspaceEdit {
	tes := make([]TextEdit, 0, len(edits))
	for _, e := range edits {
		tes = append(tes, TextEdit{Range: t.editRange(e.Start, e.End, s.enc), NewText: e.New})
	}
	return &WorkspaceEdit{Changes: map[string][]TextEdit{d.uri: tes}}
}

// suppressible: the engine's own findings cannot be suppressed by a
// directive, or would be pointless to.
func suppressible(rule string) bool {
	switch rule {
	case lint.Syntax.ID, lint.UnusedSuppression.ID, lint.InvalidSuppression.ID:
		return false
	}
	return true
}

// suppressEdit inserts a directive on the line before the finding's,
// indented as that line is, with the reason left for the author: a
// directive without one is not applied (invalid-suppression says so).
func suppressEdit(t *text, f lint.Finding, enc encoding) TextEdit {
	n := max(f.Line-1, 0)
	line := t.line(n)
	indent := 0
	for indent < len(line) && (line[indent] == ' ' || line[indent] == '\t') {
		indent++
	}
	at := Position{Line: n}
	if n == 0 && t.base > 0 {
		at.Character = units(bom, enc) // after the byte-order mark
	}
	return TextEdit{Range: Range{Start: at, End: at}, NewText: string(line[:indent]) + "# profilelint:ignore " + f.Rule + " -- \n"}
}

// overlaps reports whether two ranges share a position; a range of zero
// width (a cursor) touches the range it is in.
func overlaps(a, b Range) bool {
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}

func before(p, q Position) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Character < q.Character
}
