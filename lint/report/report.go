// Package report prints lint results. Each format is one printer behind
// the Printer interface; printers write only to the writer they are given.
package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// Printer writes a result in one format.
type Printer interface {
	Print(res *lint.Result) error
}

// A Visitor is a printer that takes something of every file parsed
// during the run (lint.Config.Visit), as the html format does.
type Visitor interface {
	Visit(f *profiles.File)
}

// Options tune printers.
type Options struct {
	Color   bool   // ANSI colour (text only)
	Quiet   bool   // no summary line, no source lines
	Version string // the tool's version, for machine formats
	// Rules are the rules of the run, documented by the formats that
	// describe rules (SARIF).
	Rules []*lint.Rule
	// Prefix is the run's folder relative to the repository root
	// ("profiles/eu"), put before the relative paths of the machine
	// formats so that they name files as the code host does; Root is that
	// root, to which absolute paths are made relative.
	Prefix, Root string
	// Full prints every finding in the formats that otherwise keep to
	// their consumer's limits (markdown, github).
	Full bool
	// FullReport names a report file of the same run that holds every
	// finding, for the formats that keep to limits to point at.
	FullReport string
	// Load reads a linted file again, for the formats that show clean
	// files too (html); the run keeps only the files with findings.
	Load func(name string) (*profiles.File, error)
	// Memo, when set, keeps what a printer takes of one file under the
	// file's content and a name (lint/resultcache), so that a warm run,
	// which parses no file, need not read every file again for the
	// formats that show clean files too (html). It returns compute's
	// result, computed now or kept from an earlier run.
	Memo func(file, name string, compute func() ([]byte, error)) ([]byte, error)
}

// Formats lists the format names New accepts.
var Formats = []string{"text", "json", "sarif", "github", "junit", "checkstyle", "gitlab", "rdjson", "markdown", "html"}

// InformationURI is the tool's home page, named by the machine formats.
const InformationURI = "https://github.com/profilelint/profilelint"

// rulesURI is where the rules are documented.
const rulesURI = InformationURI + "#rules"

// New returns the printer for a format name.
func New(format string, w io.Writer, opt Options) (Printer, error) {
	switch format {
	case "text":
		return &Text{W: w, Options: opt}, nil
	case "json":
		return &JSON{W: w, Options: opt}, nil
	case "sarif":
		return &SARIF{W: w, Options: opt}, nil
	case "github":
		return &GitHub{W: w, Options: opt}, nil
	case "junit":
		return &JUnit{W: w, Options: opt}, nil
	case "checkstyle":
		return &Checkstyle{W: w, Options: opt}, nil
	case "gitlab":
		return &GitLab{W: w, Options: opt}, nil
	case "rdjson":
		return &RDJSON{W: w, Options: opt}, nil
	case "markdown":
		return &Markdown{W: w, Options: opt}, nil
	case "html":
		return &HTML{W: w, Options: opt}, nil
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
	// Skipped counts the files met in a folder walk that are not
	// profiles (package.json, mkdocs.yml, …), which were not linted.
	Skipped int `json:"skipped,omitempty"`
	// Accepted counts the findings a baseline accepted (not shown).
	Accepted int `json:"accepted,omitempty"`
}

// Summarize counts a result's findings.
func Summarize(res *lint.Result) Summary {
	s := Summary{Files: res.Files, ByRule: map[string]int{}, Skipped: len(res.Skipped), Accepted: res.Accepted}
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
	if s.Accepted > 0 {
		line += fmt.Sprintf("; %s accepted by the baseline", plural(s.Accepted, "finding"))
	}
	if s.Skipped > 0 {
		if s.Skipped == 1 {
			line += "; skipped 1 file that is not a profile"
		} else {
			line += fmt.Sprintf("; skipped %d files that are not profiles", s.Skipped)
		}
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

// relPath is a finding's file as the code hosts match it: forward
// slashes, no "./" prefix.
func relPath(file string) string {
	if file == "" {
		return ""
	}
	return path.Clean(filepath.ToSlash(file))
}

// repoPath is a finding's file as the code hosts name it: relative to
// the repository root, forward slashes, no "./". An absolute path outside
// the root stays absolute.
func (o Options) repoPath(file string) string {
	if file == "" {
		return ""
	}
	if filepath.IsAbs(file) {
		if o.Root != "" {
			if rel, err := filepath.Rel(o.Root, file); err == nil && filepath.IsLocal(rel) {
				return relPath(rel)
			}
		}
		return relPath(file)
	}
	if o.Prefix == "" {
		return relPath(file)
	}
	return path.Clean(path.Join(filepath.ToSlash(o.Prefix), filepath.ToSlash(file)))
}

// noFile names the file of a finding that has none (a corpus rule that
// failed) in the formats that need a file for every finding.
const noFile = "(no file)"

func fileOrNoFile(file string) string {
	if file == "" {
		return noFile
	}
	return file
}

// fingerprints returns a stable identity for each finding: a SHA-256 of
// its rule, file, pointer and message (white space collapsed). The line is
// left out so that a finding keeps its identity when lines are added above
// it. The n-th finding with the same identity gets n mixed in, so that
// fingerprints are unique and do not depend on scheduling (findings are
// sorted).
func (o Options) fingerprints(fs []lint.Finding) []string {
	out := make([]string, len(fs))
	seen := make(map[string]int, len(fs))
	for i, f := range fs {
		key := strings.Join([]string{f.Rule, o.repoPath(f.File), f.Pointer, strings.Join(strings.Fields(f.Message), " ")}, "\x00")
		seen[key]++
		if n := seen[key]; n > 1 {
			key += "\x00" + strconv.Itoa(n)
		}
		sum := sha256.Sum256([]byte(key))
		out[i] = hex.EncodeToString(sum[:])
	}
	return out
}

// fileNames lists every linted file and every file named by a finding,
// as the repository names them, sorted.
func fileNames(res *lint.Result, o Options) []string {
	set := make(map[string]bool, len(res.Paths)+len(res.Sources))
	for _, name := range res.Paths {
		set[o.repoPath(name)] = true
	}
	for name := range res.Sources {
		set[o.repoPath(name)] = true
	}
	for _, f := range res.Findings {
		if f.File == "" {
			set[noFile] = true
		} else {
			set[o.repoPath(f.File)] = true
		}
	}
	names := make([]string, 0, len(set))
	for name := range set {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// byteColumn converts a rune column of a line into a byte column (both
// 1-based), for formats that count bytes.
func byteColumn(src *profiles.File, line, col int) int {
	if src == nil || line < 1 || col < 1 || line > src.Lines() {
		return col
	}
	start, off := src.Offset(line, 1), src.Offset(line, col)
	// At or past the end of the line: count the missing runes as bytes.
	missing := col - src.PosAt(off).Column
	return off - start + missing + 1
}
