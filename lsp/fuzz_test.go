package lsp

import (
	"testing"
	"unicode/utf8"
)

// FuzzPositions converts byte offsets to positions and back in both
// encodings, on any text: a position of a rune's start comes back to the
// same offset, and no input makes a conversion panic or leave the text.
func FuzzPositions(f *testing.F) {
	f.Add([]byte("title: \"Infrastructure é 😀 — P4  x\"\n"), 20, 3, 9)
	f.Add([]byte("\xef\xbb\xbfa: 1\r\nb: \"—\"\n"), 4, 2, 5)
	f.Add([]byte("\xff\xfe\n\n😀"), 1, 3, 2)
	f.Fuzz(func(t *testing.T, src []byte, off, line, col int) {
		tx := newText(src)
		for _, enc := range []encoding{utf16Units, utf8Units} {
			o := min(max(off, 0), len(src))
			p := tx.position(o, enc)
			back := tx.offset(p, enc)
			if back < 0 || back > len(src) {
				t.Fatalf("%s: offset %d out of the text (%d bytes)", enc, back, len(src))
			}
			lineStart := tx.starts[p.Line]
			inLine := o <= lineStart+len(tx.line(p.Line))
			if utf8.Valid(src[lineStart:o]) && inLine && back != o {
				t.Errorf("%s: offset %d → %+v → %d", enc, o, p, back)
			}
			lc := tx.lineCol(line%1000, col%1000, enc)
			if lc.Line < 0 || lc.Line >= len(tx.starts) || lc.Character < 0 {
				t.Errorf("%s: line %d col %d → %+v", enc, line, col, lc)
			}
			_ = tx.offset(Position{Line: line, Character: col}, enc)
			_ = tx.editRange(off, off+col, enc)
		}
	})
}

// FuzzApplyChange applies a ranged change to any text: the result is the
// text before the range, the new text, and the text after it.
func FuzzApplyChange(f *testing.F) {
	f.Add([]byte("title: \"Infrastructure — P4\"\nid: X\n"), 0, 23, 0, 24, "-")
	f.Add([]byte("a: 😀\n"), 0, 3, 0, 5, "é")
	f.Fuzz(func(t *testing.T, src []byte, l1, c1, l2, c2 int, repl string) {
		tx := newText(src)
		r := Range{Start: Position{Line: l1, Character: c1}, End: Position{Line: l2, Character: c2}}
		for _, enc := range []encoding{utf16Units, utf8Units} {
			got := applyChange(tx, TextDocumentContentChangeEvent{Range: &r, Text: repl}, enc)
			start, end := tx.offset(r.Start, enc), tx.offset(r.End, enc)
			want := string(src[:start]) + repl + string(src[max(start, end):])
			if string(got.src) != want {
				t.Fatalf("%s: %q with %+v → %q, want %q", enc, src, r, got.src, want)
			}
		}
	})
}
