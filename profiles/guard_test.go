package profiles

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// aliasBomb is the classic "billion laughs": nine levels of nine aliases,
// 9^9 (387 million) strings once decoded, in 342 bytes.
func aliasBomb() string {
	var b strings.Builder
	b.WriteString(`a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]` + "\n")
	prev := "a"
	for _, c := range "bcdefghi" {
		fmt.Fprintf(&b, "%c: &%c [%s]\n", c, c, strings.TrimSuffix(strings.Repeat("*"+prev+",", 9), ","))
		prev = string(c)
	}
	return b.String()
}

func keys(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "k%d: v\n", i)
	}
	return b.String()
}

// guardCase is one input and the finding Guard must give:
// "line:column@offset: message", or "" for none.
type guardCase struct {
	name string
	src  string
	lim  Limits
	want string
}

func guardCases() []guardCase {
	deepBlock := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(strings.Repeat(" ", i) + "k:\n")
		}
		return b.String()
	}
	const tabMsg = "a tab inside an unquoted value would be lost; quote the value or use spaces"
	const anchorMsg = ": anchors and aliases are not allowed in a profile; write the value out"
	return []guardCase{
		// Hostile cases from issue 6.
		{name: "alias bomb", src: aliasBomb(), want: "1:4@3: anchor &a" + anchorMsg},
		{name: "100 KB of [", src: strings.Repeat("[", 100<<10), want: "1:65@64: nesting deeper than the limit of 64 levels"},
		{name: "100 KB of { after a key", src: "a: " + strings.Repeat("{", 100<<10), want: "1:67@66: nesting deeper than the limit of 64 levels"},
		{name: "10,001 keys", src: keys(10001), want: "10001:1@88890: a mapping or list with more than 10000 entries"},
		{name: "10,000 keys", src: keys(10000)},
		{name: "40,000 keys over a limit of 1,000", src: keys(40000), lim: Limits{MaxEntries: 1000}, want: "1001:1@7890: a mapping or list with more than 1000 entries"},
		{name: "tab in plain scalar", src: "title: x\ty\n", want: "1:9@8: " + tabMsg},
		{name: "tab between spaces", src: "title: x \t y\n", want: "1:10@9: " + tabMsg},
		{name: "tab in key", src: "ti\ttle: x\n", want: "1:3@2: " + tabMsg},
		{name: "tab before a list entry", src: "- a\t- b\n", want: "1:4@3: " + tabMsg},
		{name: "tab in flow scalar", src: "[a\tb, c]\n", want: "1:3@2: " + tabMsg},
		{name: "tab in continuation line", src: "summary: one\n  two\tthree\n", want: "2:6@18: " + tabMsg},
		{name: "tab after multibyte text", src: "name: é\tx\n", want: "1:8@8: " + tabMsg},
		{name: "invalid UTF-8", src: "a: 1\nname: caf\xe9 x\n", want: "2:10@14: invalid UTF-8: byte 0xe9"},
		{name: "invalid UTF-8 in a comment", src: "# \xff\na: 1\n", want: "1:3@2: invalid UTF-8: byte 0xff"},
		{name: "truncated rune at the end", src: "a: \xe2\x82", want: "1:4@3: invalid UTF-8: byte 0xe2"},

		// Size.
		{name: "over MaxBytes", src: "a: 1\nb: 22\n", lim: Limits{MaxBytes: 8}, want: "2:4@8: the file is 11 bytes, over the limit of 8"},
		{name: "at MaxBytes", src: "a: 1\nb: 2\n", lim: Limits{MaxBytes: 10}},
		{name: "MaxBytes off", src: "a: 1\nb: 2\n", lim: Limits{MaxBytes: -1}},

		// Control characters and line ends.
		{name: "NUL", src: "a: x\x00y\n", want: "1:5@4: control character U+0000 is not allowed; remove it or write it as an escape in a double-quoted value"},
		{name: "escape in a quoted value", src: "a: \"x\x1by\"\n", want: "1:6@5: control character U+001B is not allowed; remove it or write it as an escape in a double-quoted value"},
		{name: "after a run of quoted text", src: "a: \"quoted text, then\x1b\"\n", want: "1:22@21: control character U+001B is not allowed; remove it or write it as an escape in a double-quoted value"},
		{name: "after quoted text over lines", src: "a: \"quoted,\n  then é and\x7f\"\n", want: "2:13@25: control character U+007F is not allowed; remove it or write it as an escape in a double-quoted value"},
		{name: "DEL", src: "a: x\x7f\n", want: "1:5@4: control character U+007F is not allowed; remove it or write it as an escape in a double-quoted value"},
		{name: "C1 control", src: "a: é\u0085\n", want: "1:5@5: control character U+0085 is not allowed; remove it or write it as an escape in a double-quoted value"},
		{name: "lone CR", src: "a: 1\rb: 2\n", want: "1:5@4: a carriage return without a line feed; use \\n or \\r\\n line endings"},
		{name: "CRLF", src: "a: 1\r\nb: x\t# c\r\nc: |\r\n  * x\r\n"},

		// Depth.
		{name: "64 flow levels", src: strings.Repeat("[", 64) + strings.Repeat("]", 64)},
		{name: "64 block levels", src: deepBlock(64)},
		{name: "65 block levels", src: deepBlock(65), want: "65:65@2272: nesting deeper than the limit of 64 levels"},
		{name: "block and flow add up", src: "a:\n  b: [[x]]\n", lim: Limits{MaxDepth: 3}, want: "2:7@9: nesting deeper than the limit of 3 levels"},
		{name: "compact lists nest", src: "- - - x\n", lim: Limits{MaxDepth: 2}, want: "1:5@4: nesting deeper than the limit of 2 levels"},
		{name: "compact key nests", src: "- a:\n    - x\n", lim: Limits{MaxDepth: 2}, want: "2:5@9: nesting deeper than the limit of 2 levels"},
		{name: "compact key at its limit", src: "- a: 1\n  b: 2\n", lim: Limits{MaxDepth: 2}},
		{name: "depth off", src: strings.Repeat("[", 200) + strings.Repeat("]", 200), lim: Limits{MaxDepth: -1}},
		{name: "brackets in quotes are text", src: `a: "` + strings.Repeat("[", 200) + `"` + "\n"},
		{name: "brackets in a plain scalar are text", src: "a: x [[[[ y\n", lim: Limits{MaxDepth: 2}},
		{name: "backstop counts brackets in quotes", src: `a: "` + strings.Repeat("[", 100<<10) + `"`, want: "1:1029@1028: more than 1024 unclosed brackets, counting those in quotes and comments"},
		{name: "backstop counts brackets in comments", src: "# " + strings.Repeat("{", 2000), lim: Limits{MaxDepth: 4}, want: "1:67@66: more than 64 unclosed brackets, counting those in quotes and comments"},
		{name: "backstop counts brackets in block scalars", src: "a: |\n  " + strings.Repeat("[", 2000) + "\n", want: "2:1027@1031: more than 1024 unclosed brackets, counting those in quotes and comments"},

		// Width.
		{name: "flow list over the limit", src: "a: [1, 2, 3, 4]\n", lim: Limits{MaxEntries: 3}, want: "1:14@13: a mapping or list with more than 3 entries"},
		{name: "flow mapping at the limit", src: "a: {x: 1, y: 2, z: 3,}\n", lim: Limits{MaxEntries: 3}},
		{name: "block list over the limit", src: "a:\n  - 1\n  # c\n\n  - 2\n  - 3\n", lim: Limits{MaxEntries: 2}, want: "6:3@24: a mapping or list with more than 2 entries"},
		{name: "entries counted per parent", src: "a:\n  x: 1\n  y: 2\nb:\n  x: 1\n  y: 2\n", lim: Limits{MaxEntries: 2}},
		{name: "block scalar lines are not entries", src: "a: |\n  x\n  y\n  z\n", lim: Limits{MaxEntries: 1}},
		// What goccy reads though YAML forbids it (YAML test suite cases).
		{name: "comment glued to a quoted value", src: "key: \"value\"# c\n", want: "1:13@12: a comment must be separated from the value before it by a space"},
		{name: "comment glued to a flow list", src: "[a, b]#c\n", want: "1:7@6: a comment must be separated from the value before it by a space"},
		{name: "comment glued to a comma", src: "[a, b,#c\n]\n", want: "1:7@6: a comment must be separated from the value before it by a space"},
		{name: "comment after a comma and a space", src: "[a, b, #c\n]\n"},
		{name: "lone dash in brackets", src: "- [a, -]\n", want: `1:7@6: a lone "-" inside brackets is not a value; quote it`},
		{name: "dash word in brackets", src: "[-a, a-, \"-\"]\n"},
		{name: "tag ending in a comma", src: "- !!str, x\n", want: `1:8@7: ',' cannot be part of a tag`},
		{name: "verbatim tag with a comma", src: "- !<tag:yaml.org,2002:str> x\n"},
		{name: "flow list continued at the key's column", src: "a: [x,\ny]\n", want: `2:1@7: the "[" at 1:4 is still open on this line; close it, or indent the line more than the mapping or list it is in`},
		{name: "quote continued at the key's column", src: "a: \"x\ny\"\n", want: "2:1@6: the quote at 1:4 is still open on this line; close it, or indent the line more than the mapping or list it is in"},
		{name: "flow list continued under its key", src: "a: [x,\n  y,\n]\nb: \"x\n  y\"\n"},
		{name: "an explicit key is one entry", src: "? a\n: 1\n? b\n: 2\n", lim: Limits{MaxEntries: 2}},
		{name: "three explicit keys over two", src: "? a\n: 1\n? b\n: 2\n? c\n: 3\n", lim: Limits{MaxEntries: 2}, want: "5:1@16: a mapping or list with more than 2 entries"},
		{name: "multi-line flow is not block entries", src: "a: [\n  1,\n  2\n]\n", lim: Limits{MaxEntries: 2}},

		// Anchors and aliases: only where a node starts.
		{name: "alias", src: "a: 1\nb: *x\n", want: "2:4@8: alias *x" + anchorMsg},
		{name: "anchor on a key", src: "&k a: 1\n", want: "1:1@0: anchor &k" + anchorMsg},
		{name: "anchor after a tag", src: "a: !!str &x 1\n", want: "1:10@9: anchor &x" + anchorMsg},
		{name: "alias in a list", src: "- *x\n", want: "1:3@2: alias *x" + anchorMsg},
		{name: "alias in flow", src: "[a, *x]\n", want: "1:5@4: alias *x" + anchorMsg},
		{name: "alias after a flow key", src: "{a: 1, \"b\":*x}\n", want: "1:12@11: alias *x" + anchorMsg},
		{name: "merge key", src: "a:\n  <<: *base\n", want: "2:7@9: alias *base" + anchorMsg},
		{name: "ampersand and star in text", src: "a: R&D\nb: 5 * 3\nc: AT&T *\nd: \"&x *y\"\ne: '*z'\nf: x # &c *d\n"},
		{name: "bullets in a block scalar", src: "a: |\n  * one\n  & two\nb: >-\n  * three\n"},
		{name: "bullets in a list's block scalar", src: "- |\n  * one\n- x\n"},
		{name: "block scalar ends at a less indented line", src: "a: |\n    * one\n  *b\n", want: "3:3@17: alias *b" + anchorMsg},
		{name: "block scalar ends at its parent's column", src: "a: |\n*b\n", want: "2:1@5: alias *b" + anchorMsg},
		{name: "block scalar after a document marker", src: "--- |\n*b\n"},

		// Tabs that goccy keeps or that separate tokens.
		{name: "tabs that are kept", src: "a: \"x\ty\"\nb: 'x\ty'\nc: |\n  x\ty\nd: x\t# c\t\ne: x\t\nf:\tx\ng\t: x\n# \t\n"},
		{name: "tabs in JSON", src: "{\n\t\"a\": [1,\t2],\n\t\"b\": \"x\"\n}\n"},
		{name: "tab before a flow end", src: "[x\t]\n"},

		// Documents: goccy keeps the first and may drop the others unseen.
		{name: "two documents", src: "a: 1\n---\nb: 2\n", want: "2:1@5: more than one YAML document; a profile file holds exactly one"},
		{name: "two markers", src: "# c\n---\n---\nb: 2\n", want: "3:1@8: more than one YAML document; a profile file holds exactly one"},
		{name: "document after an end marker", src: "a: 1\n...\nb: 2\n", want: "3:1@9: more than one YAML document; a profile file holds exactly one"},
		{name: "directive, marker, end marker", src: "%YAML 1.2\n# c\n--- # c\na: 1\n...\n# c\n"},
		{name: "markers in a block scalar", src: "a: |\n  ---\n  ...\n"},
		{name: "marker ends a top-level block scalar", src: "--- |\n*b\n---\n", want: "3:1@9: more than one YAML document; a profile file holds exactly one"},
		{name: "marker-like text", src: "a: 1\n----\n--- x\n", want: "3:1@10: more than one YAML document; a profile file holds exactly one"},

		{name: "empty", src: ""},
		{name: "plain scalars with indicators", src: "a: -5\nb: ?x\nc: :x\nd: x:y\ne: |x\nf: 'it''s'\ng: \"a\\\"b\"\n"},
	}
}

