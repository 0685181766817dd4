package profiles

import (
	"strings"
	"testing"
)

func TestMapScalar(t *testing.T) {
	src := "a: 'it''s'\nb: |\n  x\n  y\nc: >\n  x\n\n  y\n   z\nd: plain\n  two\n"
	f, err := Parse("x.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	// Each value byte is written as itself (.), as a doubled quote (q) or
	// stands for a line break of the source (|).
	for ptr, want := range map[string]string{
		"/a": "..q.",
		"/b": ".|.|",
		"/c": ".|.|..|",
		"/d": ".....|...",
	} {
		n := f.Root.Lookup(ptr)
		st := f.MapScalar(n)
		if st == nil {
			t.Errorf("%s %q: not mapped", ptr, n.Value)
			continue
		}
		var got strings.Builder
		for i := range len(n.Value) {
			switch {
			case st.Verbatim(f.Src, i, i+1):
				got.WriteByte('.')
			case st.Folded(i):
				got.WriteByte('|')
			case src[st.start[i]:st.end[i]] == "''":
				got.WriteByte('q')
			default:
				got.WriteByte('?')
			}
		}
		if got.String() != want {
			t.Errorf("%s %q: got %s, want %s", ptr, n.Value, got.String(), want)
		}
	}
	// Escapes are not mapped.
	f, _ = Parse("x.yaml", []byte("a: \"x\\ty\"\n"))
	if st := f.MapScalar(f.Root.Lookup("/a")); st != nil {
		t.Errorf("an escaped text was mapped")
	}
}

// FuzzMapScalar maps every string of arbitrary YAML: a mapping, where
// there is one, points inside the file and gives back the value's bytes
// where it says they are written as themselves.
func FuzzMapScalar(f *testing.F) {
	f.Add("a: 'it''s'\nb: |\n  x\n  y\nc: >\n  x\n\n  y\n   z\nd: plain\n  two\n")
	f.Add("a: \"x\\ty\"\nb: |2\n   indented\n")
	f.Fuzz(func(t *testing.T, src string) {
		file, err := Parse("x.yaml", []byte(src))
		if err != nil {
			return
		}
		file.Root.Walk(func(_ string, n *Node) {
			st := file.MapScalar(n)
			if st == nil {
				return
			}
			for i := range len(n.Value) {
				s, e := st.Span(i, i+1)
				if s < 0 || s > e || e > len(file.Src) {
					t.Fatalf("%q: value byte %d at source [%d, %d) of %d", n.Value, i, s, e, len(file.Src))
				}
				if st.Verbatim(file.Src, i, i+1) && file.Src[s] != n.Value[i] {
					t.Fatalf("%q: value byte %d is not written at %d", n.Value, i, s)
				}
			}
		})
	})
}

func TestList(t *testing.T) {
	f, err := Parse("x.yaml", []byte("a: [x, y]\nb: {c: d}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Root.Get("a").List(); len(got) != 2 || got[1].Value != "y" {
		t.Errorf("a sequence: got %v", got)
	}
	if got := f.Root.Get("b").List(); got != nil {
		t.Errorf("a mapping: got %v", got)
	}
	if got := f.Root.Get("missing").List(); got != nil {
		t.Errorf("a missing node: got %v", got)
	}
}
