package profiles

import (
	"reflect"
	"strings"
	"testing"

	"github.com/goccy/go-yaml/token"
)

// directContexts are the places FuzzDirectScalars writes its text in: the
// value of a key, an item, flow entries, inside quotes, a key, after
// "---", and beside comments and block scalars.
var directContexts = []string{
	"a: %s\n", "a: %s # c\nb: 1\n", "- %s\n- x\n", "a:\n  - %s\n  - k: %s\n", "a: [%s, x]\n", "a: {b: %s, c: 1}\n",
	"a: \"%s\"\n", "a: '%s'\n", "a: [\"%s\"]\n", "%s: 1\n", "a:\n  %s: 1\n", "---\n%s: x\n", "# c\n---\na: %s\n",
	"a: >-\n  %s\nb: %s\n", "- k: |\n    %s\n  l: %s\n", "a: {%s: 1}\n", "a:\n  %s\n",
}

// directSeeds are texts near the edges of what the direct path reads.
var directSeeds = []string{
	"plain text", "x", "12", "0", "-1", "1.5", "1e3", "0x1F", "010", "1_000", "true", "True", "yes", "null", "NULL", "~",
	"team's work", "a, b", "a; b (c)", "a/b & c", "50% more", "a = b", "a@b", "é ü", "Engineering — P5", "a:b", "a: b",
	"a #b", "a# b", "x ", " x", "[x]", "{x}", "\\u0026", "a \\u0026 b", "a \\\" b", "a \\\\ b", "\\n", "\\u00e9", "\\ud800",
	"\\u0020", "\\u2028", "''", "it''s", "\"", "'", "-", "- x", "? x", "! x", "& x", "* x", "| x", "> x", "%x", "@x", "`x",
	"P7", "F", "n", "nul", "Null", "on", "1:2", "12 years", ".5", ".inf", "--- x", "...", "a\\tb", "A-B_C.D",
}

func FuzzDirectScalars(f *testing.F) {
	for _, s := range directSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsAny(s, "\n\r") || len(s) > 200 {
			return
		}
		for _, c := range directContexts {
			doc := []byte(strings.ReplaceAll(c, "%s", s))
			checkFastPath(t, doc)
			checkDirect(t, doc)
		}
	})
}

// checkDirect fails unless the direct path and the path through goccy's
// tokens give the same tree or the same error.
func checkDirect(t *testing.T, data []byte) {
	d, derr := parseVia("x.yaml", data, DefaultLimits, true, true)
	tk, terr := parseVia("x.yaml", data, DefaultLimits, true, false)
	if (derr == nil) != (terr == nil) || derr != nil && derr.Error() != terr.Error() {
		t.Fatalf("%q: direct path error %v, tokens' %v", data, derr, terr)
	}
	if !reflect.DeepEqual(d.Root, tk.Root) {
		t.Fatalf("%q: direct path tree\n%s\ntokens':\n%s", data, dumpTree(d.Root), dumpTree(tk.Root))
	}
}

// The direct path reads the documents of its subset, and leaves the rest
// to goccy's lexer.
func TestDirectTakes(t *testing.T) {
	for _, tc := range []struct {
		doc  string
		took bool
	}{
		{"a: 1\nb: [x, \"y\", 'z']\nc: {min: 2, max: 3.5}\nd:\n  - e: true\n    f: null\n", true},
		{"# c\n---\na: >-\n  one\n  two\nb:\n- |\n  x\n- k: \"\\u0026\" # c\n", true},
		{"a: plain text\n  continued\n", false},
		{"a: \"x\\ty\"\n", false},
		{"a:\tb\n", false},
		{"a: 1\r\n", false},
		{"a: &x 1\n", false},
		{"a: b: c\n", false},
		{"a:\n", false},
		{"a: [1,]\n", false},
		{"a: [x,\n  y]\n", false},
		{"--- a: 1\n", false},
		{"\"a\": 1\n", false},
		{"true: 1\n", false},
	} {
		f, err := parseVia("x.yaml", []byte(tc.doc), DefaultLimits, true, true)
		if f.direct != tc.took {
			t.Errorf("%q: direct path took it: %v, want %v (error %v)", tc.doc, f.direct, tc.took, err)
		}
		checkFastPath(t, []byte(tc.doc))
		checkDirect(t, []byte(tc.doc))
	}
}

// reservedWord is token.New's reading of words that start with a letter,
// in every capitalisation of the words YAML 1.1 and 1.2 reserve.
func TestReservedWords(t *testing.T) {
	for _, w := range []string{"null", "true", "false", "yes", "no", "on", "off", "y", "n", "nan", "inf", "nil", "none"} {
		for mask := 0; mask < 1<<len(w); mask++ {
			b := []byte(w)
			for i := range b {
				if mask&(1<<i) != 0 {
					b[i] -= 'a' - 'A'
				}
			}
			want := token.New(string(b), string(b), &token.Position{}).Type != token.StringType
			if got := reservedWord(b); got != want {
				t.Errorf("reservedWord(%q) = %v, token.New says %v", b, got, want)
			}
		}
	}
}