func TestGuard(t *testing.T) {
	for _, tc := range guardCases() {
		t.Run(tc.name, func(t *testing.T) {
			err := Guard([]byte(tc.src), tc.lim)
			got := ""
			if err != nil {
				got = fmt.Sprintf("%d:%d@%d: %s", err.Pos.Line, err.Pos.Column, err.Pos.Offset, err.Msg)
				// The position is the one File.PosAt gives for its offset.
				f := &File{Src: []byte(tc.src), lines: indexLines([]byte(tc.src))}
				if p := f.PosAt(err.Pos.Offset); p != err.Pos {
					t.Errorf("position %+v, but PosAt(%d) = %+v", err.Pos, err.Pos.Offset, p)
				}
			}
			if got != tc.want {
				t.Errorf("Guard:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestGuardExamples checks that the guard accepts every example profile,
// and that their width and depth stay far from the defaults.
func TestGuardExamples(t *testing.T) {
	paths, _ := filepath.Glob("../examples/*.yaml")
	if len(paths) == 0 {
		t.Fatal("no examples")
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := Guard(src, Limits{MaxDepth: 8, MaxEntries: 100}); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
}

func TestLimitsDefaults(t *testing.T) {
	if got := (Limits{}).withDefaults(); got != DefaultLimits {
		t.Errorf("zero limits = %+v, want %+v", got, DefaultLimits)
	}
	if got := (Limits{MaxBytes: -1, MaxDepth: 5}).withDefaults(); got != (Limits{MaxBytes: -1, MaxDepth: 5, MaxEntries: 10000}) {
		t.Errorf("partial limits = %+v", got)
	}
}

// BenchmarkGuardScaling shows that the guard's time grows linearly: each
// input at 80,000 units should take about four times as long as at
// 20,000. (A benchmark, not a timed test: timings fail tests on a loaded
// machine.)
//
//	go test -run '^$' -bench BenchmarkGuardScaling ./profiles
func BenchmarkGuardScaling(b *testing.B) {
	for _, gen := range []struct {
		name string
		fn   func(n int) string
	}{
		{"keys", keys},
		{"brackets", func(n int) string { return strings.Repeat("[", n*5) }},
		{"indentation", func(n int) string {
			var s strings.Builder
			for i := 0; s.Len() < n*5; i++ {
				s.WriteString(strings.Repeat(" ", i%1000) + "k:\n")
			}
			return s.String()
		}},
	} {
		for _, n := range []int{20000, 80000} {
			src := []byte(gen.fn(n))
			b.Run(fmt.Sprintf("%s/%d", gen.name, n), func(b *testing.B) {
				for b.Loop() {
					Guard(src, Limits{MaxBytes: -1, MaxDepth: -1, MaxEntries: -1})
				}
			})
		}
	}
}
