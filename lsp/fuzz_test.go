package lsp

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sourcegraph/jsonrpc2"

	"github.com/profilelint/profilelint/rules"
)

// FuzzPositions converts byte offsets to positions and back in both
// encodings, on any text: a position of a rune's start comes back to the
// same offset, and no input makes a conversion panic or leave the text.
func FuzzPositions(f *testing.F) {
	f.Add([]byte("title: \"Infrastructure é 😀 — P4  x\"\n"), 20, 3, 9)
	f.Add([]byte("\xef\xbb\xbfa: 1\r\nb: \"—\"\n"), 4, 2, 5)
	f.Add([]byte("\xff\xfe\n\n😀"), 1, 3, 2)
	f.Fuzz(func(t *testing.T, src []byte, off, line, col int) {
		tx := newText(src)
		for _, enc := range []encoding{utf16Units, utf8Units} {
			o := min(max(off, 0), len(src))
			p := tx.position(o, enc)
			back := tx.offset(p, enc)
			if back < 0 || back > len(src) {
				t.Fatalf("%s: offset %d out of the text (%d bytes)", enc, back, len(src))
			}
			lineStart := tx.starts[p.Line]
			inLine := o <= lineStart+len(tx.line(p.Line))
			if utf8.Valid(src[lineStart:o]) && inLine && back != o {
				t.Errorf("%s: offset %d → %+v → %d", enc, o, p, back)
			}
			lc := tx.lineCol(line%1000, col%1000, enc)
			if lc.Line < 0 || lc.Line >= len(tx.starts) || lc.Character < 0 {
				t.Errorf("%s: line %d col %d → %+v", enc, line, col, lc)
			}
			_ = tx.offset(Position{Line: line, Character: col}, enc)
			_ = tx.editRange(off, off+col, enc)
		}
	})
}

// FuzzApplyChange applies a ranged change to any text: the result is the
// text before the range, the new text, and the text after it.
func FuzzApplyChange(f *testing.F) {
	f.Add([]byte("title: \"Infrastructure — P4\"\nid: X\n"), 0, 23, 0, 24, "-")
	f.Add([]byte("a: 😀\n"), 0, 3, 0, 5, "é")
	f.Fuzz(func(t *testing.T, src []byte, l1, c1, l2, c2 int, repl string) {
		tx := newText(src)
		r := Range{Start: Position{Line: l1, Character: c1}, End: Position{Line: l2, Character: c2}}
		for _, enc := range []encoding{utf16Units, utf8Units} {
			got := applyChange(tx, TextDocumentContentChangeEvent{Range: &r, Text: repl}, enc)
			start, end := tx.offset(r.Start, enc), tx.offset(r.End, enc)
			want := string(src[:start]) + repl + string(src[max(start, end):])
			if string(got.src) != want {
				t.Fatalf("%s: %q with %+v → %q, want %q", enc, src, r, got.src, want)
			}
		}
	})
}

// FuzzDocument opens any text as a profile and asks for hover and code
// actions at any place: nothing panics, and every edit offered lies in the
// document.
func FuzzDocument(f *testing.F) {
	seed, err := os.ReadFile(filepath.Join("..", "examples", p4))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(seed), 6, 12)
	f.Add("\ufefftitle: \"é — 😀  x\"\nid: [a\n", 0, 9)
	f.Add("schema: profile/v1\nresponsibilities:\n  - level: P1\n    items: [\"a  b\", \"a  b\"]\n", 3, 14)
	all := rules.All()
	f.Fuzz(func(t *testing.T, src string, line, char int) {
		watch := time.AfterFunc(5*time.Second, func() { panic(fmt.Sprintf("stuck on %q %d %d", src, line, char)) })
		defer watch.Stop()
		s := newServer(Options{Rules: all})
		a, b := streams()
		defer a.Close()
		go func() { _, _ = io.Copy(io.Discard, b) }()
		s.conn = jsonrpc2.NewConn(context.Background(), jsonrpc2.NewBufferedStream(a, jsonrpc2.VSCodeObjectCodec{}), jsonrpc2.HandlerWithError(s.handle))
		defer s.conn.Close()
		for _, enc := range []encoding{utf16Units, utf8Units} {
			s.enc = enc
			uri := pathURI("/profiles/P4.yaml")
			s.didOpen(DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: uri, Version: 1, Text: src}})
			pos := Position{Line: line % 200, Character: char % 400}
			_ = s.hover(TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: pos})
			tx := newText([]byte(src))
			for _, act := range s.codeActions(CodeActionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Range: Range{Start: Position{}, End: Position{Line: 1 << 20}}}) {
				for _, e := range act.Edit.Changes[uri] {
					for _, p := range []Position{e.Range.Start, e.Range.End} {
						if p.Line < 0 || p.Line >= len(tx.starts) || p.Character > units(tx.line(p.Line), enc) {
							t.Fatalf("%s: %q offers an edit at %+v, outside the text", enc, act.Title, p)
						}
					}
				}
			}
		}
	})
}
