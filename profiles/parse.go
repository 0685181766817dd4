package profiles

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// File is one parsed profile file.
type File struct {
	Path  string // the name reported in findings
	Src   []byte // the file's bytes, without a leading byte-order mark
	BOM   bool   // the file started with a UTF-8 byte-order mark
	Root  *Node
	lines lineIndex // where lines start, and the runes of long lines

	scalarsOnce sync.Once
	scalars     []Scalar

	// lim are the limits the file was read with, to read it again after
	// Release.
	lim      Limits
	released bool
	// fromTokens is set when the fast path built the tree (fast.go), and
	// direct when it did so from the bytes alone (direct.go).
	fromTokens, direct bool
	// tabMarks is set when tabs in double-quoted scalars went to goccy as
	// tabMark (swapTabs).
	tabMarks bool

	// slab hands out scalar nodes in blocks: a profile has hundreds, and
	// one allocation per block instead of per node spares the collector.
	slab []Node
}

// node returns a zero Node from the file's slab.
func (f *File) node() *Node {
	if len(f.slab) == 0 {
		f.slab = make([]Node, 128)
	}
	n := &f.slab[0]
	f.slab = f.slab[1:]
	return n
}

// Scalar is a scalar value of the document with its JSON pointer.
type Scalar struct {
	Pointer string
	Node    *Node
}

// Scalars returns every scalar value of the document (not keys) with its
// pointer, in source order. It is computed once per file and shared by
// the rules that look at every text, so pointers are built only once.
func (f *File) Scalars() []Scalar {
	f.scalarsOnce.Do(func() {
		f.Root.Walk(func(ptr string, n *Node) {
			if n.Kind != Map && n.Kind != Seq {
				f.scalars = append(f.scalars, Scalar{ptr, n})
			}
		})
	})
	return f.scalars
}

// SyntaxError is a file that could not be read as one YAML or JSON document.
type SyntaxError struct {
	Pos Pos
	Msg string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Column, e.Msg)
}

var bom = []byte("\xef\xbb\xbf")

// Parse reads src as one profile document, within DefaultLimits: as JSON
// when path ends in ".json", as YAML otherwise. A
// document that is not well-formed comes back as a *SyntaxError with its
// position; the file is returned in every case so that callers can still
// show its lines.
func Parse(path string, src []byte) (*File, error) {
	return ParseWithLimits(path, src, DefaultLimits)
}

// ParseWithLimits is Parse with the limits that Guard applies before the
// YAML parser sees the file.
func ParseWithLimits(path string, src []byte, lim Limits) (f *File, err error) {
	return parse(path, src, lim, true)
}

// parse is ParseWithLimits; fast lets readDirect make the tree from the
// bytes (direct.go), or else build from goccy's tokens (fast.go), where
// they can, instead of goccy's parser always.
func parse(path string, src []byte, lim Limits, fast bool) (f *File, err error) {
	return parseVia(path, src, lim, fast, fast)
}

// parseVia is parse with the direct path on its own switch, for the tests
// that hold it to the path through goccy's tokens.
func parseVia(path string, src []byte, lim Limits, fast, direct bool) (f *File, err error) {
	f = &File{Path: path, Src: src, lim: lim}
	// goccy/go-yaml keeps a byte-order mark inside the first key.
	if bytes.HasPrefix(src, bom) {
		f.Src, f.BOM = src[len(bom):], true
	}
	f.lines = indexLines(f.Src)
	if isJSON(path) {
		root, err := f.readJSON(lim)
		f.Root = root
		if err != nil {
			return f, err
		}
		return f, nil
	}
	if direct {
		if root, ok := f.readDirect(lim); ok {
			f.Root, f.fromTokens, f.direct = root, true, true
			return f, nil
		}
	}
	tabs, gerr := guard(f.Src, lim)
	if gerr != nil {
		return f, gerr
	}
	defer func() {
		// The parser is third-party code fed by anyone who opens a pull
		// request: a panic in it is a finding, not a crash.
		if r := recover(); r != nil {
			f.Root = nil
			err = &SyntaxError{Pos: Pos{Line: 1, Column: 1}, Msg: fmt.Sprintf("the YAML parser failed: %v", r)}
		}
	}()
	// goccy counts a "\r\n" after a comment or inside a quoted scalar as
	// two line breaks. YAML reads "\r\n" as "\n" anyway, and without the
	// "\r"s lines and columns stay the same; Guard has rejected any other
	// carriage return.
	text := f.swapTabs(tabs)
	if bytes.Contains(text, []byte("\r\n")) {
		text = bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n"))
	}
	var tokens token.Tokens
	if fast {
		lexed, masked := text, map[int]maskedScalar(nil)
		if !f.tabMarks {
			lexed, masked = maskScalars(text)
		}
		tokens = lexer.Tokenize(string(lexed))
		if root, err := f.build(tokens, masked); err == nil { // build refuses invalid tokens
			f.Root, f.fromTokens = root, true
			return f, nil
		}
		if masked != nil {
			tokens = nil // the parser reads the text as written
		}
	}
	if tokens == nil {
		tokens = lexer.Tokenize(string(text))
	}
	astFile, perr := parser.Parse(tokens, 0)
	if perr != nil {
		return f, f.syntaxError(perr)
	}
	var body ast.Node
	for _, doc := range astFile.Docs {
		b := doc.Body
		// A comment before a leading "---" comes back as a document of its
		// own; so does a comments-only file, and a "%YAML" directive.
		// None holds a value.
		if b == nil || b.Type() == ast.CommentType || b.Type() == ast.DirectiveType {
			continue
		}
		if body != nil {
			// Point at the second document's "---", where it starts.
			tk := doc.Start
			if tk == nil {
				tk = doc.GetToken()
			}
			return f, &SyntaxError{Pos: f.tokenPos(tk), Msg: "more than one YAML document; a profile file holds exactly one"}
		}
		body = b
	}
	if body == nil {
		return f, &SyntaxError{Pos: Pos{Line: 1, Column: 1}, Msg: "the file holds no document"}
	}
	root, cerr := f.convert(body, 0)
	if cerr != nil {
		return f, cerr
	}
	f.Root = root
	return f, nil
}

