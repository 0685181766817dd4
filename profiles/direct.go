package profiles

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml/token"
)

// The direct path. Even with the texts masked (mask.go), goccy's lexer was
// the largest single cost of a cold run: it allocates a token, a position
// and a string or two for every key, colon and scalar of the file, and
// build then walks the tokens again. direct reads a profile's bytes once
// and makes the tree itself, for exactly the subset generated and
// hand-written profiles are made of: block mappings of plain keys, block
// sequences, one-line plain and quoted scalars, one-line flow mappings and
// sequences of such scalars, block scalars of one paragraph (readBlock),
// comments, and one leading "---". It gives up on anything else (tabs,
// carriage returns, escapes, multi-line plain or quoted scalars, indicator
// characters where a scalar starts, any indentation it does not expect),
// which then takes the path through goccy's lexer; every error message
// still comes from goccy. Where direct makes a tree, it is the tree goccy's
// parser and convert make: FuzzFastPath, FuzzFastPathShapes and
// FuzzDirectScalars hold it to them. Numbers, booleans and nulls are typed
// by goccy's own token.New and converted as the parser's nodes are, so
// they read the same on every path.

type direct struct {
	f     *File
	src   []byte
	off   int // where reading goes on: a line's start, or after "- "
	line  int // of off, 1-based
	ls    int // offset of the start of that line
	depth int // of node calls
	// level is the nesting of collections at off; deepest and widest are
	// the most of it and the most entries of one collection so far, a
	// block mapping's counted with those of its lists at its own column.
	level, deepest, widest int
	lim                    Limits
}

// readDirect returns the document's tree, or false when the file is not
// in the subset direct reads. It runs before the guard, and takes only
// files that the guard passes: no control character, valid UTF-8 within
// the size limit, and depth and width within half the limits, which
// leaves the guard's reckoning of them (guard.go) room to count more.
func (f *File) readDirect(lim Limits) (*Node, bool) {
	lim = lim.withDefaults()
	src := f.Src
	if lim.MaxBytes > 0 && len(src) > lim.MaxBytes || !directBytes(src, lim) {
		return nil, false
	}
	d := &direct{f: f, src: src, line: 1, lim: lim}
	// Comments, then at most one "---" alone on its line, at its start.
	col, ok := d.content()
	if !ok || col != 0 {
		return nil, false
	}
	if l := d.rest(); bytes.HasPrefix(l, []byte("---")) {
		if !onlyComment(l[3:]) {
			return nil, false
		}
		d.nextLine()
		if col, ok = d.content(); !ok || col != 0 {
			return nil, false
		}
	}
	root, ok := d.node(-1)
	if !ok {
		return nil, false
	}
	if _, more := d.content(); more {
		return nil, false
	}
	if lim.MaxDepth > 0 && 2*d.deepest >= lim.MaxDepth || lim.MaxEntries > 0 && 2*d.widest > lim.MaxEntries {
		return nil, false // the guard's to judge
	}
	return root, true
}

// directBytes reports whether src holds no byte the direct path leaves
// to the guard and goccy: a control character but "\n" (tabs and carriage
// returns included), a C1 control, U+2028 or U+2029 (YAML reads U+0085
// and these two as line breaks), a byte-order mark, invalid UTF-8, or
// more brackets than the guard allows unclosed.
func directBytes(src []byte, lim Limits) bool {
	brackets := 0
	for i := 0; i < len(src); i++ {
		c := src[i]
		if directByte[c] == 0 {
			continue
		}
		switch c {
		case '\n':
		case '[', '{':
			brackets++
		case 0xc2:
			if i+1 < len(src) && src[i+1] <= 0x9f {
				return false
			}
		case 0xe2:
			if i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xa8 || src[i+2] == 0xa9) {
				return false
			}
		case 0xef:
			if i+2 < len(src) && src[i+1] == 0xbb && src[i+2] == 0xbf {
				return false
			}
		default:
			return false
		}
	}
	if lim.MaxDepth > 0 && brackets > 16*lim.MaxDepth {
		return false
	}
	return utf8.Valid(src)
}

