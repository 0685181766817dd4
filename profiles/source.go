package profiles

import (
	"bytes"
	"strings"
)

// ScalarSource maps the value of a string scalar back to its source text,
// so that findings can point inside a text and fixes can edit single
// characters of it. Value byte i is written at source bytes
// [start[i], end[i]): the byte itself, or the two quotes of an escaped
// single quote, or the line break (with indentation) that folds into it.
type ScalarSource struct {
	value      string
	start, end []int
}

// Span returns the source bytes of value bytes [i, j), j > i.
func (t *ScalarSource) Span(i, j int) (int, int) { return t.start[i], t.end[j-1] }

// Verbatim reports whether value bytes [i, j) are written as themselves
// in the source: an edit of those bytes edits the value in the same way.
func (t *ScalarSource) Verbatim(src []byte, i, j int) bool {
	s, e := t.Span(i, j)
	return e-s == j-i && string(src[s:e]) == t.value[i:j]
}

// Folded reports whether value byte i stands for a line break of the
// source (a fold) rather than for a written character.
func (t *ScalarSource) Folded(i int) bool {
	return t.end[i]-t.start[i] != 1 && t.value[i] != '\''
}

// MapScalar maps a string node's value to its source text, or returns nil
// when the text cannot be located exactly: a quoted text with escape
// sequences, a block text with an indentation indicator, or anything whose
// source does not decode to the value. Rules use it to report inside a
// text and to fix single characters of it.
func (f *File) MapScalar(n *Node) *ScalarSource {
	if n == nil || n.Kind != String {
		return nil
	}
	switch n.Style {
	case StylePlain, StyleSingle, StyleDouble:
		return mapFlow(f.Src, n)
	case StyleLiteral, StyleFolded:
		return mapBlock(f.Src, n)
	}
	return nil
}

func newScalarSource(v string) *ScalarSource {
	return &ScalarSource{value: v, start: make([]int, len(v)), end: make([]int, len(v))}
}

func mapFlow(src []byte, n *Node) *ScalarSource {
	if n.End.Line == 0 || n.End.Offset > len(src) || n.Pos.Offset >= n.End.Offset {
		return nil
	}
	raw, base := src[n.Pos.Offset:n.End.Offset], n.Pos.Offset
	var q byte
	switch n.Style {
	case StyleSingle:
		q = '\''
	case StyleDouble:
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
	t := newScalarSource(v)
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

func mapBlock(src []byte, n *Node) *ScalarSource {
	lines, ok := blockLines(src, n.Pos.Offset)
	if !ok {
		return nil
	}
	v := n.Value
	t := newScalarSource(v)
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
	if n.Style == StyleLiteral {
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
