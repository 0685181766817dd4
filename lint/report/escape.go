package report

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/profilelint/profilelint/internal/textesc"
	"github.com/profilelint/profilelint/profiles"
)

// Hostile files reach the output: the formats read by people write
// control, C1 and bidirectional characters as visible escapes
// (internal/textesc), and the JSON formats as JSON escapes, which decode
// to the same text.
var (
	unsafeRune = textesc.Unsafe
	cell       = textesc.Cell
	visible    = textesc.String
)

// oneLine is visible for text that must stay on one line of output: a
// message with a line break could otherwise forge a finding of its own.
func oneLine(s string) string { return visible(s, "\t") }

// The source line under a finding is cut around the finding's column, as
// compilers do: a one-line JSON profile of 113 KB with 736 findings
// printed the whole line for each, 122 MB of text.
const (
	maxExcerpt    = 120 // columns shown at most, ellipses included
	excerptBefore = 40  // columns kept before the finding's, when cut
)

// excerpt returns a source line as it is shown under a finding at rune
// column col: tabs as four spaces, unsafe characters and invalid UTF-8 as
// escapes, cut to maxExcerpt columns around col with "…" where it was
// cut. caret is the number of columns before the one col is shown at.
// A column counts one rune of the result.
func excerpt(line string, col int) (text string, caret int) {
	// One pass for the width of the line as shown and where col lands,
	// a second to write the part that fits.
	total, pos, n := 0, -1, 0
	plain := true // every rune shown as it is
	for i := 0; i < len(line); n++ {
		if n == col-1 {
			pos = total
		}
		size, w := shownCell(line[i:])
		plain = plain && w == 1
		total += w
		i += size
	}
	if pos < 0 {
		pos = total // at or past the end of the line
	}
	if plain && total <= maxExcerpt {
		return line, pos
	}
	from, to := 0, total
	left, right := false, false
	if total > maxExcerpt {
		from = max(0, pos-excerptBefore)
		left = from > 0
		to = from + maxExcerpt
		if left {
			to--
		}
		if to < total {
			to-- // room for the "…" on the right
			right = true
		} else {
			to, from, left = total, total-(maxExcerpt-1), true
		}
	}
	var b strings.Builder
	if left {
		b.WriteString("…")
	}
	at, first := 0, -1
	for i := 0; i < len(line) && at < to; {
		size, w := shownCell(line[i:])
		if at >= from && at+w <= to {
			if first < 0 {
				first = at
			}
			writeShown(&b, line[i:i+size])
		}
		at += w
		i += size
	}
	if right {
		b.WriteString("…")
	}
	if first < 0 {
		first = from
	}
	caret = pos - first
	if left {
		caret++
	}
	return b.String(), caret
}

// sourceExcerpt is excerpt for a line of a file, reading only the part
// of the line that can be shown: a one-line file can be a megabyte, and
// reading all of it for each of its findings made printing quadratic.
// More than maxExcerpt runes on either side of col are enough for
// excerpt to cut the line as it would cut the whole of it.
func sourceExcerpt(src *profiles.File, line, col int) (text string, caret int) {
	// A column past the end of the line shows the line's end.
	at := min(col, src.PosAt(src.Offset(line, col)).Column)
	from := max(1, at-maxExcerpt-1)
	start, end := src.Offset(line, from), src.Offset(line, at+maxExcerpt+1)
	window := string(src.Src[start:end])
	if end == len(src.Src) || src.Src[end] == '\n' {
		window = strings.TrimSuffix(window, "\r") // as File.Line
	}
	return excerpt(window, col-from+1)
}

// shownCell returns the size in line of its first rune and the columns it
// takes as shown.
func shownCell(line string) (size, width int) {
	if line[0] == '\t' {
		return 1, 4
	}
	size, esc := cell(line, "")
	if esc != "" {
		return size, len(esc)
	}
	return size, 1
}

func writeShown(b *strings.Builder, r string) {
	if r == "\t" {
		b.WriteString("    ")
		return
	}
	if _, esc := cell(r, ""); esc != "" {
		b.WriteString(esc)
		return
	}
	b.WriteString(r)
}

// writeJSON writes v as indented JSON, with the characters that are
// unsafe for a reader's terminal escaped. encoding/json escapes C0
// controls but writes DEL, C1 controls and bidirectional overrides raw;
// in its output they can only stand inside strings, where a \u escape
// means the same.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(jsonSafe(buf.Bytes()))
	return err
}

// jsonSafe returns b, JSON as encoding/json writes it, with its unsafe
// characters as \u escapes.
func jsonSafe(b []byte) []byte {
	var out []byte
	done := 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf && c != 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if unsafeRune(r) {
			if out == nil {
				out = make([]byte, 0, len(b)+16)
			}
			q := strconv.FormatInt(int64(r), 16)
			out = append(append(out, b[done:i]...), `\u`+strings.Repeat("0", 4-len(q))+q...)
			done = i + size
		}
		i += size
	}
	if out == nil {
		return b
	}
	return append(out, b[done:]...)
}
