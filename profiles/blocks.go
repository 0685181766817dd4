package profiles

import (
	"bytes"
	"unicode/utf8"
)

// Block scalars past goccy's lexer. goccy/go-yaml v1.19.2's lexer calls
// strconv.ParseInt("") once for every character inside a block scalar
// ("|", ">-"), allocating an error each time: a profile whose texts are
// folded paragraphs lexes several times slower than the same profile
// quoted, and the collector follows. maskBlocks reads the block scalars
// of the simplest shape itself (one paragraph at one indentation, the
// shape authors wrap texts in) and hands the lexer the text with each
// such scalar's header replaced by a plain word of the same width and its
// lines emptied, so lines and columns of every other token stay where they
// were. build takes each word back as the block scalar it stands for, and
// gives up unless every one of them comes back as a plain scalar of its
// own at its header's place; that is what shows the header was a block
// scalar's header in the first place, and not text inside a quoted or
// plain scalar. Anything else about block scalars (more-indented lines,
// blank lines within, "+" or an indentation indicator, trailing spaces,
// tabs) is left to goccy's lexer, and FuzzFastPath holds the values read
// here to the ones goccy's parser reads.

// maskedBlock is a block scalar that maskBlocks read.
type maskedBlock struct {
	col    int    // column of its header ("|", ">-", …), after ASCII only
	word   string // what stands for the header in the lexer's text
	value  string
	folded bool
}

// maskBlocks returns text with the block scalars it reads masked, and
// those scalars by the line of their header (1-based); text itself when
// it reads none. Text has "\n" line ends.
func maskBlocks(text []byte) ([]byte, map[int]maskedBlock) {
	if bytes.IndexByte(text, '|') < 0 && bytes.IndexByte(text, '>') < 0 {
		return text, nil
	}
	var out []byte
	var blocks map[int]maskedBlock
	copied := 0 // text[:copied] is in out
	line := 1
	for start := 0; start < len(text); {
		end := lineEnd(text, start)
		hdr, parent, ok := blockHeader(text[start:end])
		if !ok {
			start, line = end+1, line+1
			continue
		}
		b, bodyEnd, ok := readBlock(text, start+hdr, end, parent)
		if !ok {
			start, line = end+1, line+1
			continue
		}
		b.col = hdr + 1
		hdr += start
		if blocks == nil {
			blocks = make(map[int]maskedBlock)
			out = make([]byte, 0, len(text))
		}
		blocks[line] = b
		out = append(out, text[copied:hdr]...)
		out = append(out, b.word...)
		out = append(out, text[hdr+len(b.word):end]...)
		// The body's lines, emptied: only their line breaks are left.
		for i := end; i < bodyEnd; i++ {
			if text[i] == '\n' {
				out = append(out, '\n')
				line++
			}
		}
		copied, start = bodyEnd, bodyEnd
	}
	if blocks == nil {
		return text, nil
	}
	return append(out, text[copied:]...), blocks
}

// lineEnd is the offset of the "\n" ending the line at start, or len(text).
func lineEnd(text []byte, start int) int {
	if i := bytes.IndexByte(text[start:], '\n'); i >= 0 {
		return start + i
	}
	return len(text)
}

// blockHeader finds a block scalar header that is the value of a line:
// spaces, "- " entries, at most one plain key and ": ", then "|", "|-",
// ">" or ">-", then nothing but spaces and a comment. It returns the
// header's offset in the line and the column (0-based) of the node the
// scalar belongs to: its key, or its entry's "-".
func blockHeader(l []byte) (hdr, parent int, ok bool) {
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
	if parent < 0 || i >= len(l) || l[i] != '|' && l[i] != '>' {
		return 0, 0, false
	}
	hdr = i
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
	return hdr, parent, true
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
func readBlock(text []byte, hdr, end, parent int) (maskedBlock, int, bool) {
	b := maskedBlock{folded: text[hdr] == '>'}
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
	if b.folded {
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
