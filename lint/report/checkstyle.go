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
		byFile[name] = append(byFile[name], checkstyleError{
			Line:     f.Line,
			Column:   f.Column,
			Severity: f.Severity.String(),
			Message:  xmlText(f.Message),
			Source:   xmlText("profilelint." + f.Rule),
		})
	}
	rep := checkstyleReport{Version: "4.3"}
	for _, name := range fileNames(res) {
		rep.Files = append(rep.Files, checkstyleFile{Name: xmlText(name), Errors: byFile[name]})
	}
	return writeXML(c.W, rep)
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
