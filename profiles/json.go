package profiles

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// A .json file is read as JSON (RFC 8259), not as YAML: YAML would take
// `{"a": 1,}`, comments, single quotes, bare words and NaN, none of which
// any other JSON tool reads, and would let a duplicate key through in flow
// style. readJSON is a hand-written reader rather than encoding/json's
// Decoder because the tree needs the line and column of every node, and
// it keeps those for the cost of one pass over the bytes.

// isJSON reports whether a file is read as JSON, by its name.
func isJSON(path string) bool {
	return strings.EqualFold(filepath.Ext(path), ".json")
}

type jsonReader struct {
	f   *File
	src []byte
	off int
	lim Limits
	// The position of colOff, on the current line: pos counts runes only
	// from there, so that positions cost one pass over a line however
	// long it is.
	line, col, colOff int
	depth             int
}

// readJSON reads f.Src as one JSON value within lim.
func (f *File) readJSON(lim Limits) (root *Node, err error) {
	lim = lim.withDefaults()
	if err := tooLarge(f.Src, int64(len(f.Src)), lim); err != nil {
		return nil, err
	}
	r := &jsonReader{f: f, src: f.Src, lim: lim, line: 1, col: 1}
	defer func() {
		if e := recover(); e != nil {
			ge, ok := e.(guardError)
			if !ok {
				panic(e)
			}
			root, err = nil, ge.SyntaxError
		}
	}()
	r.space()
	if r.off == len(r.src) {
		return nil, &SyntaxError{Pos: Pos{Line: 1, Column: 1}, Msg: "the file holds no document"}
	}
	root = r.value()
	r.space()
	if r.off < len(r.src) {
		r.fail(r.off, "%s after the JSON value; a profile file holds exactly one", r.describe())
	}
	return root, nil
}

// pos returns the position of byte off, which must not be before the
// last position asked for on the same line.
func (r *jsonReader) pos(off int) Pos {
	if off < r.colOff {
		return r.f.PosAt(off)
	}
	for _, b := range r.src[r.colOff:off] {
		if b&0xc0 != 0x80 { // not a UTF-8 continuation byte
			r.col++
		}
	}
	r.colOff = off
	return Pos{Line: r.line, Column: r.col, Offset: off}
}

func (r *jsonReader) fail(off int, format string, args ...any) {
	panic(guardError{&SyntaxError{Pos: r.pos(off), Msg: fmt.Sprintf(format, args...)}})
}

// describe names the byte at r.off for a message.
func (r *jsonReader) describe() string {
	if r.off >= len(r.src) {
		return "the end of the file"
	}
	rn, size := utf8.DecodeRune(r.src[r.off:])
	if rn == utf8.RuneError && size == 1 {
		return fmt.Sprintf("invalid UTF-8 byte 0x%02x", r.src[r.off])
	}
	return fmt.Sprintf("%q", rn)
}

// space skips white space, and refuses the comments that YAML allows.
func (r *jsonReader) space() {
	for r.off < len(r.src) {
		switch r.src[r.off] {
		case ' ', '\t', '\r':
			r.off++
		case '\n':
			r.off++
			r.line, r.col, r.colOff = r.line+1, 1, r.off
		case '#':
			r.fail(r.off, "JSON has no comments")
		case '/':
			if r.off+1 < len(r.src) && (r.src[r.off+1] == '/' || r.src[r.off+1] == '*') {
				r.fail(r.off, "JSON has no comments")
			}
			return
		default:
			return
		}
	}
}

func (r *jsonReader) value() *Node {
	if r.off == len(r.src) {
		r.fail(r.off, "the file ends where a value should start")
	}
	switch c := r.src[r.off]; {
	case c == '{':
		return r.object()
	case c == '[':
		return r.array()
	case c == '"':
		return r.str()
	case c == '-' || '0' <= c && c <= '9':
		return r.number()
	case c == '\'':
		r.fail(r.off, "JSON strings take double quotes")
	case c == ']' || c == '}' || c == ',' || c == ':':
		r.fail(r.off, "%s where a value should start", r.describe())
	}
	start := r.off
	for r.off < len(r.src) && isWordByte(r.src[r.off]) {
		r.off++
	}
	word := string(r.src[start:r.off])
	n := r.f.node()
	*n = Node{Pos: r.pos(start), Style: StylePlain}
	switch word {
	case "true", "false":
		n.Kind, n.Value = Bool, word
	case "null":
		n.Kind = Null
	case "":
		r.off = start
		r.fail(start, "%s where a value should start", r.describe())
	default:
		if len(word) > 40 {
			word = word[:40] + "…"
		}
		r.fail(start, "%q is not a JSON value; quote text, and write numbers as digits", word)
	}
	n.End = r.pos(r.off)
	return n
}

func isWordByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b == '_' || b == '.' || b == '+' || b == '-' || b >= utf8.RuneSelf
}

// open enters a collection at the bracket at r.off, as Guard counts
// depth: opening one level more than MaxDepth fails at its bracket.
func (r *jsonReader) open() {
	if r.lim.MaxDepth > 0 && r.depth >= r.lim.MaxDepth {
		r.fail(r.off, "nesting deeper than the limit of %d levels", r.lim.MaxDepth)
	}
	if r.depth >= maxDepth {
		r.fail(r.off, "nesting too deep")
	}
	r.depth++
	r.off++
}

// entry counts the entry that starts at r.off.
func (r *jsonReader) entry(n int) {
	if r.lim.MaxEntries > 0 && n > r.lim.MaxEntries {
		r.fail(r.off, "a mapping or list with more than %d entries", r.lim.MaxEntries)
	}
}

func (r *jsonReader) object() *Node {
	out := &Node{Kind: Map, Pos: r.pos(r.off), Fields: []Field{}}
	r.open()
	// A map finds duplicates in big objects; small ones are scanned.
	var seen map[string]*Node
	comma := -1 // the last comma, where a trailing one is reported
	for {
		r.space()
		if r.off < len(r.src) && r.src[r.off] == '}' {
			if comma >= 0 {
				r.fail(comma, "a comma before \"}\"; JSON allows no trailing comma")
			}
			break
		}
		r.entry(len(out.Fields) + 1)
		if r.off == len(r.src) || r.src[r.off] != '"' {
			if r.off < len(r.src) && r.src[r.off] == '\'' {
				r.fail(r.off, "JSON strings take double quotes")
			}
			r.fail(r.off, "%s where a key should start; a JSON key is a string in double quotes", r.describe())
		}
		keyOff := r.off
		key := r.str()
		if prev := lookupField(out.Fields, seen, key.Value); prev != nil {
			r.fail(keyOff, "mapping key %q already defined at %d:%d", key.Value, prev.Pos.Line, prev.Pos.Column)
		}
		if len(out.Fields) == 16 {
			seen = make(map[string]*Node, 32)
			for _, fl := range out.Fields {
				seen[fl.Key.Value] = fl.Key
			}
		}
		if seen != nil {
			seen[key.Value] = key
		}
		r.space()
		if r.off == len(r.src) || r.src[r.off] != ':' {
			r.fail(r.off, "%s after a key, where \":\" should be", r.describe())
		}
		r.off++
		r.space()
		out.Fields = append(out.Fields, Field{Key: key, Value: r.value()})
		r.space()
		if r.off < len(r.src) && r.src[r.off] == ',' {
			comma = r.off
			r.off++
			continue
		}
		if r.off < len(r.src) && r.src[r.off] == '}' {
			break
		}
		r.fail(r.off, "%s after a value in an object, where \",\" or \"}\" should be", r.describe())
	}
	r.off++
	r.depth--
	return out
}

func lookupField(fields []Field, seen map[string]*Node, key string) *Node {
	if seen != nil {
		return seen[key]
	}
	for _, fl := range fields {
		if fl.Key.Value == key {
			return fl.Key
		}
	}
	return nil
}

func (r *jsonReader) array() *Node {
	out := &Node{Kind: Seq, Pos: r.pos(r.off), Items: []*Node{}}
	r.open()
	comma := -1
	for {
		r.space()
		if r.off < len(r.src) && r.src[r.off] == ']' {
			if comma >= 0 {
				r.fail(comma, "a comma before \"]\"; JSON allows no trailing comma")
			}
			break
		}
		r.entry(len(out.Items) + 1)
		out.Items = append(out.Items, r.value())
		r.space()
		if r.off < len(r.src) && r.src[r.off] == ',' {
			comma = r.off
			r.off++
			continue
		}
		if r.off < len(r.src) && r.src[r.off] == ']' {
			break
		}
		r.fail(r.off, "%s after a value in a list, where \",\" or \"]\" should be", r.describe())
	}
	r.off++
	r.depth--
	return out
}

