package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

func init() { register(Whitespace) }

// Whitespace reports white space that a reader cannot see but a diff,
// a search or a renderer can: at the ends of a text, or doubled inside it;
// and the space missing between two sentences run together.
var Whitespace = &lint.Rule{
	ID:       "whitespace",
	Summary:  "texts have no leading, trailing or doubled white space, and a space after each sentence",
	Severity: lint.Warning,
	Scope:    lint.PerFile,
	Doc: lint.Doc{
		Text: `White space at the start or end of a text, or two white-space characters in a
row inside it, is invisible in an editor and on the rendered page, but it
makes texts that read the same compare different (search, duplicate checks,
diffs between profiles). White space here is the space, the tab, the
no-break space and the other Unicode space characters; a single no-break
space between words is deliberate and is left alone.

Quoted and plain texts must not start or end with white space or hold two
white-space characters in a row. Block texts (| and >) are checked line by
line: the indentation of a line is structure and is not checked, but white
space at the end of a line and doubled white space inside it are reported.
Texts that are empty or only white space are left to the placeholder rule.

Two sentences run together without a space ("… to the benefit.Creates
strategies …", what joining list items or pasting paragraphs leaves) are
reported too: a sentence end — a word of at least two lower-case letters
ending a sentence of at least three words, then ".", "!" or "?" — directly
followed by a capitalised word (a capital, then a lower-case letter). That
shape leaves out what is written so on purpose: abbreviations and
initialisms ("e.g.", "i.e.", "U.S.", "St.Louis", "Ph.D."), dotted names
and versions ("Node.js", "ASP.NET", "github.com", "file.YAML", "v1.2",
"3.5M"), code ("os.Exit(1)", "sync.WaitGroup", anything in backticks),
and any word holding "://", "@" or starting with "www.".

One finding per text, at its first offending white space. The fix deletes
white space at the ends, turns each doubled run into one space and inserts
the missing space after a sentence, editing only those characters, so the quoting style, the other characters and the
comments of the file stay as they are. A text whose white space is written
as an escape sequence or folded across lines gets no fix.`,
		Bad: docExample(
			"summary: Senior platform engineer who leads multi-system work and sets standards for the team.",
			`summary: "Senior platform engineer who leads multi-system work and  sets standards for the team. "`),
		Good: docExample(
			"summary: Senior platform engineer who leads multi-system work and sets standards for the team.",
			`summary: "Senior platform engineer who leads multi-system work and sets standards for the team."`),
	},
	Run: runWhitespace,
}

// wsIssue is one run of offending white space: value bytes [i, j).
type wsIssue struct {
	i, j int
	kind string // "leading", "trailing", "doubled", "line-end" or "glued"
	// keep is what the fix writes in place of the run.
	keep string
}

func runWhitespace(p *lint.Pass) {
	eachScalar(p, func(ptr string, n *profiles.Node) {
		if n.Kind != profiles.String || strings.TrimFunc(n.Value, unicode.IsSpace) == "" {
			return
		}
		ws, glue := suspectWhitespace(n.Value), suspectGlue(n.Value)
		if !ws && !glue {
			return
		}
		st := p.File.MapScalar(n)
		var issues []wsIssue
		if ws {
			issues = whitespaceIssues(n, st)
		}
		if glue {
			issues = mergeIssues(issues, gluedSentences(n.Value))
		}
		if len(issues) == 0 {
			return
		}
		descs := make([]string, 0, 3)
		for k, is := range issues {
			if k == 3 {
				descs = append(descs, fmt.Sprintf("and %d more", len(issues)-3))
				break
			}
			descs = append(descs, describeIssue(n.Value, is))
		}
		f := p.At(ptr)
		f.Message = strings.Join(descs, ", ") + "; expected " + expectation(issues)
		if st != nil {
			first := issues[0]
			start, end := st.Span(first.i, first.j)
			atSpan(p.File, &f, start, end)
			f.Fixes = whitespaceFixes(p.File.Src, st, issues)
		}
		p.Report(f)
	})
}