// directByte marks the bytes directBytes looks at.
var directByte = func() (t [256]uint8) {
	for c := 0; c < 0x20; c++ {
		t[c] = 1
	}
	for _, c := range []byte{0x7f, '[', '{', 0xc2, 0xe2, 0xef} {
		t[c] = 1
	}
	return t
}()

// enter and leave keep the nesting of collections.
func (d *direct) enter() {
	d.level++
	d.deepest = max(d.deepest, d.level)
}

// full reports a collection of entries that the direct path leaves to
// the guard, before a wide mapping costs it a quadratic duplicate check.
func (d *direct) full(entries int) bool {
	return d.lim.MaxEntries > 0 && 2*entries > d.lim.MaxEntries || entries > 1<<12
}

func (d *direct) leave(entries int) {
	d.level--
	d.widest = max(d.widest, entries)
}

// lineEnd is the end of the current line, before its "\n".
func (d *direct) lineEnd() int { return lineEnd(d.src, d.off) }

// rest is what is left of the current line.
func (d *direct) rest() []byte { return d.src[d.off:d.lineEnd()] }

func (d *direct) nextLine() {
	e := d.lineEnd()
	if e == len(d.src) {
		d.off, d.ls = e, e
		return
	}
	d.off, d.ls = e+1, e+1
	d.line++
}

// content moves past empty, blank and comment lines to the next content,
// and returns its column (0-based, in bytes: indentation is spaces, and
// what stands before it on a line is ASCII). It returns false at the end.
func (d *direct) content() (int, bool) {
	for d.off < len(d.src) {
		i := d.off
		for i < len(d.src) && d.src[i] == ' ' {
			i++
		}
		if i == len(d.src) {
			d.off = i
			break
		}
		if c := d.src[i]; c != '\n' && c != '#' {
			d.off = i
			return i - d.ls, true
		}
		d.nextLine()
	}
	return 0, false
}

// pos is the position of offset off on the current line.
func (d *direct) pos(off int) Pos {
	l := d.src[d.ls:off]
	col := len(l) + 1
	for _, c := range l {
		if c >= utf8.RuneSelf {
			col = utf8.RuneCount(l) + 1
			break
		}
	}
	return Pos{Line: d.line, Column: col, Offset: off}
}

// end is the position of the end of text that starts at p on its line.
func (d *direct) end(p Pos, text []byte) Pos {
	n := len(text)
	for _, c := range text {
		if c >= utf8.RuneSelf {
			n = utf8.RuneCount(text)
			break
		}
	}
	return Pos{Line: p.Line, Column: p.Column + n, Offset: p.Offset + len(text)}
}

// node reads the block node at d.off, whose parent stands at column
// parent: a mapping, a sequence, or what inline reads.
func (d *direct) node(parent int) (*Node, bool) {
	if d.depth++; d.depth > maxDepth {
		return nil, false
	}
	defer func() { d.depth-- }()
	col := d.off - d.ls
	l := d.rest()
	switch {
	case l[0] == '-' && (len(l) == 1 || l[1] == ' '):
		return d.blockSeq(col)
	case keyLen(l) > 0:
		return d.blockMap(col)
	}
	return d.inline(parent)
}

