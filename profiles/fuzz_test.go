package profiles

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The seed corpora are in testdata/fuzz/<target>: every hostile case of
// issue 6 that fits in a small file, and every crasher found so far. The
// large hostile inputs are built here instead.

// small are the limits of the guard-against-parser check in FuzzParse:
// small enough for the fuzzer to reach them.
var small = Limits{MaxDepth: 6, MaxEntries: 6}

func FuzzParse(f *testing.F) {
	f.Add([]byte(strings.Repeat("[", 100<<10)))
	f.Add([]byte("a: " + strings.Repeat("{a: ", 20<<10)))
	f.Add([]byte(keys(10001)))
	f.Add([]byte(keys(40000)))
	f.Add([]byte(`a: "` + strings.Repeat("[", 2000) + `"`))
	for _, tc := range guardCases() {
		f.Add([]byte(tc.src))
	}
	examples, _ := filepath.Glob("../examples/*.yaml")
	for _, p := range examples {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		// The fuzzer does not notice a hang; a panic on another goroutine
		// ends the worker, and the fuzzer keeps the input as a crasher.
		watchdog := time.AfterFunc(20*time.Second, func() {
			panic(fmt.Sprintf("Guard and Parse still running after 20s on %q", src))
		})
		defer watchdog.Stop()
		file, err := Parse("f.yaml", src)
		if file == nil || (file.Root == nil) == (err == nil) {
			t.Fatalf("Parse returned file %v, error %v", file, err)
		}
		// Parse reports what Guard finds in the text after any BOM.
		if gerr := Guard(file.Src, DefaultLimits); gerr != nil {
			checkPos(t, "guard error", file, gerr.Pos)
			if err == nil || err.Error() != gerr.Error() {
				t.Fatalf("Guard says %v, Parse %v", gerr, err)
			}
		}
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %T %v, want *SyntaxError", err, err)
			}
			if strings.HasPrefix(se.Msg, "the YAML parser failed") {
				t.Fatalf("recovered a panic: %v", se)
			}
			checkPos(t, "error", file, se.Pos)
			return
		}
		file.Root.Interface()
		var keys []*Node
		file.Root.Walk(func(ptr string, n *Node) {
			checkPos(t, ptr, file, n.Pos)
			if n.End != (Pos{}) {
				checkPos(t, ptr+" end", file, n.End)
				if n.End.Offset < n.Pos.Offset {
					t.Errorf("%s: end %+v before start %+v", ptr, n.End, n.Pos)
				}
			}
			if file.Root.Lookup(ptr) == nil {
				t.Errorf("Walk's pointer %q resolves to nothing", ptr)
			}
			for _, fld := range n.Fields {
				keys = append(keys, fld.Key)
			}
		})
		for _, k := range keys {
			checkPos(t, "key "+k.Value, file, k.Pos)
		}
		// What the guard lets through at small limits, the parser reads
		// within them: the guard and the parser agree on what is nested
		// and what is text. Block depth is approximate (a list indented
		// like its key is no level of its own), hence the factor 2.
		if Guard(file.Src, small) == nil {
			depth, width := shape(file.Root)
			if depth > 2*small.MaxDepth || width > small.MaxEntries {
				t.Errorf("guard passed at %+v, but the document is %d deep and %d wide", small, depth, width)
			}
		}
	})
}

// checkPos checks that a position lies in the file and agrees with itself.
func checkPos(t *testing.T, what string, f *File, p Pos) {
	t.Helper()
	if p.Line < 1 || p.Column < 1 || p.Offset < 0 || p.Offset > len(f.Src) || p.Line > f.Lines() {
		t.Fatalf("%s: position %+v outside the file (%d bytes, %d lines)", what, p, len(f.Src), f.Lines())
	}
	if q := f.PosAt(p.Offset); q.Line != p.Line {
		t.Fatalf("%s: position %+v, but its offset is on line %d", what, p, q.Line)
	}
}

// shape returns the nesting depth of mappings and lists, and the most
// entries of any of them.
func shape(n *Node) (depth, width int) {
	if n == nil || (n.Kind != Map && n.Kind != Seq) {
		return 0, 0
	}
	width = len(n.Fields) + len(n.Items)
	for _, f := range n.Fields {
		d, w := shape(f.Value)
		depth, width = max(depth, d), max(width, w)
	}
	for _, it := range n.Items {
		d, w := shape(it)
		depth, width = max(depth, d), max(width, w)
	}
	return depth + 1, width
}

