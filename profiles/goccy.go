package profiles

import (
	"bytes"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// This file works around goccy/go-yaml v1.19.2 where it is wrong and can
// be corrected from outside (docs/decisions.md lists its bugs).
//
// goccy's token positions are off in three ways that the YAML test suite
// shows: a token after a tag, or after a tab, is placed on the white space
// before it; the last plain scalar of a file, continued on a line that
// starts with "-", is placed at its end; and an empty value is placed a
// column or two past the end of its line. nodePos and textPos put such
// positions back on the token's text, where a finding must point.

// nodePos is tokenPos for the token that starts a node: never on white
// space before it, nor past the end of a line.
func (f *File) nodePos(tk *token.Token) Pos {
	p := f.tokenPos(tk)
	if p.Offset == len(f.Src) || f.Src[p.Offset] == '\n' {
		// offset stops at the end of the line; the column may be past it.
		// At most a node or two per line end here, so the cost of PosAt
		// stays linear.
		p = f.PosAt(p.Offset)
	}
	if tk == nil || strings.TrimSpace(tk.Origin) == "" && strings.TrimSpace(tk.Value) == "" {
		return p // an empty value: nothing to move onto
	}
	// Blanks are one byte and one column each, and stay on the line.
	for p.Offset < len(f.Src) && (f.Src[p.Offset] == ' ' || f.Src[p.Offset] == '\t') {
		p.Offset++
		p.Column++
	}
	return p
}

// textPos is nodePos for a scalar token: where its text as written stands
// in the source, when goccy placed it at the text's end instead.
func (f *File) textPos(tk *token.Token) Pos {
	p := f.nodePos(tk)
	raw := strings.TrimSpace(f.origin(tk))
	if raw == "" || f.textAt(p.Offset, raw) {
		return p
	}
	if start := p.Offset - len(raw); start >= 0 && f.textAt(start, raw) {
		return f.PosAt(start)
	}
	return p
}

// textAt reports whether the source holds s at offset off.
func (f *File) textAt(off int, s string) bool {
	return off+len(s) <= len(f.Src) && string(f.Src[off:off+len(s)]) == s
}

// key converts a mapping key, explicit ("? a") or not, into a String node
// with its text as written.
func (f *File) key(n ast.Node, depth int) (*Node, error) {
	if mk, ok := n.(*ast.MappingKeyNode); ok {
		if mk.Value == nil {
			// "?" alone: an empty key, placed at its indicator.
			return &Node{Kind: String, Pos: f.nodePos(mk.Start), Style: StylePlain}, nil
		}
		n = mk.Value
	}
	key, err := f.convert(n, depth+1)
	if err != nil {
		return nil, err
	}
	if key.Kind == Map || key.Kind == Seq {
		return nil, &SyntaxError{Pos: key.Pos, Msg: "a mapping key must be a scalar"}
	}
	if key.Kind != String {
		// A key is text as written: "010:" and "10:" are two keys to the
		// parser, and must stay two for Lookup (found by FuzzParse).
		key.Kind, key.Value = String, rawScalar(n, key.Value)
	}
	return key, nil
}

// tabMark stands for a tab inside a double-quoted scalar in the text goccy
// reads. goccy's scanner counts such a tab twice when more text follows
// it on the line, and skips as many bytes after the closing quote: the
// ":" of `"a\tb": c`, the "]" of `["a\tb"]`, the line break before the
// next key. U+0080 is one rune, as a tab is, so positions stay right;
// Guard refuses it in the source, so in a value it can only come from an
// escape, and then the tabs are left alone.
const tabMark = "\u0080"

// swapTabs returns the text for goccy: f.Src with the tabs at offsets
// (from guard) as tabMark, unless an escape spells U+0080.
func (f *File) swapTabs(offsets []int) []byte {
	src := f.Src
	if len(offsets) == 0 || bytes.Contains(src, []byte(`\x80`)) || bytes.Contains(src, []byte(`\u0080`)) || bytes.Contains(src, []byte(`\U00000080`)) {
		return src
	}
	text := make([]byte, 0, len(src)+len(offsets))
	last := 0
	for _, off := range offsets {
		text = append(append(text, src[last:off]...), tabMark...)
		last = off + 1
	}
	f.tabMarks = true
	return append(text, src[last:]...)
}

// origin is the token's text as written in f.Src.
func (f *File) origin(tk *token.Token) string {
	if f.tabMarks && tk.Type == token.DoubleQuoteType {
		return strings.ReplaceAll(tk.Origin, tabMark, "\t")
	}
	return tk.Origin
}
