package rules

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

func init() { register(Whitespace) }

// Whitespace reports white space that a reader cannot see but a diff,
// a search or a renderer can: at the ends of a text, or doubled inside it.
var Whitespace = &lint.Rule{
	ID:       "whitespace",
	Summary:  "texts have no leading, trailing or doubled white space",
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

One finding per text, at its first offending white space. The fix deletes
white space at the ends and turns each doubled run into one space, editing
only those characters, so the quoting style, the other characters and the
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
	kind string // "leading", "trailing", "doubled" or "line-end"
	// keep is what the fix writes in place of the run.
	keep string
}

func runWhitespace(p *lint.Pass) {
	eachScalar(p, func(ptr string, n *profiles.Node) {
		if n.Kind != profiles.String || !suspectWhitespace(n.Value) || strings.TrimFunc(n.Value, unicode.IsSpace) == "" {
			return
		}
		st := mapScalar(p.File, n)
		issues := whitespaceIssues(n, st)
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
		f := p.Reportf(ptr, "%s; expected the text trimmed, with single spaces", strings.Join(descs, ", "))
		if st == nil {
			return
		}
		first := issues[0]
		start, end := st.span(first.i, first.j)
		atSpan(p.File, f, start, end)
		var edits []lint.Edit
		for _, is := range issues {
			start, end := st.span(is.i, is.j)
			if !st.verbatim(p.File.Src, is.i, is.j) {
				// Escaped or folded white space: no exact edit.
				return
			}
			edits = append(edits, lint.Edit{Start: start, End: end, New: is.keep})
		}
		f.Fixes = append(f.Fixes, lint.Fix{Message: "remove the extra white space", Edits: edits})
	})
}

