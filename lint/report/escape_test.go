package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

func TestVisible(t *testing.T) {
	for in, want := range map[string]string{
		"plain — text":           "plain — text",
		"\x1b]0;owned\a\x1b[2J":  `\x1b]0;owned\x07\x1b[2J`,
		"tab\tand\nline\r":       `tab\tand\nline\r`,
		"del\x7f c1\u009b":       `del\x7f c1\u009b`,
		"bidi\u202e\u2066\u061c": `bidi\u202e\u2066\u061c`,
		"marks\u200e\u200f":      `marks\u200e\u200f`,
		"bad\xff\xe2\x82":        `bad\xff\xe2\x82`,
	} {
		if got := visible(in, ""); got != want {
			t.Errorf("visible(%q) = %q, want %q", in, got, want)
		}
	}
	if got := visible("a\tb\nc\x1b", "\t\n"); got != "a\tb\nc\\x1b" {
		t.Errorf("visible keeping tab and newline = %q", got)
	}
}

// checkCaret checks that the caret stands under want, the text shown for
// the finding's column.
func checkCaret(t *testing.T, line string, col int, want string) string {
	t.Helper()
	text, caret := excerpt(line, col)
	runes := []rune(text)
	if caret > len(runes) || !strings.HasPrefix(string(runes[caret:]), want) {
		t.Errorf("excerpt(%.40q…, %d): caret %d in %q, not under %q", line, col, caret, text, want)
	}
	if n := utf8.RuneCountInString(text); n > maxExcerpt {
		t.Errorf("excerpt(%.40q…, %d) is %d columns", line, col, n)
	}
	return text
}

func TestExcerpt(t *testing.T) {
	if text, caret := excerpt("title: a — b", 10); text != "title: a — b" || caret != 9 {
		t.Errorf("short line: %q, caret %d", text, caret)
	}
	checkCaret(t, "\tid: x", 2, "id")
	checkCaret(t, "id: \"\x1b[2J\" x", 6, `\x1b`)
	checkCaret(t, "id: \"\x1b[2J\" x", 7, "[2J")
	checkCaret(t, "a\u202eb", 3, "b")
	checkCaret(t, "ab", 5, "") // past the end

	// A long line is cut on the side or sides away from the column.
	long := strings.Repeat("é", 1000) + "X" + strings.Repeat("ü", 1000)
	mid := checkCaret(t, long, 1001, "X")
	if !strings.HasPrefix(mid, "…é") || !strings.HasSuffix(mid, "ü…") {
		t.Errorf("cut in the middle: %q", mid)
	}
	start := checkCaret(t, "X"+long, 1, "X")
	if strings.HasPrefix(start, "…") || !strings.HasSuffix(start, "…") {
		t.Errorf("cut after the start: %q", start)
	}
	end := checkCaret(t, long+"Y", 2002, "Y")
	if !strings.HasPrefix(end, "…") || strings.HasSuffix(end, "…") || !strings.HasSuffix(end, "Y") {
		t.Errorf("cut before the end: %q", end)
	}
	// Escapes and tabs are never cut through.
	esc := strings.Repeat("\x1b\t", 500)
	for col := 1; col <= 1001; col += 37 {
		text := checkCaret(t, esc, col, map[bool]string{true: `\x1b`, false: "    "}[col%2 == 1 && col <= 1000])
		body := strings.Trim(text, "…")
		if strings.Trim(strings.ReplaceAll(body, `\x1b`, ""), " ") != "" || strings.Count(body, " ")%4 != 0 {
			t.Errorf("col %d: an escape or tab was cut: %q", col, text)
		}
	}
}

