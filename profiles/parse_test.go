package profiles

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/goccy/go-yaml/parser"
)

func TestParseHostile(t *testing.T) {
	tests := []struct {
		name string
		src  string
		lim  *Limits
		want string // "line:column: message", or "" when the file parses
	}{
		{name: "alias bomb", src: aliasBomb(), want: "1:4: anchor &a: anchors and aliases are not allowed in a profile; write the value out"},
		{name: "100 KB of [", src: strings.Repeat("[", 100<<10), want: "1:65: nesting deeper than the limit of 64 levels"},
		{name: "10,001 keys", src: keys(10001), want: "10001:1: a mapping or list with more than 10000 entries"},
		{name: "40,000 keys over a limit of 1,000", src: keys(40000), lim: &Limits{MaxEntries: 1000}, want: "1001:1: a mapping or list with more than 1000 entries"},
		{name: "over MaxBytes", src: "id: x\nname: y\n", lim: &Limits{MaxBytes: 10}, want: "2:5: the file is 14 bytes, over the limit of 10"},
		{name: "empty", src: "", want: "1:1: the file holds no document"},
		{name: "lone ---", src: "---\n", want: "1:1: the file holds no document"},
		{name: "lone --- without newline", src: "---", want: "1:1: the file holds no document"},
		{name: "comments only", src: "# one\n\n# two\n", want: "1:1: the file holds no document"},
		{name: "comment before ---", src: "# yaml-language-server: $schema=x\n---\nid: x\n"},
		{name: "directive before ---", src: "%YAML 1.2\n---\nid: x\n"},
		{name: "document end", src: "---\nid: x\n...\n"},
		{name: "tab in plain scalar", src: "id: x\ntitle: a\tb\n", want: "2:9: a tab inside an unquoted value would be lost; quote the value or use spaces"},
		{name: "tab in quoted scalar", src: "id: x\ntitle: \"a\tb\"\n"},
		{name: "invalid UTF-8", src: "id: x\nname: caf\xe9 x\n", want: "2:10: invalid UTF-8: byte 0xe9"},
		{name: "two documents", src: "id: x\n---\nid: y\n", want: "2:1: more than one YAML document; a profile file holds exactly one"},
		// goccy drops all that follows two "---" lines.
		{name: "two documents, the first empty", src: "---\n---\nid: y\n", want: "2:1: more than one YAML document; a profile file holds exactly one"},
		{name: "a document dropped after an empty one", src: "id: x\n---\n---\nid: y\n", want: "2:1: more than one YAML document; a profile file holds exactly one"},
		{name: "a bare document after ...", src: "id: x\n...\n# c\nid: y\n", want: "4:1: more than one YAML document; a profile file holds exactly one"},
		{name: "an empty document after", src: "id: x\n---\n", want: "2:1: more than one YAML document; a profile file holds exactly one"},
		{name: "anchor", src: "a: &x 1\nb: 2\n", want: "1:4: anchor &x: anchors and aliases are not allowed in a profile; write the value out"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			if tc.lim != nil {
				_, err = ParseWithLimits("p.yaml", []byte(tc.src), *tc.lim)
			} else {
				_, err = Parse("p.yaml", []byte(tc.src))
			}
			got := ""
			if err != nil {
				var se *SyntaxError
				if !errors.As(err, &se) {
					t.Fatalf("error %T, want *SyntaxError", err)
				}
				got = err.Error()
			}
			if got != tc.want {
				t.Errorf("Parse:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestParseAliasBombBounded checks the second line of defence, should an
// alias ever slip past the guard: goccy's parser keeps aliases as
// references (only its decoder expands them), and the conversion rejects
// them.
func TestParseAliasBombBounded(t *testing.T) {
	src := []byte(aliasBomb())
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	astFile, err := parser.ParseBytes(src, 0)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 10<<20 {
		t.Errorf("parsing the bomb allocated %d bytes", grown)
	}
	f := &File{Src: src, lines: indexLines(src)}
	_, err = f.convert(astFile.Docs[0].Body, 0)
	if err == nil || err.Error() != "1:4: anchors, aliases and merge keys are not allowed in a profile; write the value out" {
		t.Errorf("convert: %v", err)
	}
}

func TestParseCommentBeforeDocument(t *testing.T) {
	src := "# header\n---\nid: x\ntitle: y\n"
	f, err := Parse("p.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Root.Interface(); !reflect.DeepEqual(got, map[string]any{"id": "x", "title": "y"}) {
		t.Errorf("root = %#v", got)
	}
	if p := f.Root.Lookup("/title").Pos; p != (Pos{Line: 4, Column: 8, Offset: strings.Index(src, "y\n")}) {
		t.Errorf("/title at %+v", p)
	}
}

func TestParseBOM(t *testing.T) {
	body := "id: x\nname: é—y\nn: 3\n"
	f, err := Parse("p.yaml", []byte("\xef\xbb\xbf"+body))
	if err != nil {
		t.Fatal(err)
	}
	if !f.BOM || string(f.Src) != body {
		t.Fatalf("BOM %v, Src %q", f.BOM, f.Src)
	}
	if k := f.Root.Fields[0].Key; k.Value != "id" || k.Pos != (Pos{Line: 1, Column: 1, Offset: 0}) {
		t.Errorf("first key %q at %+v", k.Value, k.Pos)
	}
	if n := f.Root.Lookup("/name"); n.Value != "é—y" || n.Pos != (Pos{Line: 2, Column: 7, Offset: 12}) || n.End != (Pos{Line: 2, Column: 10, Offset: 12 + len("é—y")}) {
		t.Errorf("/name = %q at %+v to %+v", n.Value, n.Pos, n.End)
	}
	if n := f.Root.Lookup("/n"); n.Pos != (Pos{Line: 3, Column: 4, Offset: strings.Index(body, "3")}) {
		t.Errorf("/n at %+v", n.Pos)
	}
	// A problem the guard finds is placed in the text after the mark too.
	_, err = Parse("p.yaml", []byte("\xef\xbb\xbfid: a\tb\n"))
	if err == nil || err.Error() != "1:6: a tab inside an unquoted value would be lost; quote the value or use spaces" {
		t.Errorf("tab after BOM: %v", err)
	}
}

// TestParseScalarsAsWritten checks that keys and "!!str" values keep the
// text they were written with: "000:" and "0:" are two keys to the parser
// (found by FuzzParse, where they collided as "0").
func TestParseScalarsAsWritten(t *testing.T) {
	f, err := Parse("p.yaml", []byte("0: a\n000: b\n0x10: c\nnull: d\nTrue: e\n1.50: f\nv: !!str 010\nw: !!str true\nx: !!str ~\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"0": "a", "000": "b", "0x10": "c", "null": "d", "True": "e", "1.50": "f", "v": "010", "w": "true", "x": "~"}
	if got := f.Root.Interface(); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %#v\nwant %#v", got, want)
	}
}

// TestParseCRLF checks positions in a file with Windows line ends: goccy
// alone counts a "\r\n" after a comment as two lines (found by FuzzParse).
func TestParseCRLF(t *testing.T) {
	src := "# c\r\nid: x\r\ntitle: \"a\r\n  b\"\r\nn: 3 # c\r\nm: 4\r\n"
	f, err := Parse("p.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		ptr   string
		line  int
		text  string
		value string
	}{
		{"/id", 2, "x", "x"},
		{"/title", 3, `"a`, "a b"},
		{"/n", 5, "3", "3"},
		{"/m", 6, "4", "4"},
	} {
		n := f.Root.Lookup(tc.ptr)
		want := Pos{Line: tc.line, Column: strings.Index(f.Line(tc.line), tc.text) + 1, Offset: f.lines.starts[tc.line-1] + strings.Index(f.Line(tc.line), tc.text)}
		if n == nil || n.Pos != want || n.Value != tc.value {
			t.Errorf("%s = %+v, want %q at %+v", tc.ptr, n, tc.value, want)
		}
	}
}

func TestPositions(t *testing.T) {
	src := `# a profile
id: "INFRAS.X.P4"
title: Café — P4
levels:
  - name: 名前 and more
    n: 3
  - {name: ñ, n: 4}
note: |
  line one
`
	f, err := Parse("p.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	at := func(line, col int, text string) Pos {
		t.Helper()
		off := f.lines.starts[line-1]
		for c := 1; c < col; c++ {
			_, n := utf8.DecodeRune(f.Src[off:])
			off += n
		}
		if !strings.HasPrefix(src[off:], text) {
			t.Fatalf("%d:%d is %q, not %q", line, col, src[off:min(off+10, len(src))], text)
		}
		return Pos{Line: line, Column: col, Offset: off}
	}
	tests := []struct {
		ptr      string
		key      bool
		pos, end Pos
		value    string
		style    Style
	}{
		{ptr: "/id", pos: at(2, 5, `"INFRAS`), end: at(2, 18, "\n"), value: "INFRAS.X.P4", style: StyleDouble},
		{ptr: "/id", key: true, pos: at(2, 1, "id:"), value: "id"},
		{ptr: "/title", pos: at(3, 8, "Café"), end: at(3, 17, "\n"), value: "Café — P4", style: StylePlain},
		{ptr: "/levels/0/name", pos: at(5, 11, "名前"), end: at(5, 22, "\n"), value: "名前 and more", style: StylePlain},
		{ptr: "/levels/0/n", pos: at(6, 8, "3"), end: at(6, 9, "\n"), value: "3", style: StylePlain},
		{ptr: "/levels/0/n", key: true, pos: at(6, 5, "n:"), value: "n"},
		{ptr: "/levels/1/name", pos: at(7, 12, "ñ"), end: at(7, 13, ","), value: "ñ", style: StylePlain},
		{ptr: "/levels/1/n", key: true, pos: at(7, 15, "n: 4"), value: "n"},
		{ptr: "/note", pos: at(8, 7, "|"), value: "line one\n", style: StyleLiteral},
	}
	for _, tc := range tests {
		var n *Node
		if tc.key {
			n = f.Root.LookupKey(tc.ptr)
		} else {
			n = f.Root.Lookup(tc.ptr)
		}
		if n == nil {
			t.Errorf("%s: not found", tc.ptr)
			continue
		}
		if n.Pos != tc.pos || n.Value != tc.value || (!tc.key && (n.End != tc.end || n.Style != tc.style)) {
			t.Errorf("%s (key %v) = %q %s at %+v to %+v\nwant %q %s at %+v to %+v", tc.ptr, tc.key, n.Value, n.Style, n.Pos, n.End, tc.value, tc.style, tc.pos, tc.end)
		}
		if p := f.PosAt(n.Pos.Offset); p != n.Pos {
			t.Errorf("%s: PosAt(%d) = %+v, want %+v", tc.ptr, n.Pos.Offset, p, n.Pos)
		}
	}
	if f.Lines() != 10 || f.Line(3) != "title: Café — P4" || f.Line(0) != "" || f.Line(11) != "" {
		t.Errorf("Lines %d, Line(3) %q", f.Lines(), f.Line(3))
	}
}

func TestLookup(t *testing.T) {
	f, err := Parse("p.yaml", []byte(`a/b: slash
m~n: tilde
"~1": literal
"": empty
list: [zero, one, {x: deep}]
n: 1
`))
	if err != nil {
		t.Fatal(err)
	}
	root := f.Root
	tests := []struct {
		ptr  string
		want any // the value's Interface(), or nil when not found
	}{
		{"", root.Interface()},
		{"/a~1b", "slash"},
		{"/m~0n", "tilde"},
		{"/~01", "literal"}, // ~0 then 1, not ~ then ~1
		{"/a/b", nil},
		{"/", "empty"},
		{"/list/0", "zero"},
		{"/list/1", "one"},
		{"/list/2/x", "deep"},
		{"/list/3", nil},
		{"/list/-1", nil},
		{"/list/-", nil},
		{"/list/01", nil}, // leading zeros are not indices
		{"/list/+1", nil},
		{"/list/1.0", nil},
		{"/list/99999999999999999999", nil},
		{"/list/x", nil},
		{"/n/0", nil}, // through a scalar
		{"/missing", nil},
		{"/missing/deeper", nil},
		{"list", nil}, // no leading slash
	}
	for _, tc := range tests {
		n := root.Lookup(tc.ptr)
		var got any
		if n != nil {
			got = n.Interface()
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Lookup(%q) = %#v, want %#v", tc.ptr, got, tc.want)
		}
	}
	keys := []struct{ ptr, want string }{
		{"/a~1b", "a/b"},
		{"/m~0n", "m~n"},
		{"/~01", "~1"},
		{"/list/2/x", "x"},
		{"/list/0", ""}, // an item has no key
		{"/missing", ""},
		{"", ""},
		{"a", ""},
	}
	for _, tc := range keys {
		got := root.LookupKey(tc.ptr)
		if (got == nil) != (tc.want == "") || (got != nil && got.Value != tc.want) {
			t.Errorf("LookupKey(%q) = %+v, want key %q", tc.ptr, got, tc.want)
		}
	}
	if p := Pointer("list", 2, "x"); p != "/list/2/x" {
		t.Errorf("Pointer = %q", p)
	}
	if p := Pointer("a/b", "m~n", "~1"); p != "/a~1b/m~0n/~01" {
		t.Errorf("Pointer = %q", p)
	}
	var nilNode *Node
	if nilNode.Lookup("/a") != nil || nilNode.LookupKey("/a") != nil {
		t.Error("lookup on nil")
	}
	// Walk's pointers resolve to the nodes it visits.
	root.Walk(func(ptr string, n *Node) {
		if root.Lookup(ptr) != n {
			t.Errorf("Walk pointer %q does not resolve to its node", ptr)
		}
	})
}

// tree writes files (content "x") and folders (names ending in "/").
func tree(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range names {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if strings.HasSuffix(n, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func rel(t *testing.T, dir string, files []string) []string {
	t.Helper()
	out := make([]string, len(files))
	for i, f := range files {
		r, err := filepath.Rel(dir, f)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = filepath.ToSlash(r)
	}
	return out
}

func TestExpand(t *testing.T) {
	dir := tree(t, "b.yaml", "a.yml", "c.JSON", "notes.md", "README", ".hidden/h.yaml", ".dot.yaml", "sub/z.yaml", "sub/.deep/d.yaml", "sub/a.yaml", "empty/")
	files, errs := Expand([]string{dir})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := []string{"a.yml", "b.yaml", "c.JSON", "sub/a.yaml", "sub/z.yaml"}
	if got := rel(t, dir, files); !reflect.DeepEqual(got, want) {
		t.Errorf("Expand = %q, want %q", got, want)
	}
}

func TestExpandNamedFiles(t *testing.T) {
	dir := tree(t, "a.yaml", "notes.txt", "sub/b.yaml")
	a := filepath.Join(dir, "a.yaml")
	// A file named explicitly is kept whatever its name; a path given
	// twice, in any spelling, is listed once; "-" is standard input.
	files, errs := Expand([]string{a, filepath.Join(dir, "notes.txt"), filepath.Join(dir, "sub", "..", "a.yaml"), dir, "-", "-"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := []string{a, filepath.Join(dir, "notes.txt"), filepath.Join(dir, "sub", "b.yaml"), "-"}
	if !reflect.DeepEqual(files, want) {
		t.Errorf("Expand = %q, want %q", files, want)
	}
}

func TestExpandMissing(t *testing.T) {
	dir := tree(t, "a.yaml", "b.yaml")
	files, errs := Expand([]string{filepath.Join(dir, "a.yaml"), filepath.Join(dir, "missing.yaml"), filepath.Join(dir, "b.yaml")})
	if got := rel(t, dir, files); !reflect.DeepEqual(got, []string{"a.yaml", "b.yaml"}) {
		t.Errorf("Expand = %q", got)
	}
	if len(errs) != 1 || !errors.Is(errs[0], fs.ErrNotExist) || !strings.Contains(errs[0].Error(), "missing.yaml") {
		t.Errorf("errors = %v", errs)
	}
}

// TestExpandSymlinks documents how walking treats symbolic links:
// filepath.WalkDir does not follow them, and Expand keeps only regular
// files, so a link found inside a folder is skipped, whether it points to
// a folder (a loop cannot hang the walk) or to a file, inside the root or
// outside it. A link named on the command line is followed, as a user who
// names it asks for it.
func TestExpandSymlinks(t *testing.T) {
	outside := tree(t, "secret.yaml")
	dir := tree(t, "a.yaml", "sub/b.yaml")
	links := map[string]string{
		"loop":         ".",                                   // a folder loop
		"sub/up":       "..",                                  // another
		"out.yaml":     filepath.Join(outside, "secret.yaml"), // a file outside the root
		"in.yaml":      "a.yaml",                              // a file inside the root
		"dangling.yml": "nowhere.yaml",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Skipf("symlinks: %v", err)
		}
	}
	done := make(chan struct{})
	var files []string
	var errs []error
	go func() {
		files, errs = Expand([]string{dir})
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Expand did not return")
	}
	// Each link is said once, as skipped, and none is followed.
	var skipped []string
	for _, err := range errs {
		var s *Skipped
		if !errors.As(err, &s) {
			t.Errorf("not a skip: %v", err)
			continue
		}
		r, _ := filepath.Rel(dir, s.Path)
		skipped = append(skipped, filepath.ToSlash(r))
	}
	if want := []string{"dangling.yml", "in.yaml", "loop", "out.yaml", "sub/up"}; !reflect.DeepEqual(skipped, want) {
		t.Errorf("skipped %q, want %q", skipped, want)
	}
	if got := rel(t, dir, files); !reflect.DeepEqual(got, []string{"a.yaml", "sub/b.yaml"}) {
		t.Errorf("Expand = %q", got)
	}
	named := filepath.Join(dir, "out.yaml")
	if files, errs := Expand([]string{named}); len(errs) > 0 || !reflect.DeepEqual(files, []string{named}) {
		t.Errorf("named link: %q %v", files, errs)
	}
	if _, errs := Expand([]string{filepath.Join(dir, "dangling.yml")}); len(errs) != 1 {
		t.Errorf("dangling link named: errors %v", errs)
	}
}

func TestExpandNotRegular(t *testing.T) {
	if _, err := os.Stat("/dev/null"); err != nil {
		t.Skip("no /dev/null")
	}
	files, errs := Expand([]string{"/dev/null"})
	if len(files) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "not a regular file") {
		t.Errorf("Expand(/dev/null) = %q %v", files, errs)
	}
}

func ExampleParse() {
	f, err := Parse("p.yaml", []byte("id: x\ntitle: a\tb\n"))
	fmt.Println(f.Root == nil, err)
	// Output: true 2:9: a tab inside an unquoted value would be lost; quote the value or use spaces
}

// An unparsed file gives its lines at once and its tree on demand, the
// same as a parsed one.
func TestUnparsed(t *testing.T) {
	src := []byte("\ufeffa: 1\nb:\n  c: héllo\n")
	u := Unparsed("p.yaml", src, DefaultLimits)
	if u.Root != nil || u.Line(3) != "  c: héllo" || !u.BOM {
		t.Fatalf("unparsed: root %v, line 3 %q, BOM %v", u.Root, u.Line(3), u.BOM)
	}
	p, err := Parse("p.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	n := u.Tree().Lookup("/b/c")
	if n == nil || n.Value != "héllo" || n.Pos != p.Root.Lookup("/b/c").Pos {
		t.Fatalf("tree of an unparsed file: %+v", n)
	}
}
