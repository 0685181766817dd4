package profiles

import (
	"bytes"
	"unicode/utf8"
)

// Texts past goccy's lexer. goccy/go-yaml v1.19.2's lexer calls
// strconv.ParseInt("") once for every character inside a block scalar
// ("|", ">-"), allocating an error each time: a profile whose texts are
// folded paragraphs lexed several times slower than the same profile
// quoted, and the collector followed; and it reads a quoted text a
// character at a time too. maskScalars reads the texts of the simplest
// shapes itself (a block scalar of one paragraph at one indentation, the
// shape authors wrap texts in; a quoted text on one line, ending it) and
// hands the lexer the text with each such scalar replaced by a plain word
// ("x", "xx": a block scalar's header keeps its width) and a block
// scalar's lines emptied, so the line and column of every other token stay
// where they were. build takes each word back as the scalar it stands for,
// and gives up unless every one of them comes back as a plain scalar of
// its own at the scalar's place; that is what shows the scalar was a value
// in the first place, and not text inside a quoted, plain or block scalar.
// Anything else (more-indented lines or blank lines within a block
// scalar, "+" or an indentation indicator, trailing spaces, tabs, escapes,
// a comment after a quoted text) is left to goccy's lexer, and
// FuzzFastPath holds the values read here to the ones goccy's parser
// reads.

// maskedScalar is a block scalar or quoted text that maskScalars read.
type maskedScalar struct {
	col   int    // column of its header ("|", ">-", …) or quote, after ASCII only
	word  string // what stands for it in the lexer's text
	value string
	style Style // StyleLiteral, StyleFolded, StyleDouble or StyleSingle
	// size is the length of a quoted text as written, quotes included.
	size int
}

// maskScalars returns text with the scalars it reads masked, and those
// scalars by the line they start on (1-based); text itself when it reads
// none. Text has "\n" line ends.
func maskScalars(text []byte) ([]byte, map[int]maskedScalar) {
	var out []byte
	var masked map[int]maskedScalar
	copied := 0 // text[:copied] is in out
	line := 1
	for start := 0; start < len(text); {
		end := lineEnd(text, start)
		val, parent, ok := lineValue(text[start:end])
		if !ok {
			start, line = end+1, line+1
			continue
		}
		var b maskedScalar
		bodyEnd := end
		switch text[start+val] {
		case '"', '\'':
			b, ok = readQuoted(text[start+val : end])
		default:
			b, bodyEnd, ok = readBlock(text, start+val, end, parent)
		}
		if !ok {
			start, line = end+1, line+1
			continue
		}
		b.col = val + 1
		if masked == nil {
			masked = make(map[int]maskedScalar)
			out = make([]byte, 0, len(text))
		}
		masked[line] = b
		out = append(out, text[copied:start+val]...)
		out = append(out, b.word...)
		if b.size == 0 {
			out = append(out, text[start+val+len(b.word):end]...) // a header's comment
		}
		// The body's lines, emptied: only their line breaks are left.
		for i := end; i < bodyEnd; i++ {
			if text[i] == '\n' {
				out = append(out, '\n')
				line++
			}
		}
		if bodyEnd == end { // a quoted text: its line is done
			bodyEnd, line = min(end+1, len(text)), line+1
			if end < len(text) {
				out = append(out, '\n')
			}
		}
		copied, start = bodyEnd, bodyEnd
	}
	if masked == nil {
		return text, nil
	}
	return append(out, text[copied:]...), masked
}

// lineEnd is the offset of the "\n" ending the line at start, or len(text).
func lineEnd(text []byte, start int) int {
	if i := bytes.IndexByte(text[start:], '\n'); i >= 0 {
		return start + i
	}
	return len(text)
}

// lineValue finds the value of a line that a scalar may be masked in:
// spaces, "- " entries, at most one plain key and ": ", then a block
// scalar's header ("|", "|-", ">" or ">-", then nothing but spaces and a
// comment) or a quote. It returns the value's offset in the line and the
// column (0-based) of the node the scalar belongs to: its key, or its
// entry's "-".
func lineValue(l []byte) (val, parent int, ok bool) {
	i := 0
	for i < len(l) && l[i] == ' ' {
		i++
	}
	parent = -1
	for i+1 < len(l) && l[i] == '-' && l[i+1] == ' ' {
		parent = i
		for i++; i < len(l) && l[i] == ' '; i++ {
		}
	}
	if k := keyEnd(l, i); k > i {
		parent = i
		for i = k + 1; i < len(l) && l[i] == ' '; i++ {
		}
		if i == k+1 {
			return 0, 0, false // "a:>-" is a key
		}
	}
	if parent < 0 || i >= len(l) {
		return 0, 0, false
	}
	switch l[i] {
	case '"', '\'':
		return i, parent, true
	case '|', '>':
	default:
		return 0, 0, false
	}
	val = i
	if i++; i < len(l) && l[i] == '-' {
		i++
	}
	rest := l[i:]
	for len(rest) > 0 && rest[0] == ' ' {
		rest = rest[1:]
	}
	if len(rest) > 0 && (rest[0] != '#' || len(rest) == len(l)-i) {
		return 0, 0, false // anything but a comment after the header, or "|#"
	}
	return val, parent, true
}