func FuzzLookup(f *testing.F) {
	f.Add("level_guidelines", "min", uint8(3), "/level_guidelines/3/experience/min")
	f.Add("a/b", "m~n", uint8(7), "/a~1b/1/m~0n")
	f.Add("", "", uint8(0), "/")
	f.Add("~1", "~01", uint8(255), "/~01/01/~001")
	f.Fuzz(func(t *testing.T, a, b string, i uint8, ptr string) {
		// A generated document: {a: [{b: leaf0}, {b: leaf1}, ...]}.
		n := int(i%5) + 1
		idx := int(i/5) % n
		seq := &Node{Kind: Seq}
		for j := 0; j < n; j++ {
			key := &Node{Kind: String, Value: b}
			leaf := &Node{Kind: String, Value: "leaf"}
			seq.Items = append(seq.Items, &Node{Kind: Map, Fields: []Field{{Key: key, Value: leaf}}})
		}
		root := &Node{Kind: Map, Fields: []Field{{Key: &Node{Kind: String, Value: a}, Value: seq}}}

		if got := root.Lookup(Pointer(a)); got != seq {
			t.Errorf("Lookup(%q) = %v, want the list", Pointer(a), got)
		}
		p := Pointer(a, idx, b)
		if got, want := root.Lookup(p), seq.Items[idx].Fields[0].Value; got != want {
			t.Errorf("Lookup(%q) = %v, want item %d's value", p, got, idx)
		}
		if got, want := root.LookupKey(p), seq.Items[idx].Fields[0].Key; got != want {
			t.Errorf("LookupKey(%q) = %v, want item %d's key", p, got, idx)
		}
		if got := root.Lookup(Pointer(a, n)); got != nil {
			t.Errorf("Lookup(%q) = %v past the end", Pointer(a, n), got)
		}
		if got := unescapePointer(escapePointer(a)); got != a {
			t.Errorf("escape round trip: %q became %q", a, got)
		}
		// Any pointer: no panic, and a result is a node of the document.
		for _, q := range []string{ptr, "/" + ptr, Pointer(a) + "/" + ptr} {
			if got := root.Lookup(q); got != nil && got != root && got != seq && got.Kind != Map && got.Value != "leaf" {
				t.Errorf("Lookup(%q) = %+v, not a node of the document", q, got)
			}
			root.LookupKey(q)
		}
	})
}

// FuzzLongLine checks positions on long lines, where the line index marks
// every markStride-th rune, against counting runes from the line's start.
// The input is repeated into lines of several marks' length: once as it
// is, for PosAt and offset at every byte, and once quoted as the items of
// a one-line flow list, for the positions of the nodes of both paths.
func FuzzLongLine(f *testing.F) {
	f.Add("a")
	f.Add("é—x")
	f.Add("\xff\xe2\x82")
	f.Add("ab\ncd")
	f.Add("日本語のテキスト、")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 256 {
			return
		}
		n := 3*markMin/max(1, len(s)) + 1
		raw := strings.Repeat(s, n)
		file := Unparsed("f", []byte(raw), DefaultLimits)
		want := naivePositions(file.Src)
		for off, p := range want {
			if got := file.PosAt(off); got != p {
				t.Fatalf("PosAt(%d) = %+v, want %+v", off, got, p)
			}
		}
		// offset is PosAt's inverse on the starts of runes as decoded.
		for off := 0; ; {
			p := want[off]
			if got := file.offset(p.Line, p.Column); got != off {
				t.Fatalf("offset(%d, %d) = %d, want %d", p.Line, p.Column, got, off)
			}
			if off == len(raw) {
				break
			}
			_, size := utf8.DecodeRuneInString(raw[off:])
			off += size
		}

		if !utf8.ValidString(s) {
			return
		}
		items := make([]string, 0, n)
		for i := range n {
			if i%2 == 0 {
				items = append(items, strconv.Quote(s))
			} else {
				items = append(items, strconv.Itoa(i))
			}
		}
		doc := []byte("[" + strings.Join(items, ", ") + "]\n")
		for _, fast := range []bool{true, false} {
			file, err := parse("f.yaml", doc, DefaultLimits, fast)
			if err != nil {
				var se *SyntaxError
				if errors.As(err, &se) && se.Pos != naivePositions(file.Src)[se.Pos.Offset] {
					t.Fatalf("error at %+v, want %+v", se.Pos, naivePositions(file.Src)[se.Pos.Offset])
				}
				continue
			}
			want := naivePositions(file.Src)
			file.Root.Walk(func(ptr string, n *Node) {
				for _, p := range []Pos{n.Pos, n.End} {
					if p == (Pos{}) {
						continue
					}
					if p != want[p.Offset] {
						t.Fatalf("fast %v: %s at %+v, want %+v", fast, ptr, p, want[p.Offset])
					}
					if off := file.offset(p.Line, p.Column); off != p.Offset {
						t.Fatalf("fast %v: %s: offset(%d, %d) = %d, want %d", fast, ptr, p.Line, p.Column, off, p.Offset)
					}
				}
			})
		}
	})
}

// naivePositions returns the position of every byte offset of src (and
// of its end), with runes counted from the start of each line: from rune
// to rune as decoded, and within a rune as utf8.RuneCount counts its first
// bytes. No line index is involved.
func naivePositions(src []byte) []Pos {
	out := make([]Pos, 0, len(src)+1)
	line, col := 1, 1
	for off := 0; off < len(src); {
		_, size := utf8.DecodeRune(src[off:])
		for i := range size {
			out = append(out, Pos{Line: line, Column: col + utf8.RuneCount(src[off:off+i]), Offset: off + i})
		}
		off += size
		col++
		if src[off-1] == '\n' {
			line, col = line+1, 1
		}
	}
	return append(out, Pos{Line: line, Column: col, Offset: len(src)})
}