// whitespaceFixes is the fix removing the issues, none where one of them
// is escaped or folded white space, which no exact edit removes.
func whitespaceFixes(src []byte, st *profiles.ScalarSource, issues []wsIssue) []lint.Fix {
	var edits []lint.Edit
	for _, is := range issues {
		if !st.Verbatim(src, is.i, is.j) {
			return nil
		}
		start, end := st.Span(is.i, is.j)
		edits = append(edits, lint.Edit{Start: start, End: end, New: is.keep})
	}
	return []lint.Fix{{Message: fixMessage(issues), Edits: edits}}
}

// issueKinds says whether issues hold glued sentences and other white
// space.
func issueKinds(issues []wsIssue) (glued, other bool) {
	for _, is := range issues {
		if is.kind == "glued" {
			glued = true
		} else {
			other = true
		}
	}
	return glued, other
}

// expectation says what a text with these issues should be like.
func expectation(issues []wsIssue) string {
	glued, other := issueKinds(issues)
	switch {
	case glued && other:
		return "the text trimmed, with single spaces and a space after each sentence"
	case glued:
		return "a space after each sentence"
	}
	return "the text trimmed, with single spaces"
}

// fixMessage names what the fix of these issues does.
func fixMessage(issues []wsIssue) string {
	glued, other := issueKinds(issues)
	switch {
	case glued && other:
		return "remove the extra white space and separate the sentences"
	case glued:
		return "insert a space between the sentences"
	}
	return "remove the extra white space"
}

// mergeIssues merges two lists of issues, each in order, into one in
// order. A glued sentence end is a punctuation mark, never white space, so
// no two issues overlap.
func mergeIssues(a, b []wsIssue) []wsIssue {
	if len(a) == 0 {
		return b
	}
	out := make([]wsIssue, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0].i <= b[0].i {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// atValue moves a finding to the source of value bytes [i, j) of a string
// node, where its source maps to its value exactly (File.MapScalar);
// elsewhere the finding stays at the node.
func atValue(file *profiles.File, f *lint.Finding, n *profiles.Node, i, j int) {
	if st := file.MapScalar(n); st != nil {
		start, end := st.Span(i, j)
		atSpan(file, f, start, end)
	}
}

// atSpan moves a finding to the source bytes [start, end).
func atSpan(file *profiles.File, f *lint.Finding, start, end int) {
	s, e := file.PosAt(start), file.PosAt(end)
	f.Line, f.Column = s.Line, s.Column
	f.EndLine, f.EndColumn = e.Line, e.Column
}

// whitespaceIssues finds the offending runs of a string node's value, in
// order. st, when known, tells line folds (which are structure) from
// written white space.
func whitespaceIssues(n *profiles.Node, st *profiles.ScalarSource) []wsIssue {
	v := n.Value
	var out []wsIssue
	if n.Style == profiles.StyleLiteral || n.Style == profiles.StyleFolded {
		for lineStart := 0; lineStart < len(v); {
			lineEnd := strings.IndexByte(v[lineStart:], '\n')
			if lineEnd < 0 {
				lineEnd = len(v)
			} else {
				lineEnd += lineStart
			}
			out = append(out, blockLineIssues(v, lineStart, lineEnd, st)...)
			lineStart = lineEnd + 1
		}
		return out
	}
	lead := len(v) - len(strings.TrimLeftFunc(v, unicode.IsSpace))
	trail := len(strings.TrimRightFunc(v, unicode.IsSpace))
	if lead > 0 {
		out = append(out, wsIssue{0, lead, "leading", ""})
	}
	out = append(out, doubledRuns(v, lead, trail, st)...)
	if trail < len(v) {
		out = append(out, wsIssue{trail, len(v), "trailing", ""})
	}
	return out
}

// blockLineIssues checks one line [start, end) of a block text: white space
// at its end and doubled inside it; its indentation is structure.
func blockLineIssues(v string, start, end int, st *profiles.ScalarSource) []wsIssue {
	line := v[start:end]
	body := strings.TrimLeft(line, " \t")
	if strings.TrimFunc(body, unicode.IsSpace) == "" {
		return nil // a blank line
	}
	from := start + len(line) - len(body)
	trail := start + len(strings.TrimRightFunc(line, unicode.IsSpace))
	out := doubledRuns(v, from, trail, st)
	if trail < end {
		out = append(out, wsIssue{trail, end, "line-end", ""})
	}
	return out
}

// doubledRuns returns the runs of two or more white-space characters on
// one line inside v[from:to]. In a folded text a run that ends in a line
// fold is white space at the end of a source line: the fold stays.
func doubledRuns(v string, from, to int, st *profiles.ScalarSource) []wsIssue {
	var out []wsIssue
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(v[i:])
		if !isBlank(r) {
			i += size
			continue
		}
		j, runes := i, 0
		for j < to {
			r, size := utf8.DecodeRuneInString(v[j:])
			if !isBlank(r) {
				break
			}
			j += size
			runes++
		}
		switch {
		case st != nil && st.Folded(j-1):
			if j-1 > i {
				out = append(out, wsIssue{i, j - 1, "line-end", ""})
			}
		case runes > 1:
			out = append(out, wsIssue{i, j, "doubled", " "})
		}
		i = j
	}
	return out
}

// isBlank reports whether r is white space inside a line: a space, a tab,
// a no-break space or another Unicode space, but no line break.
func isBlank(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x85, 0x2028, 0x2029:
		return false
	}
	return unicode.IsSpace(r)
}