// readQuoted reads a quoted text that is all of l but trailing spaces:
// no escape, no quote inside, no tab or control character, no space at
// either end of the text.
func readQuoted(l []byte) (maskedScalar, bool) {
	q := l[0]
	end := bytes.IndexByte(l[1:], q) + 1
	if end == 0 || end == 1 {
		return maskedScalar{}, false // unclosed, or empty
	}
	for _, c := range l[end+1:] {
		if c != ' ' {
			return maskedScalar{}, false // a comment, or more
		}
	}
	body := l[1:end]
	if body[0] == ' ' || !plainLine(body) || q == '"' && bytes.IndexByte(body, '\\') >= 0 {
		return maskedScalar{}, false
	}
	b := maskedScalar{word: "x", value: string(body), style: StyleDouble, size: end + 1}
	if q == '\'' {
		b.style = StyleSingle
	}
	return b, true
}

// keyEnd returns the offset of the ":" after a plain key at i, or -1.
func keyEnd(l []byte, i int) int {
	k := i
	for k < len(l) && (plainKeyByte(l[k])) {
		k++
	}
	if k == i || k >= len(l) || l[k] != ':' {
		return -1
	}
	return k
}

func plainKeyByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-'
}

// readBlock reads the body of the block scalar whose header is at hdr, on
// a line ending at end, belonging to a node at column parent. The body
// is one paragraph: lines at one indentation deeper than parent, with no
// trailing space, tab or control character, then empty lines, then a line
// no deeper than parent or the end of the text. It returns the scalar and
// the offset after its body's last line break.
func readBlock(text []byte, hdr, end, parent int) (maskedScalar, int, bool) {
	b := maskedScalar{style: StyleLiteral}
	if text[hdr] == '>' {
		b.style = StyleFolded
	}
	strip := hdr+1 < end && text[hdr+1] == '-'
	b.word = "x"
	if strip {
		b.word = "xx"
	}
	indent := -1
	var lines [][]byte
	i := end + 1
	for i < len(text) {
		e := lineEnd(text, i)
		if e == len(text) {
			return b, 0, false // a body without its last line break: goccy's to read
		}
		l := text[i:e]
		n := 0
		for n < len(l) && l[n] == ' ' {
			n++
		}
		if n == len(l) {
			if n > 0 {
				return b, 0, false // a line of spaces
			}
			break // an empty line: the body ends here or not at all
		}
		if indent < 0 {
			if n <= parent {
				return b, 0, false // an empty scalar
			}
			indent = n
		}
		if n != indent {
			if n <= parent {
				break
			}
			return b, 0, false // deeper, or between parent and the body
		}
		if !plainLine(l[n:]) {
			return b, 0, false
		}
		lines = append(lines, l[n:])
		i = e + 1
	}
	if len(lines) == 0 {
		return b, 0, false
	}
	bodyEnd := i
	// Empty lines after the body, up to a line no deeper than parent.
	for i < len(text) {
		e := lineEnd(text, i)
		l := text[i:e]
		if len(l) == 0 {
			if e == len(text) {
				break
			}
			i = e + 1
			continue
		}
		n := 0
		for n < len(l) && l[n] == ' ' {
			n++
		}
		if n > parent || n == len(l) {
			return b, 0, false // a second paragraph, or spaces
		}
		break
	}
	sep := byte('\n')
	if b.style == StyleFolded {
		sep = ' '
	}
	size := len(lines)
	for _, l := range lines {
		size += len(l)
	}
	v := make([]byte, 0, size)
	for k, l := range lines {
		if k > 0 {
			v = append(v, sep)
		}
		v = append(v, l...)
	}
	if !strip {
		v = append(v, '\n')
	}
	b.value = string(v)
	return b, bodyEnd, true
}

// plainLine reports whether a body line reads the same in every block
// scalar: no tab, carriage return or other control character, no
// trailing space, no byte-order mark or mark the guard would judge.
func plainLine(l []byte) bool {
	if l[len(l)-1] == ' ' {
		return false
	}
	ascii := true
	for _, c := range l {
		if c < ' ' || c == 0x7f {
			return false
		}
		ascii = ascii && c < 0x80
	}
	return ascii || utf8Text(l)
}

// utf8Text reports whether l is UTF-8 without the characters that YAML
// reads as line breaks (U+0085, U+2028, U+2029) or a byte-order mark.
func utf8Text(l []byte) bool {
	return !bytes.Contains(l, []byte("\u0085")) && !bytes.Contains(l, []byte("\u2028")) &&
		!bytes.Contains(l, []byte("\u2029")) && !bytes.Contains(l, []byte("\ufeff")) && utf8.Valid(l)
}
