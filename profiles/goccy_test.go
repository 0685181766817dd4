package profiles

import (
	"reflect"
	"testing"
)

// TestParseQuotedTabs checks tabs inside double-quoted scalars, which
// goccy miscounts (swapTabs): the value keeps them, and what follows the
// scalar is read and placed as written.
func TestParseQuotedTabs(t *testing.T) {
	tests := []struct {
		name, src string
		want      any
		ptr       string // a node after the tab, and its position
		line, col int
	}{
		{name: "before the next key", src: "a: \"x\ty\"\nb: c\n", want: map[string]any{"a": "x\ty", "b": "c"}, ptr: "/b", line: 2, col: 4},
		{name: "two tabs", src: "a: \"x\ty\tz\"\nb: c\n", want: map[string]any{"a": "x\ty\tz", "b": "c"}, ptr: "/b", line: 2, col: 4},
		{name: "in a key", src: "\"a\tb\": c\n", want: map[string]any{"a\tb": "c"}, ptr: "/a\tb", line: 1, col: 8},
		{name: "in a flow list", src: "a: [\"x\ty\", b]\n", want: map[string]any{"a": []any{"x\ty", "b"}}, ptr: "/a/1", line: 1, col: 12},
		{name: "after multibyte text", src: "a: \"é\t😀\"\nb: c\n", want: map[string]any{"a": "é\t😀", "b": "c"}, ptr: "/b", line: 2, col: 4},
		{name: "before the closing quote", src: "a: \"x\t\"\nb: c\n", want: map[string]any{"a": "x\t", "b": "c"}, ptr: "/b", line: 2, col: 4},
		{name: "trailing, folded away", src: "a: \"x\t\n  y\"\nb: c\n", want: map[string]any{"a": "x y", "b": "c"}, ptr: "/b", line: 3, col: 4},
		{name: "leading, folded away", src: "a: \"x\n  \ty\"\n", want: map[string]any{"a": "x y"}, ptr: "/a", line: 1, col: 4},
		{name: "an escaped U+0080 stays U+0080", src: "a: \"\\u0080\"\nb: \"x\ty\"\n", want: map[string]any{"a": "\u0080", "b": "x\ty"}, ptr: "/b", line: 2, col: 4},
		{name: "CRLF", src: "a: \"x\ty\"\r\nb: c\r\n", want: map[string]any{"a": "x\ty", "b": "c"}, ptr: "/b", line: 2, col: 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Parse("p.yaml", []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if got := f.Root.Interface(); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("value %#v, want %#v", got, tc.want)
			}
			n := f.Root.Lookup(tc.ptr)
			if n == nil || n.Pos.Line != tc.line || n.Pos.Column != tc.col || f.PosAt(n.Pos.Offset) != n.Pos {
				t.Fatalf("%s at %+v, want %d:%d", tc.ptr, n, tc.line, tc.col)
			}
			if msg := checkSuitePositions(f); msg != "" {
				t.Error(msg)
			}
		})
	}
}

// TestParsePositionsAfterGoccy checks the positions goccy gets wrong
// (nodePos, textPos) without the YAML suite at hand.
func TestParsePositionsAfterGoccy(t *testing.T) {
	tests := []struct {
		name, src, ptr string
		key            bool
		line, col      int
	}{
		// A whitespace finding counts from the scalar's start: it must be
		// the text, not the space after the tag.
		{name: "tagged scalar", src: "title: !!str Platform  Engineer\n", ptr: "/title", line: 1, col: 14},
		{name: "tagged key", src: "!!str a: b\n", ptr: "/a", key: true, line: 1, col: 7},
		{name: "tagged root mapping", src: "!!str a: b\n", ptr: "", line: 1, col: 7},
		{name: "tagged flow list", src: "a: !!seq [b]\n", ptr: "/a", line: 1, col: 10},
		{name: "after a tab", src: "a:\tb\n", ptr: "/a", line: 1, col: 4},
		// goccy places these at their end: the last scalar of the file,
		// continued on a line that starts with "-" (suite case AB8U).
		{name: "multi-line plain scalar in a list", src: "- single multiline\n - sequence entry\n", ptr: "/0", line: 1, col: 3},
		{name: "multi-line plain value", src: "a: x\n -y\n", ptr: "/a", line: 1, col: 4},
		{name: "explicit key", src: "? a\n: b\n", ptr: "/a", key: true, line: 1, col: 3},
		{name: "explicit key's value", src: "? a\n: b\n", ptr: "/a", line: 2, col: 3},
		{name: "empty item", src: "- \n- b\n", ptr: "/0", line: 1, col: 3},
		{name: "empty value at the end", src: "a: b\nc:", ptr: "/c", line: 2, col: 3},
		{name: "empty value before a key", src: "a:\nb: c\n", ptr: "/a", line: 1, col: 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Parse("p.yaml", []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			n := f.Root.Lookup(tc.ptr)
			if tc.key {
				n = f.Root.LookupKey(tc.ptr)
			}
			if n == nil {
				t.Fatalf("no node at %s", tc.ptr)
			}
			if n.Pos.Line != tc.line || n.Pos.Column != tc.col || f.PosAt(n.Pos.Offset) != n.Pos {
				t.Errorf("at %+v, want %d:%d", n.Pos, tc.line, tc.col)
			}
		})
	}
}
