package profiles

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// fastPathTaken are documents in the shapes the fast path takes;
// fastPathRefused are near misses it must leave to goccy's parser.
var (
	fastPathTaken = []string{
		"a: 1\nb: [x, \"y\", 'z']\nc: {min: 2, max: 3.5}\nd:\n  - e: true\n    f: null\n  - ~\n",
		"a:\n- 1\n- 2\nb: |\n  text\n  more\nc: >-\n  folded\n  text\n",
		"# comment\na: plain text\n  continued\nb: \"quoted\n  over lines\"\n",
		"a: 010\nb: 0x1F\nc: 1_000\nd: +1\ne: 1e3\ng: True\nh: NULL\ni: -0\n",
		"a: 1 # c\nb:   'x'  \n", "a: .5\n", "{a: 1}\n", "[1, [2, {a: 3}]]\n", "x\n",
		// Empty block scalars: the next key must not become their text.
		"a: |\nb: 1\n", "a: >-\nb: x\n", "a: |\n\nb: 1\n", "- |\n- x\n", "a:\n  - |\n  - b\n",
	}
	fastPathRefused = []string{
		"a:\nb: 1\n", "a: 1\na: 2\n", "a: b: c\n", "a: - b\n", "- - a\n", "a: {b: 1,}\n", "a: [1,]\n",
		"a: &x 1\nb: *x\n", "a: !!str 1\n", "? a\n: b\n", "--- a: 1\n", " ---\na: 1\n", "a: 1\n---\nb: 2\n", "---\n", "[a: b]\n",
		"a:\n  b: 1\n c: 2\n", "a:\n  - 1\n  b: 2\n", "1: a\n", "\"a\": 1\n", "a.b: 1\na: {b: 2}\n",
		"a: |+\n\nb: 1\n", "", "# only\n",
	}
)

