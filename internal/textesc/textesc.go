// Package textesc writes hostile text so that a reader sees it as it is.
//
// A profile's text ends up in messages (filename-id quotes the id), in
// source lines and diffs, and a file's name is whatever the repository
// holds. Written raw, an ESC or a C1 control drives the reader's terminal
// (retitles it, clears it, forges colours and links), and a bidirectional
// override or isolate makes a line read other than it is ("Trojan
// Source", CVE-2021-42574). Output read by people writes such characters
// as visible escapes, as Go's %q does: `\x1b`, `\u202e`, and `\xff` for a
// byte of invalid UTF-8.
package textesc

import (
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Unsafe reports whether r must not reach a reader raw: C0 controls,
// DEL, C1 controls, and the bidirectional marks, embeddings, overrides
// and isolates.
func Unsafe(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, 0x80 <= r && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, 0x202a <= r && r <= 0x202e, 0x2066 <= r && r <= 0x2069:
		return true
	}
	return false
}

// Cell returns the size of the rune (or byte of invalid UTF-8) at the
// start of s and, when it is not to be written as it is, the escape to
// write instead. keep lists the unsafe characters left alone.
func Cell(s string, keep string) (size int, esc string) {
	if c := s[0]; c >= 0x20 && c < 0x7f {
		return 1, ""
	}
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r == utf8.RuneError && size == 1:
		return 1, `\x` + hex2(s[0])
	case !Unsafe(r) || strings.ContainsRune(keep, r):
		return size, ""
	case r == '\t':
		return 1, `\t`
	case r == '\n':
		return 1, `\n`
	case r == '\r':
		return 1, `\r`
	case r < 0x80:
		return 1, `\x` + hex2(byte(r))
	}
	q := strconv.FormatInt(int64(r), 16)
	return size, `\u` + strings.Repeat("0", 4-len(q)) + q
}

func hex2(b byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[b>>4], digits[b&15]})
}

// String returns s with its unsafe characters, but those in keep, and its
// invalid UTF-8 written as escapes. Most text has none, and comes back as
// it is.
func String(s string, keep string) string {
	for i := 0; i < len(s); {
		if c := s[i]; 0x20 <= c && c < 0x7f {
			i++
			continue
		}
		size, esc := Cell(s[i:], keep)
		if esc != "" {
			return escapeFrom(s, i, keep)
		}
		i += size
	}
	return s
}

func escapeFrom(s string, i int, keep string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		size, esc := Cell(s[i:], keep)
		if esc != "" {
			b.WriteString(esc)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// Writer escapes what is written through it, but the characters in keep
// (for text output, "\n\t"). Each Write is escaped on its own: the
// printers write whole strings, so a rune is never split between two.
type Writer struct {
	w    io.Writer
	keep string
}

// NewWriter returns a Writer writing to w.
func NewWriter(w io.Writer, keep string) *Writer { return &Writer{w: w, keep: keep} }

func (w *Writer) Write(p []byte) (int, error) {
	s := String(string(p), w.keep)
	if _, err := io.WriteString(w.w, s); err != nil {
		return 0, err
	}
	return len(p), nil
}
