package report

import (
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// SARIF prints the result as SARIF 2.1.0, which GitHub code scanning,
// Azure DevOps and most editors' SARIF viewers read. Suppressed findings
// are kept, with their suppression, as SARIF expects.
type SARIF struct {
	W io.Writer
	Options
}

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	// srcRoot is the base of the relative artifact URIs: the repository's
	// root (Options.Prefix and Root).
	srcRoot = "%SRCROOT%"
	// fingerprintKey names profilelint's fingerprint; "v1" changes if the
	// way it is computed does.
	fingerprintKey = "profilelint/v1"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	// Columns count code points, as profilelint's columns do; SARIF's
	// default is UTF-16 code units.
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	ShortDescription     *sarifText         `json:"shortDescription,omitempty"`
	FullDescription      *sarifText         `json:"fullDescription,omitempty"`
	HelpURI              string             `json:"helpUri,omitempty"`
	Help                 *sarifHelp         `json:"help,omitempty"`
	DefaultConfiguration *sarifRuleDefaults `json:"defaultConfiguration,omitempty"`
}

type sarifRuleDefaults struct {
	Level string `json:"level"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations,omitempty"`
	RelatedLocations    []sarifLocation    `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	Fixes               []sarifFix         `json:"fixes,omitempty"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
}

type sarifLocation struct {
	ID               *int                  `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifText            `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifByteRegion `json:"deletedRegion"`
	InsertedContent sarifText       `json:"insertedContent"`
}

// sarifByteRegion is a region in bytes; an offset or length of 0 is
// meaningful, so neither is omitted.
type sarifByteRegion struct {
	ByteOffset int `json:"byteOffset"`
	ByteLength int `json:"byteLength"`
}

type sarifSuppression struct {
	Kind          string         `json:"kind"`
	Justification string         `json:"justification,omitempty"`
	Location      *sarifLocation `json:"location,omitempty"`
}

func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	case lint.Info:
		return "note"
	}
	return "none"
}

