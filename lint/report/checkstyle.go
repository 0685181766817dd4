package report

import (
	"encoding/xml"
	"io"

	"github.com/profilelint/profilelint/lint"
)

// Checkstyle prints Checkstyle XML, which Jenkins (Warnings Next
// Generation), reviewdog, SonarQube and many CI dashboards read. Every
// linted file is listed, with or without errors, as Checkstyle does.
// Suppressed findings are left out: the format has no place for them.
type Checkstyle struct {
	W io.Writer
	Options
}

type checkstyleReport struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// Print writes the result.
func (c *Checkstyle) Print(res *lint.Result) error {
	byFile := make(map[string][]checkstyleError)
	for _, f := range res.Findings {
		if f.Suppressed != nil {
			continue
		}
		name := fileOrNoFile(f.File)
		if f.File != "" {
			name = c.repoPath(f.File)
		}
		byFile[name] = append(byFile[name], checkstyleError{
			Line:     f.Line,
			Column:   f.Column,
			Severity: f.Severity.String(),
			Message:  xmlText(f.Message),
			Source:   xmlText(checkstyleSource(f.Rule)),
		})
	}
	rep := checkstyleReport{Version: "4.3"}
	for _, name := range fileNames(res, c.Options) {
		rep.Files = append(rep.Files, checkstyleFile{Name: xmlText(name), Errors: byFile[name]})
	}
	return writeXML(c.W, rep)
}

// checkstyleSource is a finding's source, "profilelint.GROUP.RULE":
// Jenkins's Warnings Next Generation takes the part between the last two
// dots as the category and the last part as the type, as for Checkstyle's
// own "com.puppycrawl.tools.checkstyle.checks.coding.EmptyStatementCheck".
func checkstyleSource(rule string) string {
	return "profilelint." + ruleGroup(rule) + "." + rule
}

// ruleGroup sorts rules into the groups a dashboard shows: "format" for
// what makes a file readable and valid, "suppression" for the directives,
// "content" for the rest.
func ruleGroup(rule string) string {
	switch rule {
	case lint.Syntax.ID, "schema":
		return "format"
	case "invalid-suppression", "unused-suppression":
		return "suppression"
	}
	return "content"
}

// xmlText makes text safe for XML and its readers: XML 1.0 forbids most
// C0 controls (encoding/xml would write U+FFFD for them, losing what they
// were), and allows C1 controls and bidirectional overrides, which reach
// whoever reads the report.
func xmlText(s string) string { return visible(s, "\t\n") }

// writeXML writes an XML document with its declaration, indented.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
