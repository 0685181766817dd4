package profiles

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// suiteDir is the shared copy of the YAML test suite's data branch
// (../shared/data/README.md), next to the repository.
var suiteDir = filepath.Join("..", "..", "shared", "data", "yaml-test-suite")

// Why a valid suite case is refused on purpose. Each reason is one of the
// refusals that docs/decisions.md lists.
const (
	whyAnchor = "anchors and aliases"
	whyDocs   = "more than one document"
	whyEmpty  = "no document"
	whyKey    = "a key that is not a scalar"

	// goccy/go-yaml v1.19.2 refuses these, and Parse cannot read them
	// past it (docs/decisions.md, "goccy's bugs").
	goccyEmptyKey  = "goccy refuses an empty implicit key (\": a\")"
	goccyFlowColon = "goccy refuses a flow mapping's \":\" on the line after its key"
	goccyTabLine   = "goccy refuses a line of only a tab inside a block mapping"
	goccyEmptyTag  = "goccy refuses a tag on an empty value (\"- !!str\")"
)

// suiteRefusal is what the message of each refusal says, where Parse
// itself refuses (for the others goccy does, with its own words).
var suiteRefusal = map[string]string{
	whyAnchor: "not allowed in a profile",
	whyDocs:   "more than one YAML document",
	whyEmpty:  "the file holds no document",
}

// suiteMisread lists the valid cases that Parse accepts with a value other
// than in.json's because goccy reads them so. A listed case whose value
// comes out right fails the test.
var suiteMisread = map[string]string{
	"L24T/01": "goccy drops the last line break of a literal block scalar whose last line is spaces at the end of the file",
}

// suiteRefused lists the valid cases that Parse refuses on purpose, with
// why. A case listed here must be refused: one that Parse comes to accept
// fails the test, so that the list stays as short as the truth.
var suiteRefused = map[string]string{
	"26DV":    whyAnchor,
	"2JQS":    goccyEmptyKey,
	"2SXE":    whyAnchor,
	"35KP":    whyDocs,
	"3GZX":    whyAnchor,
	"3MYT":    whyAnchor,
	"3R3P":    whyAnchor,
	"4FJ6":    whyKey,
	"4MUZ/02": goccyFlowColon,
	"5TYM":    whyDocs,
	"6BFJ":    whyAnchor,
	"6KGN":    whyAnchor,
	"6M2F":    whyAnchor,
	"6PBE":    whyKey,
	"6WLZ":    whyDocs,
	"6XDY":    whyDocs,
	"6ZKB":    whyDocs,
	"7BMT":    whyAnchor,
	"7BUB":    whyAnchor,
	"7Z25":    whyDocs,
	"8G76":    whyEmpty,
	"8XYN":    whyAnchor,
	"98YD":    whyEmpty,
	"9DXL":    whyDocs,
	"9KAX":    whyAnchor,
	"9MMW":    whyKey,
	"9WXW":    whyDocs,
	"AVM7":    whyEmpty,
	"BU8L":    whyAnchor,
	"C4HZ":    whyAnchor,
	"CFD4":    goccyEmptyKey,
	"CN3R":    whyAnchor,
	"CUP7":    whyAnchor,
	"DK95/04": goccyTabLine,
	"DK95/07": whyEmpty,
	"E76Z":    whyAnchor,
	"F2C7":    whyAnchor,
	"FH7J":    goccyEmptyTag,
	"FRK4":    goccyEmptyKey,
	"FTA2":    whyAnchor,
	"HMQ5":    whyAnchor,
	"HWV9":    whyEmpty,
	"JHB9":    whyDocs,
	"JS2J":    whyAnchor,
	"KK5P":    whyKey,
	"KSS4":    whyDocs,
	"L383":    whyDocs,
	"LE5A":    whyAnchor,
	"LX3P":    whyKey,
	"M2N8/00": whyKey,
	"M2N8/01": whyKey,
	"M5DY":    whyKey,
	"M7A3":    whyDocs,
	"MUS6/02": whyEmpty,
	"MUS6/03": whyEmpty,
	"MUS6/04": whyEmpty,
	"MUS6/05": whyEmpty,
	"MUS6/06": whyEmpty,
	"NHX8":    goccyEmptyKey,
	"NKF9":    whyDocs,
	"PUW8":    whyDocs,
	"PW8X":    whyAnchor,
	"Q9WF":    whyKey,
	"QT73":    whyEmpty,
	"RZP5":    whyAnchor,
	"RZT7":    whyDocs,
	"S3PD":    goccyEmptyKey,
	"SBG9":    whyKey,
	"SKE5":    whyAnchor,
	"SM9W/01": goccyEmptyKey,
	"U3XV":    whyAnchor,
	"U9NS":    whyDocs,
	"UGM3":    whyAnchor,
	"UKK6/00": goccyEmptyKey,
	"UT92":    whyDocs,
	"V55R":    whyAnchor,
	"V9D5":    whyKey,
	"VJP3/01": goccyFlowColon,
	"W4TN":    whyDocs,
	"W5VH":    whyAnchor,
	"X38W":    whyAnchor,
	"XW4D":    whyAnchor,
	"Y2GN":    whyAnchor,
	"ZH7C":    whyAnchor,
	"ZWK4":    whyAnchor,
}

