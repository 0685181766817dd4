package lsp

import "testing"

// TestPositions: profilelint's rune columns and byte offsets become
// UTF-16 units or bytes, past an em dash, an accented letter, an emoji
// and a byte-order mark.
func TestPositions(t *testing.T) {
	tx := newText([]byte("\ufeffa: \"é — 😀 x\"\nb: 1\r\nc: 2\n"))
	for _, tc := range []struct {
		line, col int
		enc       encoding
		want      Position
	}{
		{1, 1, utf16Units, Position{0, 1}}, // after the mark, one unit
		{1, 1, utf8Units, Position{0, 3}},
		{1, 12, utf16Units, Position{0, 1 + 12}}, // a: "é — 😀 x: the emoji is two units
		{1, 12, utf8Units, Position{0, 3 + 4 + 2 + 1 + 3 + 1 + 4 + 2}},
		{2, 9, utf16Units, Position{1, 4}}, // past the end: the end, before \r
		{9, 1, utf16Units, Position{3, 0}}, // past the last line: the last
	} {
		if got := tx.lineCol(tc.line, tc.col, tc.enc); got != tc.want {
			t.Errorf("%s: %d:%d → %+v, want %+v", tc.enc, tc.line, tc.col, got, tc.want)
		}
	}
	// Edit offsets count from after the mark.
	if r := tx.editRange(0, 1, utf16Units); r.Start != (Position{0, 1}) || r.End != (Position{0, 2}) {
		t.Errorf("edit [0,1) → %+v", r)
	}
	if off := tx.offset(Position{0, 9}, utf16Units); string(tx.src[off:off+4]) != "😀" {
		t.Errorf("offset of 0:9 is %d, not the emoji's", off)
	}
}
