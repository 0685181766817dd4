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
		fmt.Fprintf(w, "%s %s %s: %s\n", t.paint(bold, fmt.Sprintf("%s:%d:%d:", f.File, f.Line, f.Column)), sev, f.Rule, f.Message)
		if t.Quiet {
			continue
		}
		if src := res.Sources[f.File]; src != nil && f.Line > 0 {
			line := src.Line(f.Line)
			fmt.Fprintf(w, "  %s\n  %s%s\n", expandTabs(line), caretPad(line, f.Column), t.paint(green, "^"))
		}
		for _, r := range f.Related {
			fmt.Fprintf(w, "  %s:%d:%d: %s\n", r.File, r.Line, r.Column, r.Message)
		}
		if f.Diff != nil {
			if len(f.Diff.Words) > 0 {
				fmt.Fprintf(w, "  diff: %s\n", f.Diff.WordDiff())
			}
			if f.Diff.Unified != "" {
				for _, l := range strings.Split(strings.TrimRight(f.Diff.Unified, "\n"), "\n") {
					fmt.Fprintf(w, "  %s\n", l)
				}
			}
		}
	}
	if !t.Quiet {
		fmt.Fprintln(w, Summarize(res).Line())
	}
	return w.Flush()
}

// caretPad returns the white space that puts a caret under rune column
// col of line, keeping tabs so that the caret lines up in a terminal.
func caretPad(line string, col int) string {
	var b strings.Builder
	n := 0
	for _, r := range line {
		if n >= col-1 {
			break
		}
		n++
		if r == '\t' {
			b.WriteString("    ")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// expandTabs prepares a source line for a terminal: tabs become spaces,
// and control characters and invalid UTF-8 (which hostile files hold)
// become U+FFFD, one rune each so that the caret stays in place.
func expandTabs(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return r
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
			return '\uFFFD'
		}
		return r
	}, strings.ReplaceAll(s, "\t", "    "))
}