// FuzzFastPath checks that where build makes a tree, it is the tree that
// goccy's parser and convert make, and that every other input gets the
// parser's answer, error and all.
func FuzzFastPath(f *testing.F) {
	for _, s := range append(slices.Clone(fastPathTaken), fastPathRefused...) {
		f.Add([]byte(s))
	}
	examples, _ := filepath.Glob("../examples/*.yaml")
	for _, name := range examples {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(checkFastPath)
}

// checkFastPath parses data with and without the fast path and fails
// unless both give the same tree or the same error.
func checkFastPath(t *testing.T, data []byte) {
	fast, ferr := parse("x.yaml", data, DefaultLimits, true)
	slow, serr := parse("x.yaml", data, DefaultLimits, false)
	if (ferr == nil) != (serr == nil) || ferr != nil && ferr.Error() != serr.Error() {
		t.Fatalf("%q: fast path error %v, parser's %v", data, ferr, serr)
	}
	if !reflect.DeepEqual(fast.Root, slow.Root) {
		a, b := strings.Split(dumpTree(fast.Root), "\n"), strings.Split(dumpTree(slow.Root), "\n")
		for i := range min(len(a), len(b)) {
			if a[i] != b[i] {
				t.Fatalf("%q: fast path tree differs at\n%s\nparser's:\n%s", data, a[i], b[i])
			}
		}
		t.Fatalf("%q: fast path tree differs beyond what dumpTree shows (%d and %d nodes)", data, len(a), len(b))
	}
}

// Parsing takes the fast path for the documents it is for (the examples
// and fastPathTaken), and only for them.
func TestFastPathTakesProfiles(t *testing.T) {
	examples, _ := filepath.Glob("../examples/*.yaml")
	if len(examples) == 0 {
		t.Fatal("no examples")
	}
	takes := func(name string, data []byte) bool {
		f, _ := Parse(name, data)
		return f.fromTokens
	}
	for _, name := range examples {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !takes(name, data) {
			t.Errorf("%s: the fast path gave up", name)
		}
	}
	for _, s := range fastPathTaken {
		if !takes("x.yaml", []byte(s)) {
			t.Errorf("%q: the fast path gave up", s)
		}
	}
	for _, s := range fastPathRefused {
		if takes("x.yaml", []byte(s)) {
			t.Errorf("%q: the fast path took it", s)
		}
	}
}

// The lexer never sees the body of a block scalar of the shape authors
// wrap their texts in, nor a quoted text alone on its line (mask.go), and
// sees those of every other shape.
func TestMaskScalars(t *testing.T) {
	for _, tc := range []struct {
		text   string
		masked string
		values []string
	}{
		{"a: >-\n  one\n  two\nb: |\n  x\n\n", "a: xx\n\n\nb: x\n\n\n", []string{"one two", "x\n"}},
		{"- k: |-  # c\n    é\n- >\n  y\n", "- k: xx  # c\n\n- x\n\n", []string{"é", "y\n"}},
		{"a: \"x: y\"  \n- 'é #'\nb: |\n  z\n", "a: x\n- x\nb: x\n\n", []string{"x: y", "é #", "z\n"}},
		{"a: \"x\\ty\"\nb: 'it''s'\nc: \"x\" # c\nd: \" x\"\ne: \"\"\n\"f\": \"g\"\n", "", nil}, // escapes, comments, spaces, keys
		{"a: >-\n  p1\n\n  p2\n", "", nil},                                     // two paragraphs
		{"a: |\n  x\n    deeper\n", "", nil},                                   // a more-indented line
		{"a: |+\n  x\n", "", nil},                                              // keep
		{"a: |2\n   x\n", "", nil},                                             // an indentation indicator
		{"a: >-\n  x \n", "", nil},                                             // a trailing space
		{"a: >-\n  x\n   \nb: 1\n", "", nil},                                   // a line of spaces
		{"a: >-\n  x", "", nil},                                                // no last line break
		{"a: \"t\n  b: >-\n    x\"\n", "a: \"t\n  b: xx\n\n", []string{"x\""}}, // masked, then refused by build
	} {
		lexed, masked := maskScalars([]byte(tc.text))
		if tc.masked == "" {
			if masked != nil || string(lexed) != tc.text {
				t.Errorf("%q: masked as %q", tc.text, lexed)
			}
			continue
		}
		var values []string
		for line := 1; line <= strings.Count(tc.text, "\n")+1; line++ {
			if b, ok := masked[line]; ok {
				values = append(values, b.value)
			}
		}
		if string(lexed) != tc.masked || !slices.Equal(values, tc.values) {
			t.Errorf("%q: masked as %q with %q, want %q with %q", tc.text, lexed, values, tc.masked, tc.values)
		}
	}
	f, err := Parse("x.yaml", []byte("a: \"t\n  b: >-\n    x\"\n"))
	if err != nil || f.fromTokens || f.Root.Get("a").Value != "t b: >- x" {
		t.Errorf("a header inside a quoted text: %v, fast path %v", err, f.fromTokens)
	}
}

func dumpTree(n *Node) string {
	if n == nil {
		return "<nil>"
	}
	var out string
	n.Walk(func(ptr string, m *Node) {
		out += ptr + " " + m.Kind.String() + " " + m.Style.String() + " " + m.Value + " " + strconv.FormatFloat(m.Num, 'g', -1, 64) +
			" " + strconv.Itoa(len(m.Fields)) + "/" + strconv.Itoa(len(m.Items)) + strconv.FormatBool(m.Fields == nil) + strconv.FormatBool(m.Items == nil) + " @" +
			itoa(m.Pos.Line) + ":" + itoa(m.Pos.Column) + "+" + itoa(m.Pos.Offset) + " end " + itoa(m.End.Line) + ":" + itoa(m.End.Column) + "\n"
	})
	return out
}

func itoa(i int) string { return strconv.Itoa(i) }

// FuzzFastPathShapes writes documents from the fuzzer's bytes in the shapes
// the fast path takes (block and flow collections, scalars of every kind,
// comments), with the bytes also bending the layout (indentation, spaces,
// line breaks), and checks the fast path against the parser on each.
func FuzzFastPathShapes(f *testing.F) {
	f.Add([]byte("seed"))
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
	f.Add([]byte("\xff\xfe\x80\x7f\x00\x10\x20\x30\x40\x50"))
	f.Fuzz(func(t *testing.T, seed []byte) {
		checkFastPath(t, []byte(shapeDoc(seed)))
	})
}

// shapeDoc writes a document driven by seed; the same seed, the same text.
func shapeDoc(seed []byte) string {
	i := 0
	next := func(n int) int {
		if len(seed) == 0 {
			return 0
		}
		v := int(seed[i%len(seed)]) + i/len(seed)
		i++
		return v % n
	}
	scalars := []string{"plain text", "\"double \\\" quoted\"", "'single ''quoted'''", "12", "-3", "0", "1.5", "true", "false",
		"null", "~", "010", "0x1F", "1e3", "True", "yes", "a: b", "x # comment", "\"\"", "''", "é ü", "-", "--", "a-b", "[]", "{}",
		"\"multi\n  line\"", "plain\n  continued", "|\n  literal\n  text", ">-\n  folded\n  text", "|2\n   indented", "&a x", "*a", "!!str 1",
		">\n  folded é\n  clip\n", "|-\n  - a: b\n  # not a comment", ">-\n  a\n\n  b", "|\n  a\n    b", ">-\n   deep\n  less",
		"|-  # c\n  x", ">-\n  \"q\n  'r", "|\n  x\n\n\n", ">-\n  x \n  y", ">-\n  ---\n  ..."}
	keys := []string{"a", "b", "key", "a_b", "a-b", "1", "\"q\"", "'s'", "x y", "a.b", "true", "null", "b"}
	var sb strings.Builder
	var value func(indent, depth int)
	// Mostly what the fast path takes, now and then what it must refuse.
	serial := 0
	key := func() string {
		if next(8) == 0 {
			return keys[next(len(keys))]
		}
		serial++
		return "k" + strconv.Itoa(serial)
	}
	scalar := func() string {
		if next(5) == 0 {
			return scalars[next(len(scalars))]
		}
		return scalars[next(11)]
	}
	space := func() string {
		if next(20) == 0 {
			return []string{"", "  ", "\t"}[next(3)]
		}
		return " "
	}
	nl := func() {
		switch next(8) {
		case 0:
			sb.WriteString(" # c")
		case 1:
			sb.WriteString("  ")
		}
		sb.WriteString("\n")
		if next(10) == 0 {
			sb.WriteString("# line comment\n")
		}
	}
	pad := func(indent int) {
		n := indent
		if next(20) == 0 {
			n += []int{1, -1}[next(2)]
		}
		sb.WriteString(strings.Repeat(" ", max(n, 0)))
	}
	flow := func(depth int) {}
	flow = func(depth int) {
		if next(2) == 0 || depth > 2 {
			sb.WriteString("[")
			for k := range next(4) {
				if k > 0 {
					sb.WriteString("," + space())
				}
				if next(4) == 0 && depth < 3 {
					flow(depth + 1)
				} else {
					sb.WriteString(scalar())
				}
			}
			sb.WriteString([]string{"]", "]", "]", "]", "]", "]", "]", "]", "]", ",]"}[next(10)])
			return
		}
		sb.WriteString("{")
		for k := range next(4) {
			if k > 0 {
				sb.WriteString("," + space())
			}
			sb.WriteString(key() + ":" + space())
			if next(4) == 0 && depth < 3 {
				flow(depth + 1)
			} else {
				sb.WriteString(scalar())
			}
		}
		sb.WriteString([]string{"}", "}", "}", "}", "}", "}", "}", "}", "}", ",}"}[next(10)])
	}
	value = func(indent, depth int) {
		switch k := next(6); {
		case depth > 1 || k < 2:
			sb.WriteString(space())
			if next(5) == 0 {
				flow(0)
			} else {
				s := scalar()
				sb.WriteString(strings.ReplaceAll(s, "\n", "\n"+strings.Repeat(" ", indent)))
			}
			nl()
		case k < 4: // a block mapping below
			nl()
			in := indent + 2 + next(2)
			for range 1 + next(2) {
				pad(in)
				sb.WriteString(key() + ":")
				value(in, depth+1)
			}
		default: // a block sequence below, at the key's column or deeper
			nl()
			in := indent + []int{0, 2, 2, 4}[next(4)]
			for range 1 + next(2) {
				pad(in)
				sb.WriteString("-")
				if next(3) == 0 {
					sb.WriteString(" " + key() + ":")
					value(in+2, depth+1)
				} else {
					value(in, depth+1)
				}
			}
		}
	}
	if next(12) == 0 {
		sb.WriteString("---\n")
	}
	for range 1 + next(4) {
		pad(0)
		sb.WriteString(key() + ":")
		value(0, 0)
	}
	return sb.String()
}