// atValue moves a finding to the source of value bytes [i, j) of a string
// node, where its source maps to its value exactly (mapScalar); elsewhere
// the finding stays at the node.
func atValue(file *profiles.File, f *lint.Finding, n *profiles.Node, i, j int) {
	if st := mapScalar(file, n); st != nil {
		start, end := st.span(i, j)
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
func whitespaceIssues(n *profiles.Node, st *scalarText) []wsIssue {
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
func blockLineIssues(v string, start, end int, st *scalarText) []wsIssue {
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
func doubledRuns(v string, from, to int, st *scalarText) []wsIssue {
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
		case st != nil && st.folded(j-1):
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

// scalarText maps the value of a string scalar back to its source text,
// so that findings can point inside a text and fixes can edit single
// characters of it. Value byte i is written at source bytes
// [start[i], end[i]): the byte itself, or the two quotes of an escaped
// single quote, or the line break (with indentation) that folds into it.
type scalarText struct {
	value      string
	start, end []int
}

// span returns the source bytes of value bytes [i, j), j > i.
func (t *scalarText) span(i, j int) (int, int) { return t.start[i], t.end[j-1] }

// verbatim reports whether value bytes [i, j) are written as themselves
// in the source: an edit of those bytes edits the value in the same way.
func (t *scalarText) verbatim(src []byte, i, j int) bool {
	s, e := t.span(i, j)
	return e-s == j-i && string(src[s:e]) == t.value[i:j]
}

// folded reports whether value byte i stands for a line break of the
// source (a fold) rather than for a written character.
func (t *scalarText) folded(i int) bool {
	return t.end[i]-t.start[i] != 1 && t.value[i] != '\''
}

// mapScalar maps a string node's value to its source text, or returns nil
// when the text cannot be located exactly: a quoted text with escape
// sequences, a block text with an indentation indicator, or anything whose
// source does not decode to the value.
func mapScalar(file *profiles.File, n *profiles.Node) *scalarText {
	if n == nil || n.Kind != profiles.String {
		return nil
	}
	switch n.Style {
	case profiles.StylePlain, profiles.StyleSingle, profiles.StyleDouble:
		return mapFlow(file.Src, n)
	case profiles.StyleLiteral, profiles.StyleFolded:
		return mapBlock(file.Src, n)
	}
	return nil
}

func newScalarText(v string) *scalarText {
	return &scalarText{value: v, start: make([]int, len(v)), end: make([]int, len(v))}
}

func mapFlow(src []byte, n *profiles.Node) *scalarText {
	if n.End.Line == 0 || n.End.Offset > len(src) || n.Pos.Offset >= n.End.Offset {
		return nil
	}
	raw, base := src[n.Pos.Offset:n.End.Offset], n.Pos.Offset
	var q byte
	switch n.Style {
	case profiles.StyleSingle:
		q = '\''
	case profiles.StyleDouble:
		q = '"'
	}
	if q != 0 {
		if len(raw) < 2 || raw[0] != q || raw[len(raw)-1] != q {
			return nil
		}
		raw, base = raw[1:len(raw)-1], base+1
		if q == '"' && bytes.IndexByte(raw, '\\') >= 0 {
			return nil
		}
	}
	v := n.Value
	t := newScalarText(v)
	i, j := 0, 0
	for j < len(v) {
		if i >= len(raw) {
			return nil
		}
		c := raw[i]
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			// A run of white space holding line breaks folds: one break
			// into a space, n breaks into n-1 line feeds.
			k, breaks := i, 0
			for k < len(raw) && (raw[k] == ' ' || raw[k] == '\t' || raw[k] == '\r' || raw[k] == '\n') {
				if raw[k] == '\n' {
					breaks++
				}
				k++
			}
			if breaks > 0 {
				want, ch := 1, byte(' ')
				if breaks > 1 {
					want, ch = breaks-1, '\n'
				}
				for ; want > 0; want-- {
					if j >= len(v) || v[j] != ch {
						return nil
					}
					t.start[j], t.end[j] = base+i, base+k
					j++
				}
				i = k
				continue
			}
		}
		if q == '\'' && c == '\'' {
			if i+1 >= len(raw) || raw[i+1] != '\'' || v[j] != '\'' {
				return nil
			}
			t.start[j], t.end[j] = base+i, base+i+2
			i, j = i+2, j+1
			continue
		}
		if c != v[j] {
			return nil
		}
		t.start[j], t.end[j] = base+i, base+i+1
		i, j = i+1, j+1
	}
	if i != len(raw) {
		return nil
	}
	return t
}

// blockLine is one content line of a block text: its text after the
// block's indentation and the source offset of that text.
type blockLine struct {
	off  int
	text string
}

func mapBlock(src []byte, n *profiles.Node) *scalarText {
	lines, ok := blockLines(src, n.Pos.Offset)
	if !ok {
		return nil
	}
	v := n.Value
	t := newScalarText(v)
	j := 0
	// sep maps the value bytes at j that a line break of a folded text
	// became, a space or line feeds, to that break.
	sep := func(from, to int) {
		if j < len(v) && v[j] == ' ' {
			t.start[j], t.end[j] = from, to
			j++
			return
		}
		for j < len(v) && v[j] == '\n' {
			t.start[j], t.end[j] = from, to
			j++
		}
	}
	if n.Style == profiles.StyleLiteral {
		for k, l := range lines {
			if k > 0 {
				prev := lines[k-1]
				if j >= len(v) || v[j] != '\n' {
					return nil
				}
				t.start[j], t.end[j] = prev.off+len(prev.text), l.off
				j++
			}
			if !strings.HasPrefix(v[j:], l.text) {
				return nil
			}
			for b := range len(l.text) {
				t.start[j], t.end[j] = l.off+b, l.off+b+1
				j++
			}
		}
	} else {
		var texts []blockLine
		for _, l := range lines {
			if l.text != "" {
				texts = append(texts, l)
			}
		}
		for k, l := range texts {
			if k > 0 {
				prev := texts[k-1]
				before := j
				sep(prev.off+len(prev.text), l.off)
				if j == before {
					return nil
				}
			}
			if !strings.HasPrefix(v[j:], l.text) {
				return nil
			}
			for b := range len(l.text) {
				t.start[j], t.end[j] = l.off+b, l.off+b+1
				j++
			}
		}
	}
	// What is left is the final line break(s) kept by chomping.
	end := n.Pos.Offset
	if len(lines) > 0 {
		last := lines[len(lines)-1]
		end = last.off + len(last.text)
	}
	for ; j < len(v); j++ {
		if v[j] != '\n' {
			return nil
		}
		t.start[j], t.end[j] = end, end
	}
	return t
}

// blockLines returns the content lines of the block text whose header
// ("|", ">-", ...) starts at off, without trailing blank lines. It fails
// on an indentation indicator, whose indentation depends on the parent.
func blockLines(src []byte, off int) ([]blockLine, bool) {
	if off >= len(src) || (src[off] != '|' && src[off] != '>') {
		return nil, false
	}
	eol := bytes.IndexByte(src[off:], '\n')
	if eol < 0 {
		return nil, true
	}
	for _, c := range src[off+1 : off+eol] {
		if c >= '1' && c <= '9' {
			return nil, false
		}
		if c == ' ' || c == '#' {
			break
		}
	}
	lineStart := bytes.LastIndexByte(src[:off], '\n') + 1
	headerIndent := 0
	for lineStart+headerIndent < off && src[lineStart+headerIndent] == ' ' {
		headerIndent++
	}
	var lines []blockLine
	indent := -1
	for pos := off + eol + 1; pos < len(src); {
		e := bytes.IndexByte(src[pos:], '\n')
		if e < 0 {
			e = len(src)
		} else {
			e += pos
		}
		line := strings.TrimSuffix(string(src[pos:e]), "\r")
		spaces := len(line) - len(strings.TrimLeft(line, " "))
		if spaces < len(line) { // not blank
			if indent < 0 {
				if spaces <= headerIndent {
					break
				}
				indent = spaces
			}
			if spaces < indent {
				break
			}
		}
		l := blockLine{off: pos + len(line)}
		if indent >= 0 && len(line) > indent {
			l = blockLine{off: pos + indent, text: line[indent:]}
		}
		lines = append(lines, l)
		pos = e + 1
	}
	for len(lines) > 0 && lines[len(lines)-1].text == "" {
		lines = lines[:len(lines)-1]
	}
	return lines, true
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
