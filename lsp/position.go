package lsp

import (
	"bytes"
	"unicode/utf8"
)

// encoding is the unit of Position.Character agreed at initialize: UTF-16
// code units unless the client offers UTF-8 (LSP 3.17 positionEncoding).
// profilelint counts columns in runes, so every position is converted
// through the line's text.
type encoding int8

const (
	utf16Units encoding = iota
	utf8Units
)

func (e encoding) String() string {
	if e == utf8Units {
		return "utf-8"
	}
	return "utf-16"
}

// chooseEncoding takes UTF-8 when the client offers it: it is what the
// files are, so no conversion can go wrong, and it costs nothing.
func chooseEncoding(offered []string) encoding {
	for _, e := range offered {
		if e == "utf-8" {
			return utf8Units
		}
	}
	return utf16Units
}

var bom = []byte("\xef\xbb\xbf")

// text is a document with its line starts.
type text struct {
	src    []byte
	starts []int // byte offset of each line
	// base is the length of a byte-order mark the client kept: lint
	// edit offsets count from after it.
	base int
}

func newText(src []byte) *text {
	t := &text{src: src, starts: []int{0}}
	for i, b := range src {
		if b == '\n' {
			t.starts = append(t.starts, i+1)
		}
	}
	if bytes.HasPrefix(src, bom) {
		t.base = len(bom)
	}
	return t
}

// line returns the bytes of zero-based line n, without its line break.
func (t *text) line(n int) []byte {
	if n < 0 || n >= len(t.starts) {
		return nil
	}
	end := len(t.src)
	if n+1 < len(t.starts) {
		end = t.starts[n+1] - 1
	}
	l := t.src[t.starts[n]:end]
	return bytes.TrimSuffix(l, []byte("\r"))
}

// units counts the characters of b in the encoding.
func units(b []byte, enc encoding) int {
	if enc == utf8Units {
		return len(b)
	}
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		if r >= 0x10000 {
			n += 2 // a surrogate pair
		} else {
			n++
		}
	}
	return n
}

// lineCol converts profilelint's line and column (1-based, the column in
// runes) to a position. A column past the line's end is its end.
func (t *text) lineCol(line, col int, enc encoding) Position {
	n := max(line-1, 0)
	if n >= len(t.starts) {
		n = len(t.starts) - 1
	}
	l := t.line(n)
	if n == 0 && t.base > 0 {
		l = l[t.base:] // profilelint's columns start after the mark
	}
	off := 0
	for r := 1; r < col && off < len(l); r++ {
		_, size := utf8.DecodeRune(l[off:])
		off += size
	}
	ch := units(l[:off], enc)
	if n == 0 && t.base > 0 {
		ch += units(bom, enc)
	}
	return Position{Line: n, Character: ch}
}

// lineEnd is the position at the end of zero-based line n.
func (t *text) lineEnd(n int, enc encoding) Position {
	return Position{Line: n, Character: units(t.line(n), enc)}
}

// position converts a byte offset in the text to a position.
func (t *text) position(off int, enc encoding) Position {
	off = min(max(off, 0), len(t.src))
	n := 0
	lo, hi := 0, len(t.starts)-1
	for lo <= hi { // the last line starting at or before off
		mid := (lo + hi) / 2
		if t.starts[mid] <= off {
			n, lo = mid, mid+1
		} else {
			hi = mid - 1
		}
	}
	// An offset in the line break (the \r of \r\n) is the line's end.
	off = min(off, t.starts[n]+len(t.line(n)))
	return Position{Line: n, Character: units(t.src[t.starts[n]:off], enc)}
}

// offset converts a position to a byte offset in the text. A character
// past the line's end is its end; one inside a UTF-16 surrogate pair or
// a UTF-8 sequence goes to the start of its rune.
func (t *text) offset(p Position, enc encoding) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(t.starts) {
		return len(t.src)
	}
	l := t.line(p.Line)
	off, ch := 0, 0
	for off < len(l) {
		r, size := utf8.DecodeRune(l[off:])
		w := size
		if enc == utf16Units {
			w = 1
			if r >= 0x10000 {
				w = 2
			}
		}
		if ch+w > p.Character {
			break
		}
		ch += w
		off += size
	}
	return t.starts[p.Line] + off
}

// editRange converts a lint edit's byte offsets, which count from after
// any byte-order mark, to a range.
func (t *text) editRange(start, end int, enc encoding) Range {
	return Range{Start: t.position(start+t.base, enc), End: t.position(end+t.base, enc)}
}