// keyLen is the length of the plain key that starts l, with its ":" and
// the space after it, or 0. A key starts with a letter and is not one of
// the words goccy reads as a null or a boolean.
func keyLen(l []byte) int {
	k := 0
	for k < len(l) && plainKeyByte(l[k]) {
		k++
	}
	if k == 0 || k >= len(l) || l[k] != ':' || !isLetter(l[0]) || reservedWord(l[:k]) {
		return 0
	}
	if k+1 < len(l) && l[k+1] != ' ' {
		return 0 // "a:b" is a plain scalar
	}
	return k + 1
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// reservedWord reports whether goccy's token.New would read w, which
// starts with a letter, as something other than a text: only these words
// are (TestReservedWords holds them to token.New).
func reservedWord(w []byte) bool {
	switch string(w) {
	case "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE":
		return true
	}
	return false
}

func (d *direct) key() *Node {
	l := d.rest()
	k := keyLen(l) - 1
	n := d.f.node()
	p := d.pos(d.off)
	*n = Node{Kind: String, Value: string(l[:k]), Pos: p, End: d.end(p, l[:k]), Style: StylePlain}
	d.off += k + 1
	return n
}

func (d *direct) blockMap(col int) (*Node, bool) {
	out := &Node{Kind: Map}
	d.enter()
	entries := 0
	defer func() { d.leave(entries) }()
	for {
		c, ok := d.content()
		if !ok || c < col {
			break
		}
		if c > col || keyLen(d.rest()) == 0 {
			return nil, false
		}
		key := d.key()
		if out.Get(key.Value) != nil || d.full(entries+1) {
			return nil, false // goccy's error to give, or the guard's
		}
		if len(out.Fields) == 0 {
			out.Pos = key.Pos
		}
		val, ok := d.value(col)
		if !ok {
			return nil, false
		}
		out.Fields = append(out.Fields, Field{Key: key, Value: val})
		entries++
		if val.Kind == Seq && val.Pos.Line > key.Pos.Line && val.Pos.Column == key.Pos.Column {
			entries += len(val.Items) // the guard counts the lines at its column
		}
	}
	return out, true
}

// value reads the value of the key at column col, d.off being after its
// colon.
func (d *direct) value(col int) (*Node, bool) {
	for d.off < len(d.src) && d.src[d.off] == ' ' {
		d.off++
	}
	if l := d.rest(); len(l) > 0 && l[0] != '#' {
		if l[0] == '-' && (len(l) == 1 || l[1] == ' ') || keyLen(l) > 0 {
			return nil, false // "a: - b", "a: b: c"
		}
		return d.inline(col)
	}
	d.nextLine() // nothing, or a comment after the key's space
	c, ok := d.content()
	switch {
	case !ok || c < col:
		return nil, false // an empty value: goccy places its null
	case c > col:
		return d.node(col)
	case d.src[d.off] == '-' && (d.off+1 == len(d.src) || d.src[d.off+1] == ' ' || d.src[d.off+1] == '\n'):
		return d.blockSeq(col)
	}
	return nil, false
}

func (d *direct) blockSeq(col int) (*Node, bool) {
	out := &Node{Kind: Seq}
	d.enter()
	defer func() { d.leave(len(out.Items)) }()
	for {
		c, ok := d.content()
		if !ok || c < col {
			break
		}
		l := d.rest()
		isEntry := l[0] == '-' && (len(l) == 1 || l[1] == ' ')
		if c == col && !isEntry {
			break
		}
		if c > col || len(l) < 3 || d.full(len(out.Items)+1) {
			return nil, false // deeper, or an empty item ("-" alone)
		}
		if len(out.Items) == 0 {
			out.Pos = d.pos(d.off)
		}
		d.off++
		for d.src[d.off] == ' ' {
			d.off++
		}
		if l := d.rest(); len(l) == 0 || l[0] == '#' || l[0] == '-' && (len(l) == 1 || l[1] == ' ') {
			return nil, false // an empty item, or "- - a"
		}
		n, ok := d.node(col)
		if !ok {
			return nil, false
		}
		out.Items = append(out.Items, n)
	}
	return out, true
}

// inline reads a value that starts at d.off and ends its line (a block
// scalar's body aside): a scalar, a flow collection or a block scalar,
// belonging to a node at column parent.
func (d *direct) inline(parent int) (*Node, bool) {
	l := d.rest()
	var n *Node
	var used int
	switch l[0] {
	case '|', '>':
		return d.block(parent)
	case '{', '[':
		n, used = d.flow(l)
	case '"', '\'':
		n, used = d.quoted(l)
	default:
		n, used = d.plain(l, false)
	}
	if n == nil || !onlyComment(l[used:]) {
		return nil, false
	}
	d.nextLine()
	return n, true
}

// onlyComment reports whether l holds nothing but spaces, and maybe a
// comment after at least one of them.
func onlyComment(l []byte) bool {
	i := 0
	for i < len(l) && l[i] == ' ' {
		i++
	}
	return i == len(l) || l[i] == '#' && i > 0
}

// block reads a block scalar's header at d.off and its body (readBlock).
func (d *direct) block(parent int) (*Node, bool) {
	l := d.rest()
	h := 1
	if len(l) > 1 && l[1] == '-' {
		h = 2
	}
	if h < len(l) && (l[h] != ' ' || !onlyComment(l[h:])) {
		return nil, false // "+", an indentation indicator, or text
	}
	e := d.lineEnd()
	b, bodyEnd, ok := readBlock(d.src, d.off, e, parent)
	if !ok {
		return nil, false
	}
	n := d.f.node()
	*n = Node{Kind: String, Value: b.value, Pos: d.pos(d.off), Style: b.style}
	d.line += bytes.Count(d.src[e:bodyEnd], []byte{'\n'})
	d.off, d.ls = bodyEnd, bodyEnd
	return n, true
}

// quoted reads a quoted text that ends on its line: no quote inside but
// escaped ones, no escape but "\\", "\"" and "\u" of a printable
// character, no control character, no space at either end. It returns the
// node and the bytes of l it took, or nil.
func (d *direct) quoted(l []byte) (*Node, int) {
	q := l[0]
	end, esc := 1, false
	for end < len(l) && l[end] != q {
		if l[end] == '\\' && q == '"' {
			esc = true
			end++
		}
		end++
	}
	if end <= 1 || end >= len(l) || end+1 < len(l) && l[end+1] == q {
		return nil, 0 // unclosed, empty, or "''" inside
	}
	body := l[1:end]
	if body[0] == ' ' || !plainLine(body) {
		return nil, 0
	}
	value, hex := string(body), false
	if esc {
		var ok bool
		if value, hex, ok = unescape(body); !ok {
			return nil, 0
		}
	}
	n := d.f.node()
	p := d.pos(d.off)
	*n = Node{Kind: String, Value: value, Pos: p, End: d.end(p, l[:end+1]), Style: StyleDouble}
	if q == '\'' {
		n.Style = StyleSingle
	}
	if hex {
		n.End = Pos{} // goccy's origin leaves out the digits of a "\u"
	}
	return n, end + 1
}

// unescape decodes the escapes of a double-quoted text that quoted takes:
// "\\", "\"" and "\uXXXX" of a character over U+0020 that is neither a
// surrogate nor one YAML reads as a line break or a byte-order mark; it
// reports false for any other, and whether there was a "\u".
func unescape(body []byte) (text string, hex, ok bool) {
	out := make([]byte, 0, len(body))
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		i++
		if i == len(body) {
			return "", false, false
		}
		switch body[i] {
		case '\\', '"':
			out = append(out, body[i])
		case 'u':
			if i+4 >= len(body) {
				return "", false, false
			}
			r := rune(0)
			for _, h := range body[i+1 : i+5] {
				switch {
				case '0' <= h && h <= '9':
					r = r<<4 | rune(h-'0')
				case 'a' <= h && h <= 'f':
					r = r<<4 | rune(h-'a'+10)
				case 'A' <= h && h <= 'F':
					r = r<<4 | rune(h-'A'+10)
				default:
					return "", false, false
				}
			}
			if r <= ' ' || 0x7f <= r && r <= 0xa0 || 0xd800 <= r && r <= 0xdfff || r == 0x2028 || r == 0x2029 || r == 0xfeff {
				return "", false, false
			}
			out = utf8.AppendRune(out, r)
			i += 4
			hex = true
		default:
			return "", false, false
		}
	}
	return string(out), hex, true
}

