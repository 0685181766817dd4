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