// hostile is a result whose file name, messages, related places, diff and
// source line hold terminal escapes, C1 controls, bidirectional overrides
// and invalid UTF-8, and whose source line is long.
func hostile(t *testing.T) *lint.Result {
	t.Helper()
	const bad = "\x1b]0;owned\a\x1b[2J\u009b31m\u202eevil\u2066\x7f\xff"
	name := "profiles/" + bad + ".yaml"
	src := "id: \"" + bad + "\"\ntitle: " + strings.Repeat("long ", 30000) + bad + "\n"
	file := profiles.Unparsed(name, []byte(src), profiles.DefaultLimits)
	f := lint.Finding{
		Rule: "filename-id", Severity: lint.Error, File: name, Line: 1, Column: 5, Pointer: "/id",
		Message: fmt.Sprintf("the file is named %q, its id says %s", name, bad),
		Related: []lint.Place{{File: name, Line: 2, Column: 150008, Message: "here " + bad}},
		Fixes:   []lint.Fix{{Message: "rename " + bad}},
		Diff: &lint.Diff{
			Words:   []lint.DiffOp{{Op: "delete", Text: bad}, {Op: "insert", Text: "x"}},
			Unified: "-id: " + bad + "\n+id: x\n",
		},
	}
	g := f
	g.Line, g.Column, g.Severity, g.Rule = 2, 150008, lint.Warning, "rule"+bad
	h := f
	h.Suppressed = &lint.Suppression{Reason: "because " + bad, Line: 1}
	return &lint.Result{
		Files: 1, Findings: []lint.Finding{f, g, h}, Paths: []string{name},
		Sources: map[string]*profiles.File{name: file},
		Errors:  []error{fmt.Errorf("%s: unreadable", name)},
	}
}

// checkOutput checks what every format owes a reader of hostile input:
// no raw control, C1 or bidirectional character (but the layout's
// newlines and tabs), valid XML and JSON where the format is.
func checkOutput(t *testing.T, format string, out []byte) {
	t.Helper()
	for i := 0; i < len(out); {
		r, size := utf8.DecodeRune(out[i:])
		if r == utf8.RuneError && size == 1 {
			t.Fatalf("%s: invalid UTF-8 at byte %d: %q", format, i, out[max(0, i-20):min(len(out), i+20)])
		}
		if unsafeRune(r) && r != '\n' && r != '\t' {
			t.Fatalf("%s: raw %U at byte %d: %q", format, r, i, out[max(0, i-20):min(len(out), i+20)])
		}
		i += size
	}
	switch format {
	case "junit", "checkstyle":
		dec := xml.NewDecoder(bytes.NewReader(out))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", format, err)
			}
		}
	case "json", "sarif", "gitlab", "rdjson":
		if !json.Valid(out) {
			t.Fatalf("%s is not valid JSON:\n%s", format, out)
		}
	case "html":
		checkHTML(t, out)
	}
}

func TestHostileOutput(t *testing.T) {
	res := hostile(t)
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			out := render(t, format, res, testOptions())
			checkOutput(t, format, out)
			if n := len(out); n > 20000 {
				t.Errorf("%d bytes of output for three findings", n)
			}
			switch format {
			case "json", "sarif", "gitlab", "rdjson":
				// The machine formats keep the text: escaped, it decodes
				// to the same message.
				var doc any
				if err := json.Unmarshal(out, &doc); err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(fmt.Sprint(doc), "\u202eevil\u2066\x7f") {
					t.Errorf("%s lost the message's text", format)
				}
			default:
				if !bytes.Contains(out, []byte(`\x1b]0;owned\x07\x1b[2J\u009b31m\u202eevil\u2066\x7f\xff`)) {
					t.Errorf("%s does not show the escapes:\n%s", format, out)
				}
			}
		})
	}
}

// The source line of a long line is shown cut for each finding, with the
// caret under the finding's column.
func TestTextLongLine(t *testing.T) {
	res := hostile(t)
	out := string(render(t, "text", res, Options{}))
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "profiles/") && strings.Contains(l, ":2:150008:") {
			text, caret := lines[i+1][2:], lines[i+2][2:]
			at := utf8.RuneCountInString(caret) - 1
			if rest := string([]rune(text)[at:]); !strings.HasPrefix(rest, `\x1b]0;owned`) {
				t.Errorf("caret under %.10q of %q", rest, text)
			}
			return
		}
	}
	t.Fatalf("no finding on line 2:\n%s", out)
}

// sourceExcerpt reads only part of a line, and shows what excerpt shows
// of the whole line, wherever the column.
func TestSourceExcerpt(t *testing.T) {
	src := strings.Repeat("a\tb\x1bcé\u202e", 150) + "\r\n" + strings.Repeat("é", 50) + "\r\nend"
	f := profiles.Unparsed("x", []byte(src), profiles.DefaultLimits)
	for n := 1; n <= f.Lines()+1; n++ {
		line := f.Line(n)
		for col := 1; col <= utf8.RuneCountInString(line)+300; col++ {
			text, caret := excerpt(line, col)
			if got, gotCaret := sourceExcerpt(f, n, col); got != text || gotCaret != caret {
				t.Fatalf("line %d, column %d: %q, caret %d; want %q, caret %d", n, col, got, gotCaret, text, caret)
			}
		}
	}
}
