package profdiff

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/profilelint/profilelint/lint"
)

// Formats are the report formats Write knows.
var Formats = []string{"text", "markdown", "json", "html"}

// Write prints the report in a format: "text", "markdown" (for a
// pull-request comment), "json" or "html" (one page for a reviewer). Profiles that did not change are
// counted, and listed only when their findings changed (a cross-file rule
// reacting to a change elsewhere).
func Write(w io.Writer, format string, r *Report) error {
	switch format {
	case "text":
		return writeText(w, r)
	case "markdown":
		return writeMarkdown(w, r)
	case "json":
		return writeJSON(w, r)
	case "html":
		return writeHTML(w, r)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

func writeJSON(w io.Writer, r *Report) error {
	shown := Report{Profiles: []ProfileDiff{}}
	for _, p := range r.Profiles {
		if p.shown() {
			shown.Profiles = append(shown.Profiles, p)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(struct {
		Version  int           `json:"version"`
		Profiles []ProfileDiff `json:"profiles"`
		Summary  Counts        `json:"summary"`
	}{1, shown.Profiles, r.Counts()})
}

func (c Counts) String() string {
	return fmt.Sprintf("%s compared: %d changed, %d added, %d removed, %d unchanged; %s introduced, %d resolved",
		plural(c.Profiles, "profile"), c.Changed, c.Added, c.Removed, c.Unchanged, plural(c.Introduced, "finding"), c.Resolved)
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// bare values (codes, numbers, years) are shown unquoted; texts quoted.
var bare = regexp.MustCompile(`^(?:[0-9.]+(?:[+–][0-9.]*)? years|[A-Za-z0-9._/+–-]+|none)$`)

func show(s string) string {
	if bare.MatchString(s) {
		return s
	}
	return strconv.Quote(s)
}

// where names the place of a change: "responsibilities P3",
// "skills \"CI/CD\"", "provenance.review scores.accuracy".
func (c Change) where() string {
	s := c.Section
	if c.Level != "" {
		s += " " + c.Level
	}
	if c.Subject != "" {
		if c.Section == "levels" {
			return s
		}
		s += " " + show(c.Subject)
	}
	return s
}

// detail is the change after the colon, on one line.
func (c Change) detail() string {
	switch {
	case c.Section == "levels":
		return c.Kind + " (" + c.Subject + ")"
	case c.Kind == "added" && c.New != "":
		return "added " + show(c.New)
	case c.Kind == "removed" && c.Old != "":
		return "removed " + show(c.Old)
	case c.Kind == "changed":
		return show(c.Old) + " → " + show(c.New)
	case c.Kind == "renamed":
		return "renamed " + show(c.Old) + " → " + show(c.New)
	}
	return c.Kind
}

func wordDiffText(ops []lint.DiffOp) string {
	d := lint.Diff{Words: ops}
	return d.WordDiff()
}

func writeText(w io.Writer, r *Report) error {
	ew := &errWriter{w: w}
	for _, p := range r.Profiles {
		if !p.shown() {
			continue
		}
		switch p.Status {
		case "unchanged":
			ew.printf("%s: unchanged (%s)\n", p.ID, p.New)
		case "added":
			ew.printf("%s: added in %s\n", p.ID, p.New)
		case "removed":
			ew.printf("%s: removed (was %s)\n", p.ID, p.Old)
		default:
			if p.Old == p.New {
				ew.printf("%s: changed in %s\n", p.ID, p.New)
			} else {
				ew.printf("%s: %s → %s\n", p.ID, p.Old, p.New)
			}
		}
		for _, n := range p.Notes {
			ew.printf("  %s\n", n)
		}
		if p.Status == "changed" && len(p.Changes) == 0 && len(p.Notes) == 0 {
			ew.printf("  no change in content (layout or comments only)\n")
		}
		for _, c := range p.Changes {
			ew.printf("  %s: %s\n", c.where(), c.detail())
			if c.Kind == "reworded" {
				ew.printf("      %s\n", wordDiffText(c.Words))
			}
		}
		textFindings(ew, "introduced", p.Introduced)
		textFindings(ew, "resolved", p.Resolved)
		ew.printf("\n")
	}
	ew.printf("%s\n", r.Counts())
	return ew.err
}

func textFindings(ew *errWriter, what string, fs []lint.Finding) {
	if len(fs) == 0 {
		return
	}
	ew.printf("  findings %s (%d):\n", what, len(fs))
	for _, f := range fs {
		ew.printf("    %s\n", f)
	}
}

var mdSpecial = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "~", `\~`, "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "|", `\|`, "\n", " ")

// whereSentence says where a profile is and what became of it, with its
// paths written by path: the same words in every format.
func whereSentence(p ProfileDiff, path func(string) string) string {
	switch p.Status {
	case "unchanged":
		return "Unchanged (" + path(p.New) + "), but its findings changed with the files around it."
	case "added":
		return "Added in " + path(p.New) + "."
	case "removed":
		return "Removed (was " + path(p.Old) + ")."
	}
	if p.Old == p.New {
		return "Changed in " + path(p.New) + "."
	}
	return path(p.Old) + " → " + path(p.New)
}

func md(s string) string { return mdSpecial.Replace(s) }

// code writes s as inline code, with a fence longer than any run of
// backticks inside.
func code(s string) string {
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	return fence + pad + strings.ReplaceAll(s, "\n", " ") + pad + fence
}

func mdWords(ops []lint.DiffOp) string {
	var b strings.Builder
	for _, op := range ops {
		t := md(op.Text)
		switch op.Op {
		case lint.DiffDelete:
			b.WriteString("~~" + t + "~~")
		case lint.DiffInsert:
			b.WriteString("**" + t + "**")
		default:
			b.WriteString(t)
		}
	}
	return b.String()
}

func writeMarkdown(w io.Writer, r *Report) error {
	ew := &errWriter{w: w}
	c := r.Counts()
	ew.printf("## Profile changes\n\n%s\n", md(c.String()))
	for _, p := range r.Profiles {
		if !p.shown() {
			continue
		}
		ew.printf("\n### %s\n\n", code(p.ID))
		ew.printf("%s\n", whereSentence(p, code))
		if len(p.Notes) > 0 || len(p.Changes) > 0 || (p.Status == "changed" && len(p.Changes) == 0) {
			ew.printf("\n")
		}
		for _, n := range p.Notes {
			ew.printf("- %s\n", md(n))
		}
		if p.Status == "changed" && len(p.Changes) == 0 && len(p.Notes) == 0 {
			ew.printf("- no change in content (layout or comments only)\n")
		}
		for _, ch := range p.Changes {
			if ch.Kind == "reworded" {
				ew.printf("- **%s**: reworded: %s\n", md(ch.where()), mdWords(ch.Words))
				continue
			}
			ew.printf("- **%s**: %s\n", md(ch.where()), md(ch.detail()))
		}
		mdFindings(ew, "Findings introduced", p.Introduced)
		mdFindings(ew, "Findings resolved", p.Resolved)
	}
	return ew.err
}

func mdFindings(ew *errWriter, title string, fs []lint.Finding) {
	if len(fs) == 0 {
		return
	}
	ew.printf("\n%s (%d):\n\n", title, len(fs))
	for _, f := range fs {
		ew.printf("- %s %s %s: %s\n", code(fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column)), f.Severity, code(f.Rule), md(f.Message))
	}
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

func (p ProfileDiff) shown() bool {
	return p.Status != "unchanged" || len(p.Introduced)+len(p.Resolved) > 0
}
