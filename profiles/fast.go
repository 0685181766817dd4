package profiles

import (
	"errors"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// The fast path. goccy/go-yaml parses in two steps, its lexer's tokens and
// then its parser's tree, which convert turns into Nodes; the parser is a
// third of the time, and most profiles are block mappings and sequences of
// plain or quoted scalars and small flow collections. build makes the Nodes
// straight from the tokens for exactly that kind of document (after
// comments and a "---" at most), and gives up on anything else (anchors,
// tags, a second document marker, empty values, keys
// beyond plain words, numbers other than plain decimals, any indentation it
// does not expect), which then goes to goccy's parser. Where build succeeds
// its tree is the one convert makes from the parser's (FuzzFastPath checks
// that on every input), so the fast path changes no finding.

// errSlowPath is build giving up: the parser decides.
var errSlowPath = errors.New("not on the fast path")

type builder struct {
	f     *File
	tks   []*token.Token
	i     int
	depth int
	// masked holds the scalars maskScalars read, by line, until the word
	// standing for each is met (mask.go).
	masked map[int]maskedScalar
}

// build returns the document's tree from its tokens, or errSlowPath.
// masked holds the scalars masked in the text the tokens are of.
func (f *File) build(tks token.Tokens, masked map[int]maskedScalar) (*Node, error) {
	b := &builder{f: f, tks: tks, masked: masked}
	if tk := b.peek(); tk != nil && tk.Type == token.DocumentHeaderType {
		// A leading "---" on a line of its own starts the one document.
		b.next()
		if nt := b.peek(); tk.Position.Column != 1 || nt == nil || nt.Position.Line == tk.Position.Line {
			return nil, errSlowPath
		}
	}
	if b.peek() == nil {
		return nil, errSlowPath
	}
	root, err := b.node(0)
	if err != nil {
		return nil, err
	}
	if b.peek() != nil || len(b.masked) > 0 {
		// More than one value, or something after; or a masked header
		// that was not a value of its own.
		return nil, errSlowPath
	}
	return root, nil
}

// peek returns the next token that is not a comment, or nil at the end.
func (b *builder) peek() *token.Token {
	for b.i < len(b.tks) && b.tks[b.i].Type == token.CommentType {
		b.i++
	}
	if b.i == len(b.tks) {
		return nil
	}
	return b.tks[b.i]
}

// after returns the token after the next one, comments skipped, or nil.
func (b *builder) after() *token.Token {
	for j := b.i + 1; j < len(b.tks); j++ {
		if b.tks[j].Type != token.CommentType {
			return b.tks[j]
		}
	}
	return nil
}

func (b *builder) next() *token.Token {
	tk := b.peek()
	b.i++
	return tk
}

// node reads one block node whose tokens start right of column indent.
func (b *builder) node(indent int) (*Node, error) {
	if b.depth++; b.depth > maxDepth {
		return nil, errSlowPath
	}
	defer func() { b.depth-- }()
	tk := b.peek()
	if tk == nil || tk.Position.Column <= indent {
		return nil, errSlowPath
	}
	switch tk.Type {
	case token.SequenceEntryType:
		return b.blockSeq(tk.Position.Column)
	case token.MappingStartType:
		return b.flowMap()
	case token.SequenceStartType:
		return b.flowSeq()
	case token.LiteralType, token.FoldedType:
		return b.blockScalar()
	}
	if nt := b.after(); nt != nil && nt.Type == token.MappingValueType && nt.Position.Line == tk.Position.Line {
		return b.blockMap(tk.Position.Column)
	}
	return b.scalar()
}

// key reads a mapping key and its colon: a plain word, on one line.
func (b *builder) key(flow bool) (*Node, error) {
	tk := b.next()
	if tk == nil || tk.Type != token.StringType || !plainKey(tk.Value) || keyBreaksLine(tk.Origin, flow) {
		return nil, errSlowPath
	}
	colon := b.next()
	if colon == nil || colon.Type != token.MappingValueType || colon.Position.Line != tk.Position.Line {
		return nil, errSlowPath
	}
	return b.f.scalar(String, tk.Value, tk), nil
}

// keyBreaksLine is goccy's "unexpected key name" and "implicit line
// break" checks (validateMapKey): a line break in the key as written,
// leading white space aside (and trailing, in a flow collection).
func keyBreaksLine(origin string, flow bool) bool {
	origin = strings.TrimLeft(origin, " \r\n")
	if flow {
		origin = strings.TrimRight(origin, " \r\n")
	}
	return strings.ContainsAny(origin, "\r\n")
}

// plainKey is a key that goccy's duplicate check (by path) and Lookup
// (by text) see alike: letters, digits, '_' and '-'.
func plainKey(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func (b *builder) blockMap(col int) (*Node, error) {
	out := &Node{Kind: Map}
	for {
		tk := b.peek()
		if tk == nil || tk.Position.Column < col {
			break
		}
		if tk.Position.Column > col || tk.Type == token.SequenceEntryType {
			return nil, errSlowPath
		}
		key, err := b.key(false)
		if err != nil {
			return nil, err
		}
		if out.Get(key.Value) != nil {
			return nil, errSlowPath // goccy's error to give
		}
		if len(out.Fields) == 0 {
			out.Pos = key.Pos
		}
		val, err := b.value(col, key.Pos.Line)
		if err != nil {
			return nil, err
		}
		out.Fields = append(out.Fields, Field{Key: key, Value: val})
	}
	return out, nil
}

// value reads the value of a block mapping's key at column col, on line.
func (b *builder) value(col, line int) (*Node, error) {
	tk := b.peek()
	switch {
	case tk == nil:
		return nil, errSlowPath // an empty value: goccy places its null
	case tk.Position.Line == line:
		if tk.Type == token.SequenceEntryType {
			return nil, errSlowPath // "a: - b"
		}
		if nt := b.after(); nt != nil && nt.Position.Line == line && tk.Type != token.MappingStartType && tk.Type != token.SequenceStartType {
			return nil, errSlowPath // "a: b: c", or more on the line
		}
		n, err := b.node(col)
		if err != nil {
			return nil, err
		}
		if nt := b.peek(); nt != nil && nt.Position.Line == line {
			return nil, errSlowPath
		}
		return n, nil
	case tk.Position.Column > col:
		return b.node(col)
	case tk.Position.Column == col && tk.Type == token.SequenceEntryType:
		return b.blockSeq(col)
	}
	return nil, errSlowPath
}

func (b *builder) blockSeq(col int) (*Node, error) {
	out := &Node{Kind: Seq}
	for {
		tk := b.peek()
		if tk == nil || tk.Position.Column < col || tk.Type != token.SequenceEntryType && tk.Position.Column == col {
			break
		}
		if tk.Position.Column > col {
			return nil, errSlowPath
		}
		if len(out.Items) == 0 {
			out.Pos = b.f.nodePos(tk)
		}
		b.next()
		it := b.peek()
		if it == nil || it.Position.Line != tk.Position.Line && it.Position.Column <= col ||
			it.Position.Line == tk.Position.Line && it.Type == token.SequenceEntryType {
			return nil, errSlowPath // an empty item, or "- - a"
		}
		n, err := b.node(col)
		if err != nil {
			return nil, err
		}
		out.Items = append(out.Items, n)
	}
	return out, nil
}

// blockScalar reads "|" or ">" and the text that follows.
func (b *builder) blockScalar() (*Node, error) {
	head := b.next()
	body := b.next()
	if body == nil || body.Type != token.StringType || body.Position.Line <= head.Position.Line {
		return nil, errSlowPath
	}
	return b.f.convert(&ast.LiteralNode{BaseNode: &ast.BaseNode{}, Start: head, Value: ast.String(body)}, b.depth)
}

func (b *builder) flowMap() (*Node, error) {
	open := b.next()
	out := &Node{Kind: Map, Pos: b.f.nodePos(open), Fields: []Field{}} // as convert: never nil
	for {
		if tk := b.peek(); tk != nil && tk.Type == token.MappingEndType && len(out.Fields) == 0 {
			b.next()
			return out, nil
		}
		key, err := b.key(true)
		if err != nil {
			return nil, err
		}
		if out.Get(key.Value) != nil {
			return nil, errSlowPath
		}
		val, err := b.flowValue()
		if err != nil {
			return nil, err
		}
		out.Fields = append(out.Fields, Field{Key: key, Value: val})
		if done, err := b.flowNext(token.MappingEndType); done || err != nil {
			return out, err
		}
	}
}

func (b *builder) flowSeq() (*Node, error) {
	open := b.next()
	out := &Node{Kind: Seq, Pos: b.f.nodePos(open), Items: []*Node{}}
	for {
		if tk := b.peek(); tk != nil && tk.Type == token.SequenceEndType && len(out.Items) == 0 {
			b.next()
			return out, nil
		}
		n, err := b.flowValue()
		if err != nil {
			return nil, err
		}
		out.Items = append(out.Items, n)
		if done, err := b.flowNext(token.SequenceEndType); done || err != nil {
			return out, err
		}
	}
}

// flowNext reads what follows an entry of a flow collection: its end, or
// a comma and another entry.
func (b *builder) flowNext(end token.Type) (done bool, err error) {
	switch tk := b.next(); {
	case tk == nil:
		return false, errSlowPath
	case tk.Type == end:
		return true, nil
	case tk.Type != token.CollectEntryType:
		return false, errSlowPath
	}
	if tk := b.peek(); tk == nil || tk.Type == end {
		return false, errSlowPath // a trailing comma: the parser decides
	}
	return false, nil
}

// flowValue reads a value inside a flow collection.
func (b *builder) flowValue() (*Node, error) {
	if b.depth++; b.depth > maxDepth {
		return nil, errSlowPath
	}
	defer func() { b.depth-- }()
	tk := b.peek()
	if tk == nil {
		return nil, errSlowPath
	}
	switch tk.Type {
	case token.MappingStartType:
		return b.flowMap()
	case token.SequenceStartType:
		return b.flowSeq()
	}
	if nt := b.after(); nt != nil && nt.Type == token.MappingValueType {
		return nil, errSlowPath // a single-pair mapping, "[a: b]"
	}
	return b.scalar()
}

// scalar reads one scalar token. Text is made here; numbers, booleans
// and nulls are the parser's nodes (ast.Integer and the rest, as
// parser.newIntegerNode makes them) put through convert, so they read the
// same on either path.
func (b *builder) scalar() (*Node, error) {
	tk := b.next()
	switch tk.Type {
	case token.StringType:
		if blk, ok := b.masked[tk.Position.Line]; ok && tk.Position.Column == blk.col && tk.Value == blk.word {
			delete(b.masked, tk.Position.Line)
			n := b.f.node()
			*n = Node{Kind: String, Value: blk.value, Pos: b.f.nodePos(tk), Style: blk.style}
			if blk.size > 0 {
				// A quoted text ends on its line, as scalar places it.
				n.End = b.f.PosAt(n.Pos.Offset + blk.size)
			}
			return n, nil
		}
		return b.f.scalar(String, tk.Value, tk), nil
	case token.SingleQuoteType, token.DoubleQuoteType:
		return b.f.scalar(String, tk.Value, tk), nil
	}
	n := typedScalar(tk)
	if n == nil {
		return nil, errSlowPath
	}
	return b.f.convert(n, b.depth)
}

// typedScalar is the parser's node for a number, boolean or null token
// (ast.Integer and the rest, as parser.newIntegerNode makes them), or nil
// for a token of another type.
func typedScalar(tk *token.Token) ast.Node {
	switch tk.Type {
	case token.IntegerType, token.BinaryIntegerType, token.OctetIntegerType, token.HexIntegerType:
		return ast.Integer(tk)
	case token.FloatType:
		return ast.Float(tk)
	case token.BoolType:
		return ast.Bool(tk)
	case token.NullType:
		return ast.Null(tk)
	}
	return nil
}
