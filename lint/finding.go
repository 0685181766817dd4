package lint

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Severity orders findings: Info < Warning < Error. Off turns a rule off.
type Severity int8

// Severities.
const (
	Off Severity = iota
	Info
	Warning
	Error
)

var severityNames = [...]string{"off", "info", "warning", "error"}

func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return fmt.Sprintf("severity(%d)", s)
	}
	return severityNames[s]
}

// ParseSeverity reads "error", "warning", "info" or "off".
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if strings.EqualFold(s, n) {
			return Severity(i), nil
		}
	}
	return Off, fmt.Errorf("unknown severity %q (want error, warning, info or off)", s)
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity's name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// Place is a position in a file, with the JSON pointer of its node.
type Place struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Pointer string `json:"pointer,omitempty"`
	Message string `json:"message,omitempty"`
}

// Edit replaces the bytes [Start, End) of a file with New. Offsets count
// bytes from the start of the file after any byte-order mark.
type Edit struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	New   string `json:"new"`
}

// Fix is one way to correct a finding: edits to apply together.
type Fix struct {
	Message string `json:"message"`
	Edits   []Edit `json:"edits"`
}

// DiffOp is one step of a word-level diff.
type DiffOp struct {
	Op   DiffKind `json:"op"`
	Text string   `json:"text"`
}

// DiffKind says what a step of a diff does. Its values are the words the
// JSON report has always used.
type DiffKind string

// Kinds of diff steps.
const (
	DiffEqual  DiffKind = "equal"
	DiffDelete DiffKind = "delete"
	DiffInsert DiffKind = "insert"
)

// Diff shows how two texts differ: word by word (Words), or as a unified
// diff of lines (Unified).
type Diff struct {
	Words   []DiffOp `json:"words,omitempty"`
	Unified string   `json:"unified,omitempty"`
}

// WordDiff renders Words the way `git diff --word-diff` does:
// [-removed-]{+added+}.
func (d *Diff) WordDiff() string {
	var b strings.Builder
	for _, op := range d.Words {
		switch op.Op {
		case DiffDelete:
			b.WriteString("[-" + op.Text + "-]")
		case DiffInsert:
			b.WriteString("{+" + op.Text + "+}")
		default:
			b.WriteString(op.Text)
		}
	}
	return b.String()
}

// Suppression records why a finding was suppressed.
type Suppression struct {
	Reason string `json:"reason"`
	Line   int    `json:"line,omitempty"` // where the directive is
}

// Finding is one problem found in one file.
//
// The engine sets Severity to the rule's configured severity. A rule may
// lower it by reporting a finding built with Pass.At whose severity is
// lower (an equal step of experience-monotonic is a warning of an error rule):
// the engine keeps the lower of the two, never raising a finding above the
// configured severity.
type Finding struct {
	Rule       string       `json:"rule"`
	Severity   Severity     `json:"severity"`
	File       string       `json:"file"`
	Line       int          `json:"line"`
	Column     int          `json:"column"`
	EndLine    int          `json:"end_line,omitempty"`
	EndColumn  int          `json:"end_column,omitempty"`
	Pointer    string       `json:"pointer"`
	Message    string       `json:"message"`
	Related    []Place      `json:"related,omitempty"`
	Fixes      []Fix        `json:"fixes,omitempty"`
	Diff       *Diff        `json:"diff,omitempty"`
	Suppressed *Suppression `json:"suppressed,omitempty"`
}

// String formats the finding as path:line:col: severity rule: message.
func (f Finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s %s: %s", f.File, f.Line, f.Column, f.Severity, f.Rule, f.Message)
}

var _ json.Marshaler = Severity(0)

// MarshalJSON writes the severity's name.
func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }
