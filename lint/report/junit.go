package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/profilelint/profilelint/lint"
)

// JUnit prints JUnit XML, which Jenkins, GitLab (artifacts:reports:junit),
// Azure Pipelines and CircleCI show as test results: one test suite per
// linted file, one failing test case per finding, and one passing test
// case for a file without findings so that every file counts. Suppressed
// findings are skipped test cases.
type JUnit struct {
	W io.Writer
	Options
}

type junitReport struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure"`
	Skipped   *junitSkipped `xml:"skipped"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// Print writes the result.
//
// A test case is named by its rule and JSON pointer, not its line, so
// that an edit above a finding leaves the test's identity (and Jenkins's
// "failing since") alone; the line is in the failure's message. Jenkins
// splits a classname at its last dot into package and class, so the
// file's dots are written as "_" there; the suite keeps the file's name.
func (j *JUnit) Print(res *lint.Result) error {
	byFile := make(map[string][]junitCase)
	seen := make(map[string]int)
	for _, f := range res.Findings {
		name := fileOrNoFile(f.File)
		if f.File != "" {
			name = j.repoPath(f.File)
		}
		test := f.Rule
		if f.Pointer != "" {
			test += " " + f.Pointer
		}
		// Two findings of one rule at one node stay two tests.
		key := name + "\x00" + test
		if seen[key]++; seen[key] > 1 {
			test += fmt.Sprintf(" (%d)", seen[key])
		}
		c := junitCase{Name: xmlText(test), ClassName: junitClass(name)}
		if f.Suppressed != nil {
			c.Skipped = &junitSkipped{Message: xmlText("suppressed: " + f.Suppressed.Reason)}
		} else {
			msg := f.Message
			if f.Line > 0 {
				msg = fmt.Sprintf("line %d:%d: %s", f.Line, f.Column, f.Message)
			}
			c.Failure = &junitFailure{Message: xmlText(msg), Type: f.Severity.String(), Body: xmlText(junitBody(f))}
		}
		byFile[name] = append(byFile[name], c)
	}
	rep := junitReport{Name: "profilelint"}
	for _, name := range fileNames(res, j.Options) {
		s := junitSuite{Name: xmlText(name), Cases: byFile[name]}
		if len(s.Cases) == 0 {
			s.Cases = []junitCase{{Name: "no findings", ClassName: junitClass(name)}}
		}
		s.Tests = len(s.Cases)
		for _, c := range s.Cases {
			switch {
			case c.Failure != nil:
				s.Failures++
			case c.Skipped != nil:
				s.Skipped++
			}
		}
		rep.Tests += s.Tests
		rep.Failures += s.Failures
		rep.Skipped += s.Skipped
		rep.Suites = append(rep.Suites, s)
	}
	return writeXML(j.W, rep)
}

// junitBody is the failure's text: the finding as the text format prints
// it, and its related places.
func junitBody(f lint.Finding) string {
	var b strings.Builder
	b.WriteString(f.String())
	if f.Pointer != "" {
		fmt.Fprintf(&b, "\npointer: %s", f.Pointer)
	}
	for _, r := range f.Related {
		fmt.Fprintf(&b, "\nrelated: %s:%d:%d: %s", r.File, r.Line, r.Column, r.Message)
	}
	return b.String()
}

// junitClass is a file as a JUnit classname that Jenkins shows whole: it
// has no dot to split at.
func junitClass(file string) string { return xmlText(strings.ReplaceAll(file, ".", "_")) }