// Print writes the result.
func (s *SARIF) Print(res *lint.Result) error {
	rules, index := s.rules(res)
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "profilelint",
			Version:        s.Version,
			InformationURI: InformationURI,
			Rules:          rules,
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: !res.Internal}},
		ColumnKind:  "unicodeCodePoints",
		Results:     make([]sarifResult, 0, len(res.Findings)),
	}
	// A rule that failed leaves the run incomplete: SARIF says so in the
	// invocation (SARIF2005 and GitHub read it), naming the rules.
	if res.Internal {
		run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications,
			sarifNotification{Level: "error", Message: sarifText{Text: internalMessage(res)}})
	}
	// Files that could not be read are not findings; SARIF has a place
	// for them all the same.
	for _, err := range res.Errors {
		run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications,
			sarifNotification{Level: "error", Message: sarifText{Text: err.Error()}})
	}
	fps := s.fingerprints(res.Findings)
	for i, f := range res.Findings {
		r := sarifResult{
			RuleID:              f.Rule,
			RuleIndex:           index[f.Rule],
			Level:               sarifLevel(f.Severity),
			Message:             sarifText{Text: f.Message},
			PartialFingerprints: map[string]string{fingerprintKey: fps[i]},
		}
		if f.File != "" {
			r.Locations = []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: s.artifact(f.File),
				Region:           region(f.Line, f.Column, f.EndLine, f.EndColumn),
			}}}
		}
		for j, p := range f.Related {
			id := j + 1
			r.RelatedLocations = append(r.RelatedLocations, sarifLocation{
				ID: &id,
				PhysicalLocation: sarifPhysicalLocation{
					ArtifactLocation: s.artifact(p.File),
					Region:           region(p.Line, p.Column, 0, 0),
				},
				Message: &sarifText{Text: p.Message},
			})
		}
		for _, fix := range f.Fixes {
			r.Fixes = append(r.Fixes, sarifFixOf(fix, s.artifact(f.File), res.Sources[f.File]))
		}
		if f.Suppressed != nil {
			sup := sarifSuppression{Kind: "inSource", Justification: f.Suppressed.Reason}
			if f.Suppressed.Line > 0 && f.File != "" {
				sup.Location = &sarifLocation{PhysicalLocation: sarifPhysicalLocation{
					ArtifactLocation: s.artifact(f.File),
					Region:           region(f.Suppressed.Line, 0, 0, 0),
				}}
			}
			r.Suppressions = []sarifSuppression{sup}
		}
		run.Results = append(run.Results, r)
	}
	return writeJSON(s.W, sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// rules describes the run's rules, in the order given, then any rule a
// finding names that the options do not (with its id only), sorted.
func (s *SARIF) rules(res *lint.Result) ([]sarifRule, map[string]int) {
	out := make([]sarifRule, 0, len(s.Rules))
	index := make(map[string]int, len(s.Rules))
	for _, r := range s.Rules {
		if _, dup := index[r.ID]; dup {
			continue
		}
		index[r.ID] = len(out)
		out = append(out, sarifRuleOf(r))
	}
	var missing []string
	for _, f := range res.Findings {
		if _, ok := index[f.Rule]; !ok {
			index[f.Rule] = -1
			missing = append(missing, f.Rule)
		}
	}
	sort.Strings(missing)
	for _, id := range missing {
		index[id] = len(out)
		out = append(out, sarifRule{ID: id})
	}
	return out, index
}

func sarifRuleOf(r *lint.Rule) sarifRule {
	text := strings.TrimSpace(r.Doc.Text)
	out := sarifRule{
		ID:                   r.ID,
		ShortDescription:     &sarifText{Text: r.Summary},
		HelpURI:              rulesURI,
		DefaultConfiguration: &sarifRuleDefaults{Level: sarifLevel(r.Severity)},
	}
	if text == "" {
		text = r.Summary
	}
	out.FullDescription = &sarifText{Text: text}
	help := sarifHelp{Text: text, Markdown: text}
	for _, ex := range []struct{ name, yaml string }{{"Bad", r.Doc.Bad}, {"Good", r.Doc.Good}} {
		if ex.yaml == "" {
			continue
		}
		help.Text += "\n\n" + ex.name + ":\n\n" + strings.TrimRight(ex.yaml, "\n")
		help.Markdown += "\n\n" + ex.name + ":\n\n" + strings.TrimRight(fenced("yaml", ex.yaml, ""), "\n")
	}
	out.Help = &help
	return out
}

func region(line, col, endLine, endCol int) *sarifRegion {
	if line < 1 {
		return nil
	}
	r := &sarifRegion{StartLine: line}
	if col > 0 {
		r.StartColumn = col
	}
	if endLine > 0 {
		r.EndLine = endLine
		if endCol > 0 {
			r.EndColumn = endCol
		}
	}
	return r
}

// artifact returns the location of a file: a URI relative to %SRCROOT%,
// the repository root, or a file: URI for an absolute path outside it.
func (s *SARIF) artifact(file string) sarifArtifactLocation {
	rel := s.repoPath(file)
	if filepath.IsAbs(filepath.FromSlash(rel)) || strings.HasPrefix(rel, "/") {
		p := rel
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // a Windows drive letter
		}
		return sarifArtifactLocation{URI: "file://" + escapeURIPath(p)}
	}
	return sarifArtifactLocation{URI: escapeURIPath(rel), URIBaseID: srcRoot}
}

// escapeURIPath percent-encodes a slash-separated path for a URI
// reference. Colons are escaped too, so that a first segment such as
// "a:b" is not read as a URI scheme.
func escapeURIPath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = strings.ReplaceAll(url.PathEscape(s), ":", "%3A")
	}
	return strings.Join(segs, "/")
}

// sarifFixOf converts a fix. SARIF byte offsets count from the start of
// the file, including a byte-order mark that profilelint's offsets skip.
func sarifFixOf(fix lint.Fix, loc sarifArtifactLocation, src *profiles.File) sarifFix {
	bom := 0
	if src != nil && src.BOM {
		bom = 3
	}
	change := sarifArtifactChange{ArtifactLocation: loc, Replacements: make([]sarifReplacement, 0, len(fix.Edits))}
	for _, e := range fix.Edits {
		change.Replacements = append(change.Replacements, sarifReplacement{
			DeletedRegion:   sarifByteRegion{ByteOffset: e.Start + bom, ByteLength: e.End - e.Start},
			InsertedContent: sarifText{Text: e.New},
		})
	}
	return sarifFix{Description: sarifText{Text: fix.Message}, ArtifactChanges: []sarifArtifactChange{change}}
}

// internalMessage says which rules failed, for the invocation's
// notification; each failure is also a finding of its own.
func internalMessage(res *lint.Result) string {
	count := make(map[string]int)
	for _, f := range res.Findings {
		if strings.HasPrefix(f.Message, "internal error") {
			count[f.Rule]++
		}
	}
	ids := make([]string, 0, len(count))
	for id := range count {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = fmt.Sprintf("%s (%s)", id, plural(count[id], "finding"))
	}
	if len(parts) == 0 {
		return "a rule failed; the results are incomplete"
	}
	return "a rule failed, so the results are incomplete: " + strings.Join(parts, ", ")
}