func (f *File) syntaxError(err error) *SyntaxError {
	var se interface {
		GetMessage() string
		GetToken() *token.Token
	}
	if errors.As(err, &se) && se.GetToken() != nil {
		return &SyntaxError{Pos: f.tokenPos(se.GetToken()), Msg: se.GetMessage()}
	}
	msg := err.Error()
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	return &SyntaxError{Pos: Pos{Line: 1, Column: 1}, Msg: msg}
}

// maxDepth bounds the recursion of convert; Guard rejects deeper files
// before they reach the parser, this only keeps convert safe on its own.
const maxDepth = 1000

func (f *File) convert(n ast.Node, depth int) (*Node, error) {
	if depth > maxDepth {
		return nil, &SyntaxError{Pos: f.tokenPos(n.GetToken()), Msg: "nesting too deep"}
	}
	switch n := n.(type) {
	case *ast.MappingNode:
		out := &Node{Kind: Map, Pos: f.nodePos(n.GetToken()), Fields: make([]Field, 0, len(n.Values))}
		for _, mv := range n.Values {
			fld, err := f.field(mv, depth)
			if err != nil {
				return nil, err
			}
			out.Fields = append(out.Fields, fld)
		}
		if len(out.Fields) > 0 && !n.IsFlowStyle {
			// A block mapping starts at its first key's text, after any
			// tag or "?".
			out.Pos = out.Fields[0].Key.Pos
		}
		return out, nil
	case *ast.MappingValueNode:
		fld, err := f.field(n, depth)
		if err != nil {
			return nil, err
		}
		return &Node{Kind: Map, Pos: fld.Key.Pos, Fields: []Field{fld}}, nil
	case *ast.SequenceNode:
		out := &Node{Kind: Seq, Pos: f.nodePos(n.GetToken()), Items: make([]*Node, 0, len(n.Values))}
		for _, v := range n.Values {
			it, err := f.convert(v, depth+1)
			if err != nil {
				return nil, err
			}
			out.Items = append(out.Items, it)
		}
		return out, nil
	case *ast.StringNode:
		return f.scalar(String, n.Value, n.GetToken()), nil
	case *ast.LiteralNode:
		out := f.scalar(String, n.Value.Value, n.GetToken())
		out.Style = StyleLiteral
		if strings.HasPrefix(n.Start.Value, ">") {
			out.Style = StyleFolded
		}
		out.End = Pos{}
		return out, nil
	case *ast.IntegerNode:
		out := f.scalar(Int, n.GetToken().Value, n.GetToken())
		switch v := n.Value.(type) {
		case int64:
			out.Num = float64(v)
			out.Value = fmt.Sprint(v)
		case uint64:
			out.Num = float64(v)
			out.Value = fmt.Sprint(v)
		}
		return out, nil
	case *ast.FloatNode:
		out := f.scalar(Float, n.GetToken().Value, n.GetToken())
		out.Num = n.Value
		return out, nil
	case *ast.InfinityNode:
		out := f.scalar(Float, n.GetToken().Value, n.GetToken())
		out.Num = n.Value
		return out, nil
	case *ast.NanNode:
		return f.scalar(Float, n.GetToken().Value, n.GetToken()), nil
	case *ast.BoolNode:
		return f.scalar(Bool, fmt.Sprint(n.Value), n.GetToken()), nil
	case *ast.NullNode:
		return f.scalar(Null, "", n.GetToken()), nil
	case *ast.TagNode:
		inner, err := f.convert(n.Value, depth+1)
		if err != nil {
			return nil, err
		}
		if n.Start.Value == "!!str" && inner.Kind != Map && inner.Kind != Seq && inner.Kind != String {
			// "!!str 010" is the text "010", not the number 10 written out.
			inner.Kind, inner.Value = String, rawScalar(n.Value, inner.Value)
		}
		return inner, nil
	case *ast.MappingKeyNode:
		// "? a" with no ":": a key whose value is empty.
		key, err := f.key(n, depth)
		if err != nil {
			return nil, err
		}
		return &Node{Kind: Map, Pos: key.Pos, Fields: []Field{{Key: key, Value: &Node{Kind: Null, Pos: key.Pos}}}}, nil
	case *ast.AnchorNode, *ast.AliasNode, *ast.MergeKeyNode:
		return nil, &SyntaxError{Pos: f.tokenPos(n.GetToken()), Msg: "anchors, aliases and merge keys are not allowed in a profile; write the value out"}
	case *ast.CommentGroupNode:
		return &Node{Kind: Null, Pos: f.tokenPos(n.GetToken())}, nil
	case nil:
		return &Node{Kind: Null}, nil
	}
	return nil, &SyntaxError{Pos: f.tokenPos(n.GetToken()), Msg: fmt.Sprintf("unsupported YAML node %s", n.Type())}
}