// suiteCase is one case of the suite: a folder with an in.yaml.
type suiteCase struct {
	id, dir string
}

func suiteCases(t *testing.T) []suiteCase {
	entries, err := os.ReadDir(suiteDir)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("the YAML test suite is not at %s (see ../shared/data/README.md)", suiteDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	var cases []suiteCase
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join(suiteDir, e.Name())
		if _, err := os.Stat(filepath.Join(dir, "in.yaml")); err == nil {
			cases = append(cases, suiteCase{e.Name(), dir})
			continue
		}
		subs, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range subs {
			sub := filepath.Join(dir, s.Name())
			if _, err := os.Stat(filepath.Join(sub, "in.yaml")); err == nil {
				cases = append(cases, suiteCase{e.Name() + "/" + s.Name(), sub})
			}
		}
	}
	sort.Slice(cases, func(i, j int) bool { return cases[i].id < cases[j].id })
	return cases
}

// TestYAMLSuite runs Parse on every case of the YAML test suite: invalid
// cases must be refused, valid ones accepted (but for suiteRefused) with
// the value of in.json and every scalar placed at its text.
func TestYAMLSuite(t *testing.T) {
	cases := suiteCases(t)
	if len(cases) < 300 {
		t.Fatalf("found %d cases in %s, want the suite's 402", len(cases), suiteDir)
	}
	var accepted, refused, onPurpose, misread, wrong int
	for _, c := range cases {
		src, err := os.ReadFile(filepath.Join(c.dir, "in.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		var problems []string
		fail := func(format string, args ...any) {
			problems = append(problems, fmt.Sprintf(format, args...))
		}
		_, statErr := os.Stat(filepath.Join(c.dir, "error"))
		invalid := statErr == nil
		why, listed := suiteRefused[c.id]
		f, perr := Parse("in.yaml", src)
		var se *SyntaxError
		if perr != nil && !errors.As(perr, &se) {
			fail("Parse returns %T, not a *SyntaxError: %v", perr, perr)
		}
		switch {
		case listed && invalid:
			fail("listed as refused on purpose (%s), but the case is invalid anyway", why)
		case listed && perr == nil:
			fail("listed as refused on purpose (%s), but Parse accepts it", why)
		case listed && !strings.Contains(perr.Error(), suiteRefusal[why]):
			fail("listed as refused on purpose (%s), but Parse refuses it for something else: %v", why, perr)
		case listed:
			onPurpose++
		case invalid && perr == nil:
			fail("invalid, but Parse accepts it")
		case invalid:
			refused++
		case perr != nil:
			fail("valid, but Parse refuses it: %v", perr)
		default:
			msg := checkSuiteValue(c.dir, f)
			if why, ok := suiteMisread[c.id]; ok {
				if msg == "" {
					fail("listed as misread (%s), but the value is right", why)
				}
				msg = ""
				misread++
			}
			if msg != "" {
				fail("%s", msg)
			}
			if msg := checkSuitePositions(f); msg != "" {
				fail("%s", msg)
			}
			if len(problems) == 0 && suiteMisread[c.id] == "" {
				accepted++
			}
		}
		if len(problems) > 0 {
			wrong++
			name, _ := os.ReadFile(filepath.Join(c.dir, "==="))
			t.Errorf("%s (%s): %s\n%s", c.id, strings.TrimSpace(string(name)), strings.Join(problems, "\n"), indent(src))
		}
	}
	t.Logf("%d cases: %d valid accepted with their value, %d invalid refused, %d valid refused on purpose, %d misread as listed, %d wrong",
		len(cases), accepted, refused, onPurpose, misread, wrong)
}

func indent(src []byte) string {
	return "\t| " + strings.ReplaceAll(strings.TrimSuffix(string(src), "\n"), "\n", "\n\t| ")
}

// checkSuiteValue compares the tree's value with in.json's.
func checkSuiteValue(dir string, f *File) string {
	data, err := os.ReadFile(filepath.Join(dir, "in.json"))
	if errors.Is(err, os.ErrNotExist) {
		return "" // the suite gives no value for some cases
	}
	if err != nil {
		return err.Error()
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var want any
	if err := dec.Decode(&want); err != nil {
		return fmt.Sprintf("in.json: %v", err)
	}
	var more any
	if err := dec.Decode(&more); err != io.EOF {
		return "in.json holds more than one document, and Parse accepts only one"
	}
	got := f.Root.Interface()
	if !sameValue(got, want) {
		g, _ := json.Marshal(got)
		return fmt.Sprintf("value\n got %s\nwant %s", g, bytes.TrimSpace(data))
	}
	return ""
}

// sameValue compares a value of Node.Interface with one decoded by
// encoding/json with UseNumber; numbers compare by value.
func sameValue(got, want any) bool {
	switch w := want.(type) {
	case json.Number:
		var g *big.Float
		switch v := got.(type) {
		case int64:
			g = new(big.Float).SetInt64(v)
		case float64:
			g = big.NewFloat(v)
		default:
			return false
		}
		wf, ok := new(big.Float).SetString(w.String())
		if !ok {
			return false
		}
		// A float64 holds a decimal only to its precision.
		gf, _ := g.Float64()
		wv, _ := wf.Float64()
		return gf == wv
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok || len(g) != len(w) {
			return false
		}
		for k, wv := range w {
			gv, ok := g[k]
			if !ok || !sameValue(gv, wv) {
				return false
			}
		}
		return true
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return false
		}
		for i := range w {
			if !sameValue(g[i], w[i]) {
				return false
			}
		}
		return true
	}
	return got == want
}

// checkSuitePositions checks that every node's position is consistent
// (line and column name the byte at Offset, within a line) and that every
// scalar, key or value, starts at its text: the byte at its offset opens
// the scalar's token, a quote, a block indicator or a plain scalar's first
// character, never a tag or white space.
func checkSuitePositions(f *File) string {
	var msgs []string
	var visit func(what string, n *Node)
	visit = func(what string, n *Node) {
		if msg := checkNodePos(f, n); msg != "" {
			msgs = append(msgs, fmt.Sprintf("%s %s at %d:%d: %s", what, n.Kind, n.Pos.Line, n.Pos.Column, msg))
		}
		for _, fl := range n.Fields {
			visit(fmt.Sprintf("key %q", fl.Key.Value), fl.Key)
			visit(fmt.Sprintf("value of %q", fl.Key.Value), fl.Value)
		}
		for i, it := range n.Items {
			visit(fmt.Sprintf("item %d", i), it)
		}
	}
	visit("root", f.Root)
	return strings.Join(msgs, "\n")
}

func checkNodePos(f *File, n *Node) string {
	p := n.Pos
	if p.Line < 1 || p.Offset < 0 || p.Offset > len(f.Src) {
		return "outside the file"
	}
	if got := f.PosAt(p.Offset); got != p {
		return fmt.Sprintf("offset %d is at %d:%d", p.Offset, got.Line, got.Column)
	}
	if n.End != (Pos{}) {
		if n.End.Offset <= p.Offset || f.PosAt(n.End.Offset) != n.End {
			return fmt.Sprintf("end %+v", n.End)
		}
	}
	rest := f.Src[p.Offset:]
	c := byte(0)
	if len(rest) > 0 {
		c = rest[0]
	}
	switch n.Kind {
	case Map:
		// A block mapping starts at its first key (or "?"), a flow one at
		// its brace; an empty one is the "{}".
		if c == ' ' || c == '\t' || c == '\n' || c == '!' || c == '#' {
			return fmt.Sprintf("starts at %q", c)
		}
		return ""
	case Seq:
		if c != '-' && c != '[' {
			return fmt.Sprintf("starts at %q, not at \"-\" or \"[\"", c)
		}
		return ""
	}
	switch n.Style {
	case StyleDouble:
		if c != '"' {
			return fmt.Sprintf("a double-quoted scalar starts at %q", c)
		}
	case StyleSingle:
		if c != '\'' {
			return fmt.Sprintf("a single-quoted scalar starts at %q", c)
		}
	case StyleLiteral, StyleFolded:
		if c != '|' && c != '>' {
			return fmt.Sprintf("a block scalar starts at %q", c)
		}
	default:
		if n.Kind == Null && n.Value == "" && (c == 0 || c == '\n' || c == ' ' || c == '\t' || c == '#' || c == ',' || c == ']' || c == '}') {
			return "" // an empty value has no text to start at
		}
		if n.Value == "" && c == '!' {
			return "" // "!!str" alone: the tag is all there is of it
		}
		if n.Kind == String && n.Value != "" {
			r, _ := utf8.DecodeRune(rest)
			w, _ := utf8.DecodeRuneInString(n.Value)
			if r != w {
				return fmt.Sprintf("a plain scalar %q starts at %q", n.Value, r)
			}
			return ""
		}
		if c == 0 || strings.IndexByte(" \t\n!&*#,[]{}|>'\"", c) >= 0 {
			return fmt.Sprintf("a plain scalar %q starts at %q", n.Value, c)
		}
	}
	return ""
}
