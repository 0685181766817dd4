package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/profilelint/profilelint/lint"
)

// Text prints findings like a compiler: path:line:col: severity rule:
// message, then the source line with a caret under the column.
type Text struct {
	W io.Writer
	Options
}

const (
	red    = "\x1b[1;31m"
	yellow = "\x1b[1;33m"
	blue   = "\x1b[1;34m"
	bold   = "\x1b[1m"
	green  = "\x1b[32m"
	reset  = "\x1b[0m"
)

func (t *Text) paint(code, s string) string {
	if !t.Color {
		return s
	}
	return code + s + reset
}

// Print writes the result.
func (t *Text) Print(res *lint.Result) error {
	w := bufio.NewWriter(t.W)
	for _, f := range res.Findings {
		if f.Suppressed != nil {
			continue
		}
		sev := f.Severity.String()
		switch f.Severity {
		case lint.Error:
			sev = t.paint(red, sev)
		case lint.Warning:
			sev = t.paint(yellow, sev)
		case lint.Info:
			sev = t.paint(blue, sev)
		}
		fmt.Fprintf(w, "%s %s %s: %s\n", t.paint(bold, fmt.Sprintf("%s:%d:%d:", oneLine(f.File), f.Line, f.Column)), sev, oneLine(f.Rule), oneLine(f.Message))
		if t.Quiet {
			continue
		}
		if src := res.Sources[f.File]; src != nil && f.Line > 0 {
			text, caret := sourceExcerpt(src, f.Line, f.Column)
			fmt.Fprintf(w, "  %s\n  %s%s\n", text, strings.Repeat(" ", caret), t.paint(green, "^"))
		}
		for _, r := range f.Related {
			fmt.Fprintf(w, "  %s:%d:%d: %s\n", oneLine(r.File), r.Line, r.Column, oneLine(r.Message))
		}
		if f.Diff != nil {
			if len(f.Diff.Words) > 0 {
				fmt.Fprintf(w, "  diff: %s\n", oneLine(f.Diff.WordDiff()))
			}
			if f.Diff.Unified != "" {
				for _, l := range strings.Split(strings.TrimRight(f.Diff.Unified, "\n"), "\n") {
					fmt.Fprintf(w, "  %s\n", oneLine(l))
				}
			}
		}
	}
	if !t.Quiet {
		fmt.Fprintln(w, Summarize(res).Line())
	}
	return w.Flush()
}