func (f *File) field(mv *ast.MappingValueNode, depth int) (Field, error) {
	if _, ok := mv.Key.(*ast.MergeKeyNode); ok {
		return Field{}, &SyntaxError{Pos: f.tokenPos(mv.Key.GetToken()), Msg: "anchors, aliases and merge keys are not allowed in a profile; write the value out"}
	}
	key, err := f.key(mv.Key, depth)
	if err != nil {
		return Field{}, err
	}
	var val *Node
	if mv.Value == nil {
		val = &Node{Kind: Null, Pos: key.Pos}
	} else {
		val, err = f.convert(mv.Value, depth+1)
		if err != nil {
			return Field{}, err
		}
	}
	if val.Kind == Null && val.Pos.Line == 0 {
		val.Pos = key.Pos
	}
	return Field{Key: key, Value: val}, nil
}

// rawScalar returns a scalar's text as written, or def when it has none.
func rawScalar(n ast.Node, def string) string {
	for {
		t, ok := n.(*ast.TagNode)
		if !ok {
			break
		}
		n = t.Value
	}
	if n == nil || n.GetToken() == nil {
		return def
	}
	return n.GetToken().Value
}

func (f *File) scalar(k Kind, value string, tk *token.Token) *Node {
	n := f.node()
	*n = Node{Kind: k, Value: value, Pos: f.textPos(tk), Style: StylePlain}
	switch tk.Type {
	case token.SingleQuoteType:
		n.Style = StyleSingle
	case token.DoubleQuoteType:
		n.Style = StyleDouble
		if f.tabMarks {
			n.Value = strings.ReplaceAll(n.Value, tabMark, "\t")
		}
	}
	// The token's origin is its raw text with surrounding white space; the
	// end is known only where that text stands at the start position.
	raw := strings.TrimSpace(f.origin(tk))
	if raw != "" && f.textAt(n.Pos.Offset, raw) {
		n.End = f.PosAt(n.Pos.Offset + len(raw))
	}
	return n
}

func (f *File) tokenPos(tk *token.Token) Pos {
	if tk == nil || tk.Position == nil {
		return Pos{Line: 1, Column: 1}
	}
	line, col := tk.Position.Line, tk.Position.Column
	if line < 1 {
		line = 1
	}
	if col < 1 {
		col = 1
	}
	return Pos{Line: line, Column: col, Offset: f.offset(line, col)}
}

// A line index: the byte offset at which each line starts and, for long
// lines, where every markStride-th rune of the line starts. Positions are
// asked for every node, and a one-line JSON file has thousands of nodes on
// its only line: counting runes from the start of the line for each made
// parsing quadratic in the line's length (1 MB took 27 s). With the
// marks, a conversion counts at most markStride runes, whatever the
// line's length.
const (
	markStride = 64
	// Lines up to markMin bytes get no marks: they cost no more to count
	// than a few strides, and most lines of a profile are that short.
	markMin = 1024
)