// plainByte are the bytes a plain scalar may hold past its first, in a
// block (1) or also in a flow collection (2); any byte of a multi-byte
// character is one.
var plainByte = func() (t [256]uint8) {
	for c := 0x80; c < 0x100; c++ {
		t[c] = 3
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = 3
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = 3, 3
	}
	for _, c := range []byte(" -_.") {
		t[c] = 3
	}
	for _, c := range []byte(",;()/&+'!?%=@") {
		t[c] = 1
	}
	return t
}()

// plain reads a plain scalar on one line, up to a comment or, in a flow
// collection, a "," or closing bracket. It starts with a letter, a digit
// or a multi-byte character. It returns the node and the bytes of l it
// took, or nil.
func (d *direct) plain(l []byte, flow bool) (*Node, int) {
	if c := l[0]; !isLetter(c) && !('0' <= c && c <= '9') && c < utf8.RuneSelf {
		return nil, 0
	}
	var want uint8 = 1
	if flow {
		want = 2
	}
	i := 1
	for i < len(l) && plainByte[l[i]]&want != 0 {
		if l[i] == ' ' && i+1 < len(l) && l[i+1] == '#' {
			break
		}
		i++
	}
	if i < len(l) && !(l[i] == ' ' || flow && (l[i] == ',' || l[i] == ']' || l[i] == '}')) {
		return nil, 0
	}
	text := bytes.TrimRight(l[:i], " ")
	if !flow && len(text) < i && i == len(l) {
		return nil, 0 // trailing spaces: goccy places the text after them
	}
	if r, _ := utf8.DecodeRune(text); unicode.IsSpace(r) {
		return nil, 0 // goccy's origin loses what TrimSpace takes
	}
	if r, _ := utf8.DecodeLastRune(text); unicode.IsSpace(r) {
		return nil, 0
	}
	p := d.pos(d.off)
	if c := text[0]; '0' <= c && c <= '9' || reservedWord(text) {
		// Typed as goccy types it, converted as the parser's nodes are.
		tk := token.New(string(text), string(text), &token.Position{Line: p.Line, Column: p.Column, Offset: p.Offset})
		if tk.Type != token.StringType {
			an := typedScalar(tk)
			if an == nil {
				return nil, 0
			}
			n, err := d.f.convert(an, d.depth)
			if err != nil {
				return nil, 0
			}
			return n, i
		}
	}
	n := d.f.node()
	*n = Node{Kind: String, Value: string(text), Pos: p, End: d.end(p, text), Style: StylePlain}
	return n, i
}