// str reads a double-quoted string at r.off.
func (r *jsonReader) str() *Node {
	start := r.off
	n := r.f.node()
	*n = Node{Kind: String, Pos: r.pos(start), Style: StyleDouble}
	r.off++
	// Most strings have no escape: their value is their bytes.
	plain := true
	var b []byte
	for {
		if r.off == len(r.src) {
			r.fail(start, "a string without its closing quote")
		}
		c := r.src[r.off]
		switch {
		case c == '"':
			if plain {
				n.Value = string(r.src[start+1 : r.off])
			} else {
				n.Value = string(b)
			}
			r.off++
			n.End = r.pos(r.off)
			return n
		case c == '\\':
			if plain {
				plain = false
				b = append(b, r.src[start+1:r.off]...)
			}
			b = r.escape(b)
		case c < 0x20:
			r.fail(r.off, "control character U+%04X inside a string; write it as an escape", c)
		case c < utf8.RuneSelf:
			if !plain {
				b = append(b, c)
			}
			r.off++
		default:
			rn, size := utf8.DecodeRune(r.src[r.off:])
			if rn == utf8.RuneError && size == 1 {
				r.fail(r.off, "invalid UTF-8: byte 0x%02x", c)
			}
			if !plain {
				b = append(b, r.src[r.off:r.off+size]...)
			}
			r.off += size
		}
	}
}

// escape decodes the escape at r.off onto b.
func (r *jsonReader) escape(b []byte) []byte {
	at := r.off
	if r.off+1 >= len(r.src) {
		r.fail(at, "a string without its closing quote")
	}
	c := r.src[r.off+1]
	r.off += 2
	switch c {
	case '"', '\\', '/':
		return append(b, c)
	case 'b':
		return append(b, '\b')
	case 'f':
		return append(b, '\f')
	case 'n':
		return append(b, '\n')
	case 'r':
		return append(b, '\r')
	case 't':
		return append(b, '\t')
	case 'u':
		rn := r.hex4(at)
		if utf16.IsSurrogate(rn) {
			// A pair makes one rune; a lone half is U+FFFD, as
			// encoding/json reads it.
			if r.off+1 < len(r.src) && r.src[r.off] == '\\' && r.src[r.off+1] == 'u' {
				save := r.off
				r.off += 2
				if dec := utf16.DecodeRune(rn, r.hex4(save)); dec != utf8.RuneError {
					return utf8.AppendRune(b, dec)
				}
				r.off = save
			}
			rn = utf8.RuneError
		}
		return utf8.AppendRune(b, rn)
	}
	r.off = at + 1
	r.fail(at, "invalid escape \"\\%s\" in a string", r.describe())
	return nil
}

// hex4 reads the four hex digits of a \u escape that starts at at.
func (r *jsonReader) hex4(at int) rune {
	if r.off+4 > len(r.src) {
		r.fail(at, "a \\u escape needs four hex digits")
	}
	v, err := strconv.ParseUint(string(r.src[r.off:r.off+4]), 16, 16)
	if err != nil {
		r.fail(at, "a \\u escape needs four hex digits")
	}
	r.off += 4
	return rune(v)
}

// number reads a number as RFC 8259 writes it:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (r *jsonReader) number() *Node {
	start := r.off
	digits := func() int {
		k := r.off
		for r.off < len(r.src) && '0' <= r.src[r.off] && r.src[r.off] <= '9' {
			r.off++
		}
		return r.off - k
	}
	bad := func() {
		for r.off < len(r.src) && isWordByte(r.src[r.off]) {
			r.off++
		}
		word := string(r.src[start:r.off])
		if len(word) > 40 {
			word = word[:40] + "…"
		}
		r.fail(start, "%q is not a JSON number", word)
	}
	kind := Int
	if r.off < len(r.src) && r.src[r.off] == '-' {
		r.off++
	}
	intStart := r.off
	if n := digits(); n == 0 || n > 1 && r.src[intStart] == '0' {
		bad()
	}
	if r.off < len(r.src) && r.src[r.off] == '.' {
		r.off++
		kind = Float
		if digits() == 0 {
			bad()
		}
	}
	if r.off < len(r.src) && (r.src[r.off] == 'e' || r.src[r.off] == 'E') {
		r.off++
		kind = Float
		if r.off < len(r.src) && (r.src[r.off] == '+' || r.src[r.off] == '-') {
			r.off++
		}
		if digits() == 0 {
			bad()
		}
	}
	if r.off < len(r.src) && isWordByte(r.src[r.off]) {
		bad()
	}
	text := string(r.src[start:r.off])
	num, err := strconv.ParseFloat(text, 64)
	if err != nil {
		r.fail(start, "number %s is out of range", text)
	}
	n := r.f.node()
	*n = Node{Kind: kind, Value: text, Num: num, Pos: r.pos(start), Style: StylePlain}
	n.End = r.pos(r.off)
	return n
}