func describeIssue(v string, is wsIssue) string {
	if is.kind == "glued" {
		return describeGlue(v, is)
	}
	run := describeRun(v[is.i:is.j])
	switch is.kind {
	case "leading":
		return "leading white space (" + run + ")"
	case "trailing":
		return "trailing white space (" + run + ")"
	case "line-end":
		return fmt.Sprintf("white space at the end of a line, after %q (%s)", lastWords(v[:is.i]), run)
	}
	return fmt.Sprintf("doubled white space after %q (%s)", lastWords(v[:is.i]), run)
}

func describeGlue(v string, is wsIssue) string {
	return fmt.Sprintf("no space between the sentences at %q", gluedContext(v, is.i))
}

// describeRun names a run of white space: "2 spaces", "a tab", "a space
// and a no-break space".
func describeRun(s string) string {
	names := map[rune][2]string{
		' ':    {"a space", "spaces"},
		'\t':   {"a tab", "tabs"},
		'\n':   {"a line break", "line breaks"},
		'\r':   {"a carriage return", "carriage returns"},
		0x00a0: {"a no-break space", "no-break spaces"},
	}
	var parts []string
	for len(s) > 0 {
		r, _ := utf8.DecodeRuneInString(s)
		rest := strings.TrimLeft(s, string(r))
		count := utf8.RuneCountInString(s) - utf8.RuneCountInString(rest)
		name, ok := names[r]
		if !ok {
			name = [2]string{fmt.Sprintf("a white-space character U+%04X", r), fmt.Sprintf("white-space characters U+%04X", r)}
		}
		if count == 1 {
			parts = append(parts, name[0])
		} else {
			parts = append(parts, fmt.Sprintf("%d %s", count, name[1]))
		}
		s = rest
	}
	if len(parts) > 1 {
		return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
	}
	return parts[0]
}

// lastWords returns up to the last two words of the last line of s, for
// messages.
func lastWords(s string) string {
	ws := strings.Fields(s[strings.LastIndexByte(s, '\n')+1:])
	if len(ws) > 2 {
		ws = ws[len(ws)-2:]
	}
	return strings.Join(ws, " ")
}

// suspectWhitespace is a quick look before the exact check: a text whose
// only white space is single ASCII spaces between other characters has
// nothing to report, and most texts are like that.
func suspectWhitespace(v string) bool {
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c >= 0x80:
			r, size := utf8.DecodeRuneInString(v[i:])
			if unicode.IsSpace(r) {
				return true // NBSP and other Unicode spaces
			}
			i += size - 1
		case c == ' ':
			if i == 0 || i == len(v)-1 || v[i+1] == ' ' {
				return true
			}
		case c < 0x20:
			return true // tabs, line breaks
		}
	}
	return false
}