// flow reads a flow mapping or sequence on one line whose entries are
// scalars. It returns the node and the bytes of l it took, or nil.
func (d *direct) flow(l []byte) (*Node, int) {
	out := &Node{Kind: Map, Pos: d.pos(d.off), Fields: []Field{}}
	close := byte('}')
	if l[0] == '[' {
		out.Kind, out.Fields, out.Items, close = Seq, nil, []*Node{}, ']'
	}
	start := d.off
	d.enter()
	defer func() { d.off = start; d.leave(len(out.Fields) + len(out.Items)) }()
	i := 1
	skip := func() {
		for i < len(l) && l[i] == ' ' {
			i++
		}
	}
	skip()
	if i < len(l) && l[i] == close {
		return out, i + 1
	}
	for {
		if i >= len(l) {
			return nil, 0
		}
		var key *Node
		if out.Kind == Map {
			k := keyLen(l[i:]) - 1
			if k <= 0 || i+k+1 >= len(l) {
				return nil, 0
			}
			d.off = start + i
			key = d.key()
			if out.Get(key.Value) != nil || d.full(len(out.Fields)+1) {
				return nil, 0
			}
			i += k + 1
			skip()
			if i >= len(l) {
				return nil, 0
			}
		}
		d.off = start + i
		var n *Node
		var used int
		switch l[i] {
		case '"', '\'':
			n, used = d.quoted(l[i:])
		default:
			n, used = d.plain(l[i:], true)
		}
		if n == nil {
			return nil, 0
		}
		if out.Kind == Map {
			out.Fields = append(out.Fields, Field{Key: key, Value: n})
		} else {
			out.Items = append(out.Items, n)
		}
		i += used
		skip()
		if i >= len(l) {
			return nil, 0
		}
		switch l[i] {
		case close:
			return out, i + 1
		case ',':
			i++
			skip()
			if i >= len(l) || l[i] == close {
				return nil, 0 // a trailing comma: the parser decides
			}
		default:
			return nil, 0
		}
	}
}
