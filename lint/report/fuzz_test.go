package report

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// FuzzPrinters feeds every printer a finding whose message, path, rule,
// reason and source line are the fuzzer's, the line repeated up to about
// 64 KB: checkOutput holds for every format, and the output grows with
// the message and path, never with the source line.
func FuzzPrinters(f *testing.F) {
	f.Add("id \x1b]0;owned\a\x1b[2J", "a\u202e.yaml", "rule", "id: \"\x1b]0;owned\a\"\n", uint16(5), uint8(1))
	f.Add("\u009b31m\xff", "p/\x00.yaml", "r\n", "\t\u2066x\u2069\r\n", uint16(3), uint8(200))
	f.Fuzz(func(t *testing.T, msg, path, rule, src string, col uint16, repeat uint8) {
		if len(src) > 256 {
			return
		}
		line := strings.Repeat(src, int(repeat)+1)
		file := profiles.Unparsed(path, []byte(line), profiles.DefaultLimits)
		fnd := lint.Finding{
			Rule: rule, Severity: lint.Warning, File: path, Pointer: "/" + msg,
			Line: 1, Column: int(col) + 1, EndLine: 1, EndColumn: int(col) + 2,
			Message: msg,
			Related: []lint.Place{{File: path, Line: file.Lines(), Column: 1, Message: msg}},
			Diff:    &lint.Diff{Words: []lint.DiffOp{{Op: "delete", Text: msg}}, Unified: "-" + src + "\n+" + msg + "\n"},
		}
		sup := fnd
		sup.Suppressed = &lint.Suppression{Reason: msg, Line: 1}
		res := &lint.Result{
			Files: 1, Paths: []string{path}, Findings: []lint.Finding{fnd, sup},
			Sources: map[string]*profiles.File{path: file},
		}
		// Paths go through the repository prefix, as in a run from a
		// subfolder.
		opt := Options{Version: "fuzz", Rules: []*lint.Rule{{ID: rule, Summary: msg}}, Prefix: "hr/ladders", Root: "/repo"}
		// Every input byte may become a six-byte escape, and each is
		// printed a few times per finding; the source line once, cut.
		bound := 64*(len(msg)+len(path)+len(rule)+len(src)) + 8*maxExcerpt*6 + 16<<10
		for _, format := range Formats {
			out := render(t, format, res, opt)
			checkOutput(t, format, out)
			if len(out) > bound {
				t.Fatalf("%s: %d bytes of output, over %d", format, len(out), bound)
			}
			if format == "markdown" && utf8.RuneCount(out) > MarkdownLimit {
				t.Fatalf("markdown: %d characters, over a comment's %d", utf8.RuneCount(out), MarkdownLimit)
			}
		}
	})
}

// FuzzDecodePage reads anything as a kept page (a damaged cache): it
// fails or gives a page that reads back the same through encode, and
// never panics.
func FuzzDecodePage(f *testing.F) {
	if tree, err := profiles.Parse(ladderName, []byte(ladderSrc)); err == nil {
		f.Add(readPage(ladderName, tree, false).encode())
		f.Add(readPage(ladderName, tree, true).encode())
	}
	f.Add(readPage("bad.yaml", nil, false).encode())
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := decodePage("f.yaml", b)
		if err != nil {
			return
		}
		q, err := decodePage("f.yaml", p.encode())
		if err != nil {
			t.Fatalf("a decoded page does not read back: %v", err)
		}
		if !reflect.DeepEqual(p, q) {
			t.Fatalf("read back:\n got %+v\nwant %+v", q, p)
		}
	})
}
