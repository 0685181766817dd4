package profiles

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/goccy/go-yaml/lexer"
)

// fastPathSeeds are documents in the shapes the fast path takes, and near
// misses it must leave to goccy's parser.
var fastPathSeeds = []string{
	"a: 1\nb: [x, \"y\", 'z']\nc: {min: 2, max: 3.5}\nd:\n  - e: true\n    f: null\n  - ~\n",
	"a:\n- 1\n- 2\nb: |\n  text\n  more\nc: >-\n  folded\n  text\n",
	"# comment\na: plain text\n  continued\nb: \"quoted\n  over lines\"\n",
	"a: 010\nb: 0x1F\nc: 1_000\nd: +1\ne: 1e3\nf: .5\ng: True\nh: NULL\ni: -0\n",
	"a:\nb: 1\n", "a: 1\na: 2\n", "a: b: c\n", "a: - b\n", "- - a\n", "a: {b: 1,}\n", "a: [1,]\n",
	"a: &x 1\nb: *x\n", "a: !!str 1\n", "? a\n: b\n", "---\na: 1\n", "a: 1\n---\nb: 2\n", "[a: b]\n",
	"a:\n  b: 1\n c: 2\n", "a:\n  - 1\n  b: 2\n", "1: a\n", "\"a\": 1\n", "a.b: 1\na: {b: 2}\n",
	"a: 1 # c\nb:   'x'  \n", "{a: 1}\n", "[1, [2, {a: 3}]]\n", "x\n", "", "# only\n",
}

// FuzzFastPath checks that where build makes a tree, it is the tree that
// goccy's parser and convert make, and that every other input gets the
// parser's answer, error and all.
func FuzzFastPath(f *testing.F) {
	for _, s := range fastPathSeeds {
		f.Add([]byte(s))
	}
	examples, _ := filepath.Glob("../examples/*.yaml")
	for _, name := range examples {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fast, ferr := parse("x.yaml", data, DefaultLimits, true)
		slow, serr := parse("x.yaml", data, DefaultLimits, false)
		if (ferr == nil) != (serr == nil) || ferr != nil && ferr.Error() != serr.Error() {
			t.Fatalf("fast path error %v, parser's %v", ferr, serr)
		}
		if !reflect.DeepEqual(fast.Root, slow.Root) {
			a, b := strings.Split(dumpTree(fast.Root), "\n"), strings.Split(dumpTree(slow.Root), "\n")
			for i := range min(len(a), len(b)) {
				if a[i] != b[i] {
					t.Fatalf("fast path tree differs at\n%s\nparser's:\n%s", a[i], b[i])
				}
			}
			t.Fatalf("fast path tree differs beyond what dumpTree shows (%d and %d nodes)", len(a), len(b))
		}
	})
}

// The fast path does take the documents it is for: the examples and the
// shapes of the seeds above that goccy parses.
func TestFastPathTakesProfiles(t *testing.T) {
	examples, _ := filepath.Glob("../examples/*.yaml")
	if len(examples) == 0 {
		t.Fatal("no examples")
	}
	for _, name := range examples {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f := &File{Path: name, Src: data}
		f.lines = lineStarts(data)
		if _, err := f.build(lexer.Tokenize(string(data))); err != nil {
			t.Errorf("%s: the fast path gave up", name)
		}
	}
	for _, s := range fastPathSeeds[:3] {
		f := &File{Src: []byte(s), lines: lineStarts([]byte(s))}
		if _, err := f.build(lexer.Tokenize(s)); err != nil && s != fastPathSeeds[2] {
			t.Errorf("%q: the fast path gave up", s)
		}
	}
}

func dumpTree(n *Node) string {
	if n == nil {
		return "<nil>"
	}
	var out string
	n.Walk(func(ptr string, m *Node) {
		out += ptr + " " + m.Kind.String() + " " + m.Style + " " + m.Value + " " + strconv.FormatFloat(m.Num, 'g', -1, 64) +
			" " + strconv.Itoa(len(m.Fields)) + "/" + strconv.Itoa(len(m.Items)) + strconv.FormatBool(m.Fields == nil) + strconv.FormatBool(m.Items == nil) + " @" +
			itoa(m.Pos.Line) + ":" + itoa(m.Pos.Column) + "+" + itoa(m.Pos.Offset) + " end " + itoa(m.End.Line) + ":" + itoa(m.End.Column) + "\n"
	})
	return out
}

func itoa(i int) string { return strconv.Itoa(i) }
