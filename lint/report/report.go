// Package report prints lint results. Each format is one printer behind
// the Printer interface; printers write only to the writer they are given.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/profilelint/profilelint/lint"
)

// Printer writes a result in one format.
type Printer interface {
	Print(res *lint.Result) error
}

// Options tune printers.
type Options struct {
	Color   bool   // ANSI colour (text only)
	Quiet   bool   // no summary line, no source lines
	Version string // the tool's version, for machine formats
	Rules   []*lint.Rule
}

// Formats lists the format names New accepts.
var Formats = []string{"text", "json"}

// New returns the printer for a format name.
func New(format string, w io.Writer, opt Options) (Printer, error) {
	switch format {
	case "text":
		return &Text{W: w, Options: opt}, nil
	case "json":
		return &JSON{W: w, Options: opt}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// Summary counts findings by severity and by rule. Suppressed findings
// are counted apart.
type Summary struct {
	Files      int            `json:"files"`
	Errors     int            `json:"errors"`
	Warnings   int            `json:"warnings"`
	Infos      int            `json:"infos"`
	Suppressed int            `json:"suppressed"`
	ByRule     map[string]int `json:"by_rule"`
}

// Summarize counts a result's findings.
func Summarize(res *lint.Result) Summary {
	s := Summary{Files: res.Files, ByRule: map[string]int{}}
	for _, f := range res.Findings {
		if f.Suppressed != nil {
			s.Suppressed++
			continue
		}
		s.ByRule[f.Rule]++
		switch f.Severity {
		case lint.Error:
			s.Errors++
		case lint.Warning:
			s.Warnings++
		case lint.Info:
			s.Infos++
		}
	}
	return s
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Line returns the summary as one line of text.
func (s Summary) Line() string {
	parts := []string{plural(s.Errors, "error"), plural(s.Warnings, "warning"), plural(s.Infos, "info")}
	line := fmt.Sprintf("%s linted: %s", plural(s.Files, "file"), strings.Join(parts, ", "))
	if s.Suppressed > 0 {
		line += fmt.Sprintf(" (%d suppressed)", s.Suppressed)
	}
	return line
}

// rulesOf lists the rule ids of a summary, sorted.
func (s Summary) rulesOf() []string {
	ids := make([]string, 0, len(s.ByRule))
	for id := range s.ByRule {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