type lineIndex struct {
	starts []int
	// marks[i][k] is the byte offset of rune k*markStride (0-based) of
	// line i, for the lines over markMin bytes.
	marks map[int][]int
}

func indexLines(src []byte) lineIndex {
	ix := lineIndex{starts: make([]int, 1, bytes.Count(src, []byte{'\n'})+1)}
	for start := 0; ; {
		n := bytes.IndexByte(src[start:], '\n')
		end := start + n
		if n < 0 {
			end = len(src)
		}
		if end-start > markMin {
			if ix.marks == nil {
				ix.marks = make(map[int][]int)
			}
			ix.marks[len(ix.starts)-1] = runeMarks(src, start, end)
		}
		if n < 0 {
			return ix
		}
		start = end + 1
		ix.starts = append(ix.starts, start)
	}
}

// runeMarks returns the offsets of every markStride-th rune of the line
// src[start:end]. Runes are decoded as offset and PosAt count them, an
// invalid byte being one rune.
func runeMarks(src []byte, start, end int) []int {
	marks := make([]int, 0, (end-start)/markStride+1)
	for off, r := start, 0; off < end; r++ {
		if r%markStride == 0 {
			marks = append(marks, off)
		}
		if src[off] < utf8.RuneSelf {
			off++
		} else {
			_, size := utf8.DecodeRune(src[off:end])
			off += size
		}
	}
	return marks
}

// offset converts a line and rune column into a byte offset.
func (f *File) offset(line, col int) int {
	if line > len(f.lines.starts) {
		return len(f.Src)
	}
	off, c := f.lines.starts[line-1], 1
	if m := f.lines.marks[line-1]; len(m) > 0 {
		k := min((col-1)/markStride, len(m)-1)
		off, c = m[k], k*markStride+1
	}
	for ; c < col && off < len(f.Src) && f.Src[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(f.Src[off:])
		off += size
	}
	return off
}

// Offset converts a line and rune column (1-based) into a byte offset, in
// time independent of the line's length: printers cut long lines around
// a finding's column. A column past the end of its line gives the line's
// end, a line past the end of the file the file's end.
func (f *File) Offset(line, col int) int { return f.offset(max(1, line), col) }

// PosAt converts a byte offset into a position.
func (f *File) PosAt(off int) Pos {
	off = max(0, min(off, len(f.Src)))
	i := last(f.lines.starts, off)
	from, col := f.lines.starts[i], 1
	if m := f.lines.marks[i]; len(m) > 0 {
		k := last(m, off)
		from, col = m[k], k*markStride+1
	}
	return Pos{Line: i + 1, Column: utf8.RuneCount(f.Src[from:off]) + col, Offset: off}
}

// last returns the index of the last of the sorted offsets that is at or
// before off; offs[0] is at or before it.
func last(offs []int, off int) int {
	i, found := slices.BinarySearch(offs, off)
	if !found {
		i--
	}
	return i
}

// Line returns the text of line n (1-based) without its newline.
func (f *File) Line(n int) string {
	starts := f.lines.starts
	if n < 1 || n > len(starts) {
		return ""
	}
	end := len(f.Src)
	if n < len(starts) {
		end = starts[n] - 1
	}
	return strings.TrimSuffix(string(f.Src[starts[n-1]:end]), "\r")
}

// Unparsed returns a file for its bytes and lines only, as printers need
// them; Tree parses it when a tree is asked for. Findings from the result
// cache come with no file, and most printers never need the tree.
func Unparsed(path string, src []byte, lim Limits) *File {
	f := &File{Path: path, Src: src, lim: lim, released: true}
	if bytes.HasPrefix(src, bom) {
		f.Src, f.BOM = src[len(bom):], true
	}
	f.lines = indexLines(f.Src)
	return f
}

// Release drops the file's tree and keeps its bytes and line index: a run
// keeps the files it reports on for their source lines, and a tree costs
// several times the bytes. Tree parses the file again when it is needed.
func (f *File) Release() {
	if f.Root == nil {
		return
	}
	f.Root, f.slab, f.scalars, f.released = nil, nil, nil, true
	f.scalarsOnce = sync.Once{}
}

// Tree returns the file's tree, parsing the file again if it was released.
func (f *File) Tree() *Node {
	if f.Root == nil && f.released {
		if g, err := ParseWithLimits(f.Path, f.Src, f.lim); err == nil {
			f.Root = g.Root
		}
		f.released = false
	}
	return f.Root
}

// Lines returns the number of lines of the file.
func (f *File) Lines() int { return len(f.lines.starts) }
