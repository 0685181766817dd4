package profiles

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// Limits bound what the loader accepts before the YAML parser sees a file.
// A zero field means the default; a negative one turns that check off.
type Limits struct {
	// MaxBytes bounds the file size, after any byte-order mark.
	MaxBytes int
	// MaxDepth bounds the nesting of mappings and lists, block and flow
	// together.
	MaxDepth int
	// MaxEntries bounds the entries of one mapping or list.
	MaxEntries int
}

const (
	defaultMaxBytes   = 1 << 20
	defaultMaxDepth   = 64
	defaultMaxEntries = 10000
)

// DefaultLimits are the limits used when none are configured.
var DefaultLimits = Limits{MaxBytes: defaultMaxBytes, MaxDepth: defaultMaxDepth, MaxEntries: defaultMaxEntries}

func (l Limits) withDefaults() Limits {
	if l.MaxBytes == 0 {
		l.MaxBytes = defaultMaxBytes
	}
	if l.MaxDepth == 0 {
		l.MaxDepth = defaultMaxDepth
	}
	if l.MaxEntries == 0 {
		l.MaxEntries = defaultMaxEntries
	}
	return l
}

// Guard checks src against the limits in one linear pass, before the YAML
// parser sees it: goccy/go-yaml needs memory quadratic in the depth of
// nested brackets and time quadratic in the width of a block mapping, and
// it silently deletes tabs inside plain scalars. Guard never calls the
// parser, reads each byte once or twice, and keeps one small record per
// open level of nesting (at most MaxDepth of them, plus indented text that
// opens no collection: fewer than the square root of twice the size). It
// returns the first problem found, at the position (line, column in runes,
// byte offset) of the byte that crossed the limit:
//
//   - a file over MaxBytes, at the first byte past the limit;
//   - invalid UTF-8, at the first bad byte;
//   - a control character other than tab, line feed and carriage return,
//     and a carriage return not followed by a line feed (goccy counts it
//     as a line break, so positions would drift);
//   - nesting over MaxDepth: a flow "[" or "{" outside quotes and comments
//     is one level; a block level is a column of indentation deeper than
//     the enclosing one where a line starts with "- ", "? " or a "key:",
//     and so is a "- " or "key:" that follows "- " on the same line. This
//     approximates the parser's depth: a list indented like its parent key
//     counts as no level of its own;
//   - a mapping or list over MaxEntries: block entries are counted as the
//     lines starting at one column under one parent, flow entries as the
//     values between commas at one flow depth. Comment and blank lines do
//     not count; continuation lines of a long plain scalar do;
//   - an anchor "&name" or alias "*name" where a node starts (line start,
//     after "- ", "? ", ": ", "[", "{", ",", or a tag). Profiles have no use
//     for them, and rejecting them outright is simpler to explain than a
//     budget on their expanded size. goccy's parser keeps aliases as
//     references (only decoding expands them), and the conversion to Node
//     rejects the ones this scanner cannot see, so this check is for a clear
//     message early, not a safety net;
//   - a tab inside a plain scalar followed by more text on the same line,
//     which goccy would delete ("x<TAB>y" reads as "xy");
//   - a second document: a "---" line after content or after another
//     "---", or content after "...". goccy keeps only the first document
//     and drops whatever follows two consecutive "---" lines without a
//     word, so Parse could not tell on its own.
//
// Text in quoted scalars, block scalars ("|" and ">") and comments is only
// checked for encoding and control characters. Where the scanner and the
// parser could read a line differently, the scanner takes the reading
// that checks more. As a backstop against any such difference, brackets
// are also counted everywhere, even in quotes and comments, and more than
// 16 × MaxDepth unclosed ones are rejected: that bounds what the parser's
// quadratic bracket nesting can cost whatever the scanner missed.
func Guard(src []byte, lim Limits) *SyntaxError {
	_, err := guard(src, lim)
	return err
}

// guard is Guard, and returns the offsets of the tabs inside double-quoted
// scalars that goccy miscounts (see swapTabs).
func guard(src []byte, lim Limits) (tabs []int, err *SyntaxError) {
	lim = lim.withDefaults()
	if err := tooLarge(src, int64(len(src)), lim); err != nil {
		return nil, err
	}
	s := &scanner{src: src, lim: lim, line: 1, col: 1, lastEntry: -1, keyCol: -1, lineStart: true}
	if lim.MaxDepth > 0 {
		s.rawLimit = 16 * lim.MaxDepth
	}
	defer func() {
		if r := recover(); r != nil {
			se, ok := r.(guardError)
			if !ok {
				panic(r)
			}
			tabs, err = nil, se.SyntaxError
		}
	}()
	s.run()
	return s.tabs, nil
}

// CheckSize reports a file of size bytes over lim.MaxBytes (not counting
// a byte-order mark) from its first bytes alone, as Parse would: a loader
// that knows a file's size need not read a huge file whole to reject it.
// head must hold the file's first lim.MaxBytes+4 bytes, or all of it. A
// negative size stands for a stream of unknown size, of which head is the
// beginning: it is over the limit when head is.
func CheckSize(head []byte, size int64, lim Limits) *SyntaxError {
	if bytes.HasPrefix(head, bom) {
		head = head[len(bom):]
		if size >= 0 {
			size -= int64(len(bom))
		}
	}
	return tooLarge(head, size, lim.withDefaults())
}

// HeadSize is how many first bytes of a file CheckSize needs.
func HeadSize(lim Limits) int { return lim.withDefaults().MaxBytes + len(bom) + 1 }

func tooLarge(src []byte, size int64, lim Limits) *SyntaxError {
	if size < 0 && lim.MaxBytes > 0 && len(src) > lim.MaxBytes {
		// The first bytes of a stream whose size is not known.
		return &SyntaxError{Pos: posAt(src, lim.MaxBytes), Msg: fmt.Sprintf("the input is over the limit of %d bytes; no more of it was read", lim.MaxBytes)}
	}
	if lim.MaxBytes <= 0 || size <= int64(lim.MaxBytes) {
		return nil
	}
	return &SyntaxError{Pos: posAt(src, min(lim.MaxBytes, len(src))), Msg: fmt.Sprintf("the file is %d bytes, over the limit of %d", size, lim.MaxBytes)}
}

// posAt is File.PosAt for a file not yet indexed.
func posAt(src []byte, off int) Pos {
	line, start := 1, 0
	for i, b := range src[:off] {
		if b == '\n' {
			line, start = line+1, i+1
		}
	}
	return Pos{Line: line, Column: utf8.RuneCount(src[start:off]) + 1, Offset: off}
}

// guardError carries a finding out of the scanner's loops.
type guardError struct{ *SyntaxError }

// Where the scanner is in the stream of documents.
const (
	docNone  = iota // only comments and directives so far
	docIn           // after "---" or the first content
	docEnded        // after "..."
)

type scanState uint8

const (
	stNode    scanState = iota // where a node may start
	stPlain                    // inside a plain scalar
	stAfter                    // after a quoted scalar or a flow collection
	stComment                  // up to the end of the line
	stSingle                   // inside a single-quoted scalar
	stDouble                   // inside a double-quoted scalar
)

// blockLevel is a column of indentation under one parent. A level is sure
// once an indicator ("- ", "? ", ":") shows it holds a collection; only
// sure levels count toward the depth, so that a scalar or flow collection
// alone on its line, or a plain scalar continued on a more indented line,
// adds none.
type blockLevel struct {
	col, entries int
	start        Pos // where its first entry starts
	sure         bool
}

type flowLevel struct {
	entries int
	open    bool // an entry has started since the last comma
	start   Pos  // of its bracket
}

type scanner struct {
	src       []byte
	lim       Limits
	off       int // offset of the next byte
	line, col int // position of the next byte; col counts runes
	lineStart bool
	state     scanState
	doc       int

	block []blockLevel // block levels by column, innermost last
	sure  int          // sure levels in block
	flow  []flowLevel  // open flow collections, innermost last
	raw   int          // unclosed brackets counted everywhere
	// rawLimit bounds raw; zero turns the backstop off.
	rawLimit int

	quoteStart Pos // of the quoted scalar being read
	// dqLead is set in the white space that starts a line inside a
	// double-quoted scalar, which folding drops; tabs lists the tabs
	// goccy keeps in such scalars (quotedTabs).
	dqLead bool
	tabs   []int

	lineFirst bool // nothing but indentation before this point on the line
	lastEntry int  // column of the last block entry on this line
	keyCol    int  // column of a scalar after "- " or "? " that may be a key
	keyPos    Pos
	tabPos    Pos // first tab in the white space inside a plain scalar
	sawTab    bool
	blank     bool // the plain scalar's last rune was white space

	// Block scalar ("|" or ">") state: bsParent is the indentation of the
	// node that owns it, bsIndent that of its content, -1 until a line
	// sets it.
	inBS               bool
	bsParent, bsIndent int
	bsExplicit         int
}

func (s *scanner) pos() Pos { return Pos{Line: s.line, Column: s.col, Offset: s.off} }

func (s *scanner) fail(p Pos, format string, args ...any) {
	panic(guardError{&SyntaxError{Pos: p, Msg: fmt.Sprintf(format, args...)}})
}

// peek returns the byte k bytes ahead, or 0 at the end.
func (s *scanner) peek(k int) byte {
	if s.off+k < len(s.src) {
		return s.src[s.off+k]
	}
	return 0
}

// blankAt reports whether the byte k ahead is white space or the end of
// the line or file.
func (s *scanner) blankAt(k int) bool {
	switch s.peek(k) {
	case ' ', '\t', '\r', '\n', 0:
		return true
	}
	return false
}

// next consumes one rune, checking its encoding, and returns its first
// byte. Every byte of the file goes through here, but for the runs of
// plain quoted text that run passes over (quotedRun).
func (s *scanner) next() byte {
	b := s.src[s.off]
	if b < utf8.RuneSelf {
		switch {
		case b == '\n':
			s.off++
			s.line, s.col = s.line+1, 1
			s.lineStart = true
			return b
		case b == '\r' && s.peek(1) != '\n':
			s.fail(s.pos(), "a carriage return without a line feed; use \\n or \\r\\n line endings")
		case b < 0x20 && b != '\t' && b != '\r', b == 0x7f:
			s.fail(s.pos(), "control character U+%04X is not allowed; remove it or write it as an escape in a double-quoted value", b)
		case b == '[' || b == '{':
			s.raw++
			if s.rawLimit > 0 && s.raw > s.rawLimit {
				s.fail(s.pos(), "more than %d unclosed brackets, counting those in quotes and comments", s.rawLimit)
			}
		case (b == ']' || b == '}') && s.raw > 0:
			s.raw--
		}
		s.off++
		s.col++
		return b
	}
	r, size := utf8.DecodeRune(s.src[s.off:])
	if r == utf8.RuneError && size == 1 {
		s.fail(s.pos(), "invalid UTF-8: byte 0x%02x", b)
	}
	if r >= 0x80 && r <= 0x9f {
		s.fail(s.pos(), "control character U+%04X is not allowed; remove it or write it as an escape in a double-quoted value", r)
	}
	s.off += size
	s.col++
	return b
}

// quotedRun is how many bytes at the start of src a double-quoted scalar
// passes over without anything for next to check or count: printable
// ASCII other than quotes, escapes and brackets.
func quotedRun(src []byte) int {
	for i, b := range src {
		if !quotedPlain[b] {
			return i
		}
	}
	return len(src)
}

var quotedPlain = func() (t [256]bool) {
	for b := ' '; b <= '~'; b++ {
		t[b] = true
	}
	for _, b := range "\"\\[]{}" {
		t[b] = false
	}
	return t
}()

func (s *scanner) run() {
	for s.off < len(s.src) {
		if s.lineStart {
			s.lineStart = false
			s.checkContinued()
			if s.state != stSingle && s.state != stDouble {
				s.startLine()
				continue
			}
			s.dqLead = true
		}
		b := s.src[s.off]
		switch s.state {
		case stNode:
			s.node(b)
		case stPlain:
			s.plain(b)
		case stAfter:
			s.after(b)
		case stComment:
			if s.next() == '\n' {
				s.state = stNode
			}
		case stSingle:
			s.next()
			if b == '\'' {
				if s.peek(0) == '\'' {
					s.next()
				} else {
					s.state = stAfter
				}
			}
		case stDouble:
			// Most bytes of a file are quoted text that the scanner only
			// counts: pass over them in one loop.
			if n := quotedRun(s.src[s.off:]); n > 0 {
				if s.dqLead && len(bytes.TrimLeft(s.src[s.off:s.off+n], " ")) > 0 {
					s.dqLead = false
				}
				s.off += n
				s.col += n
				continue
			}
			if b == '\t' {
				s.quotedTabs()
				continue
			}
			s.next()
			s.dqLead = false
			switch b {
			case '\\':
				if s.off < len(s.src) {
					s.next()
				}
			case '"':
				s.state = stAfter
			}
		}
	}
}

// checkContinued rejects a line that continues a quoted scalar or a flow
// collection inside a block collection without being indented more than
// the collection: YAML forbids it and goccy reads it anyway.
func (s *scanner) checkContinued() {
	if s.state != stSingle && s.state != stDouble && len(s.flow) == 0 {
		return
	}
	indent := 0
	for s.peek(indent) == ' ' {
		indent++
	}
	end := indent
	for s.peek(end) == ' ' || s.peek(end) == '\t' {
		end++
	}
	switch c := s.peek(end); {
	case c == '\n' || c == 0 || c == '\r':
		return // a blank line
	case (c == ']' || c == '}') && s.state != stSingle && s.state != stDouble:
		// YAML wants the closing bracket indented too, but formatters
		// put it under its key, and every parser we know reads that.
		return
	}
	// A line that only holds a flow collection or a scalar opens no sure
	// level; the collection the text is in is the innermost sure one.
	for i := len(s.block) - 1; i >= 0; i-- {
		if !s.block[i].sure {
			continue
		}
		if indent <= s.block[i].col {
			// Most often a quote or bracket left open: name it.
			what, open := "quote", s.quoteStart
			if s.state != stSingle && s.state != stDouble {
				f := s.flow[len(s.flow)-1]
				what, open = fmt.Sprintf("%q", string(s.src[f.start.Offset])), f.start
			}
			s.fail(Pos{Line: s.line, Column: indent + 1, Offset: s.off + indent}, "the %s at %d:%d is still open on this line; close it, or indent the line more than the mapping or list it is in", what, open.Line, open.Column)
		}
		return
	}
}

// quotedTabs passes over a run of blanks holding a tab inside a
// double-quoted scalar, and records the tabs that goccy keeps in the value
// and miscounts: each one followed on its line by more than white space or
// by anything but the closing quote makes goccy's scanner skip a byte
// after the scalar (docs/decisions.md).
func (s *scanner) quotedTabs() {
	end := s.off
	for end < len(s.src) && (s.src[end] == ' ' || s.src[end] == '\t') {
		end++
	}
	kept := !s.dqLead && end < len(s.src) && s.src[end] != '\n' && s.src[end] != '\r'
	for k := s.off; kept && k < end; k++ {
		if s.src[k] == '\t' && s.src[k+1] != '"' {
			s.tabs = append(s.tabs, k)
		}
	}
	s.col += end - s.off
	s.off = end
}

// startLine handles indentation: block scalar content, document markers,
// and the block levels that the line's first column opens or closes.
func (s *scanner) startLine() {
	s.state = stNode
	s.lineFirst = true
	s.keyCol = -1
	indent := 0
	for s.peek(indent) == ' ' {
		indent++
	}
	end := indent
	for s.peek(end) == ' ' || s.peek(end) == '\t' {
		end++
	}
	c := s.peek(end)
	empty := c == '\n' || c == 0 || (c == '\r' && s.peek(end+1) == '\n')
	marker := indent == 0 && (s.hasPrefix("---") || s.hasPrefix("...")) && s.blankAt(3)
	if s.inBS && !marker {
		if s.bsIndent < 0 && !empty && indent > s.bsParent {
			s.bsIndent = max(indent, s.bsParent+s.bsExplicit)
		}
		if empty || (s.bsIndent >= 0 && indent >= s.bsIndent) {
			s.skipLine()
			return
		}
	}
	s.inBS = false
	if len(s.flow) > 0 {
		return
	}
	for s.off < len(s.src) && (s.src[s.off] == ' ' || s.src[s.off] == '\t') {
		s.next()
	}
	if empty || c == '#' {
		return
	}
	if (marker || s.doc == docEnded || (indent == 0 && c == '%' && s.doc == docNone)) && s.document(marker) {
		return
	}
	if marker {
		s.block, s.sure = s.block[:0], 0
		s.lastEntry = -1
		s.next()
		s.next()
		s.next()
		s.lineFirst = false
		return
	}
	for n := len(s.block); n > 0 && s.block[n-1].col > indent; n-- {
		if s.block[n-1].sure {
			s.sure--
		}
		s.block = s.block[:n-1]
	}
	s.doc = docIn
	if n := len(s.block); n > 0 && s.block[n-1].col == indent {
		// ": value" completes the "? key" above it: one entry, not two.
		if !(c == ':' && s.blankAt(1)) {
			s.count(&s.block[n-1].entries)
		}
	} else {
		s.block = append(s.block, blockLevel{col: indent, entries: 1, start: s.pos()})
	}
	s.lastEntry = indent
}

// document follows the documents of the stream at the start of a line
// that is not blank or a comment, and rejects a second one: goccy drops
// whatever follows two consecutive "---" lines without a word. It reports
// whether the line is a directive, to be skipped.
func (s *scanner) document(marker bool) bool {
	switch {
	case marker && s.src[s.off] == '.':
		s.doc = docEnded
		return false
	case !marker && s.src[s.off] == '%' && s.doc == docNone:
		// A directive such as "%YAML 1.2" comes before the document.
		s.state = stComment
		return true
	case s.doc != docNone:
		s.fail(s.pos(), "more than one YAML document; a profile file holds exactly one")
	}
	s.doc = docIn
	return false
}

func (s *scanner) hasPrefix(p string) bool {
	return len(s.src)-s.off >= len(p) && string(s.src[s.off:s.off+len(p)]) == p
}

func (s *scanner) skipLine() {
	for s.off < len(s.src) {
		if s.next() == '\n' {
			return
		}
	}
}

// push opens a sure block level at col, starting at p: a compact entry
// nested in a list entry on the same line.
func (s *scanner) push(col int, p Pos) {
	s.block = append(s.block, blockLevel{col: col, entries: 1, start: p})
	s.confirm()
}

// confirm makes the innermost block level count toward the depth.
func (s *scanner) confirm() {
	n := len(s.block)
	if n == 0 || s.block[n-1].sure {
		return
	}
	s.checkDepth(s.block[n-1].start)
	s.block[n-1].sure = true
	s.sure++
}

// checkDepth is called before one more level opens at p.
func (s *scanner) checkDepth(p Pos) {
	if s.lim.MaxDepth > 0 && s.sure+len(s.flow) >= s.lim.MaxDepth {
		s.fail(p, "nesting deeper than the limit of %d levels", s.lim.MaxDepth)
	}
}

func (s *scanner) count(entries *int) {
	*entries++
	if s.lim.MaxEntries > 0 && *entries > s.lim.MaxEntries {
		s.fail(s.pos(), "a mapping or list with more than %d entries", s.lim.MaxEntries)
	}
}

// node handles the first byte of what may start a node.
func (s *scanner) node(b byte) {
	inFlow := len(s.flow) > 0
	first := s.lineFirst
	s.lineFirst = false
	switch b {
	case ' ', '\t', '\r', '\n':
		s.next()
		s.lineFirst = first
		return
	case '#':
		if !first && s.off > 0 && s.src[s.off-1] == ',' {
			s.fail(s.pos(), "a comment must be separated from the value before it by a space")
		}
		s.next()
		s.state = stComment
		return
	case ',':
		if inFlow {
			s.next()
			s.flow[len(s.flow)-1].open = false
			return
		}
	case ']', '}':
		if inFlow {
			s.next()
			s.flow = s.flow[:len(s.flow)-1]
			s.state = stAfter
			return
		}
	}
	if inFlow {
		if f := &s.flow[len(s.flow)-1]; !f.open {
			f.open = true
			s.count(&f.entries)
		}
	}
	// A scalar right after "- " or "? " is a key if a ":" follows it.
	cand := -1
	if s.keyCol == -2 {
		cand, s.keyPos = s.col-1, s.pos()
	}
	switch b {
	case '[', '{':
		s.keyCol = -1
		s.checkDepth(s.pos())
		s.flow = append(s.flow, flowLevel{start: s.pos()})
		s.next()
		s.state = stNode
		return
	case '\'':
		s.keyCol, s.quoteStart = cand, s.pos()
		s.next()
		s.state = stSingle
		return
	case '"':
		s.keyCol, s.quoteStart = cand, s.pos()
		s.next()
		s.state = stDouble
		return
	case '&', '*':
		name := s.off + 1
		for name < len(s.src) && !isBlankByte(s.src[name]) && !(inFlow && isFlowIndicator(s.src[name])) && name-s.off < 40 {
			name++
		}
		what := "anchor"
		if b == '*' {
			what = "alias"
		}
		s.fail(s.pos(), "%s %s: anchors and aliases are not allowed in a profile; write the value out", what, validPrefix(s.src[s.off:name]))
	case '!':
		for s.off < len(s.src) && !isBlankByte(s.src[s.off]) && !(inFlow && isFlowIndicator(s.src[s.off])) {
			if s.src[s.off] == ',' && s.blankAt(1) && s.src[s.off-1] != '>' {
				// goccy takes "!!str," for a tag; a verbatim tag
				// ("!<tag:yaml.org,2002:str>") may hold commas.
				s.fail(s.pos(), "%q cannot be part of a tag", s.src[s.off])
			}
			s.next()
		}
		s.state = stNode
		return
	case '|', '>':
		if !inFlow && s.blockHeader() {
			s.inBS, s.bsParent, s.bsIndent = true, s.lastEntry, -1
			s.bsExplicit = 0
			s.next()
			for !s.blankAt(0) {
				if c := s.peek(0); c >= '1' && c <= '9' {
					s.bsExplicit = int(c - '0')
				}
				s.next()
			}
			s.state = stAfter
			return
		}
	case '-', '?', ':':
		if inFlow && b == '-' && (s.blankAt(1) || isFlowIndicator(s.peek(1))) {
			// goccy reads "[-]" as a list holding "-"; YAML has no such
			// value.
			s.fail(s.pos(), "a lone \"-\" inside brackets is not a value; quote it")
		}
		if s.blankAt(1) || (inFlow && b == ':') {
			col := s.col - 1
			if b == ':' {
				s.keyIndicator()
			} else if !inFlow {
				if first {
					s.confirm()
				} else {
					s.push(col, s.pos())
				}
				s.lastEntry = col
				s.keyCol = -2 // the next scalar may be a compact key
			}
			s.next()
			s.state = stNode
			return
		}
	}
	s.keyCol = cand
	s.state = stPlain
	s.sawTab, s.blank = false, false
	s.next()
}

// keyIndicator handles a block ":": the line's level is a mapping, or, for
// a key that follows "- " on the same line, the key starts a mapping nested
// in the list entry.
func (s *scanner) keyIndicator() {
	if len(s.flow) > 0 {
		return
	}
	if s.keyCol < 0 {
		s.confirm()
		return
	}
	if n := len(s.block); n == 0 || s.block[n-1].col < s.keyCol {
		s.push(s.keyCol, s.keyPos)
	}
	s.lastEntry = s.keyCol
	s.keyCol = -1
}

// blockHeader reports whether a "|" or ">" at the current byte starts a
// block scalar: up to two indicators, then only white space or a comment.
func (s *scanner) blockHeader() bool {
	k := 1
	for ; k <= 2; k++ {
		c := s.peek(k)
		if !(c >= '1' && c <= '9') && c != '+' && c != '-' {
			break
		}
	}
	if !s.blankAt(k) {
		return false
	}
	for s.peek(k) == ' ' || s.peek(k) == '\t' {
		k++
	}
	c := s.peek(k)
	return c == '#' || c == '\n' || c == 0 || (c == '\r' && s.peek(k+1) == '\n')
}

// plain handles one byte inside a plain scalar.
func (s *scanner) plain(b byte) {
	inFlow := len(s.flow) > 0
	switch {
	case b == '\n':
		s.next()
		s.state = stNode
		return
	case b == ' ' || b == '\t' || b == '\r':
		if b == '\t' && !s.sawTab {
			s.sawTab, s.tabPos = true, s.pos()
		}
		s.blank = true
		s.next()
		return
	case b == '#' && s.blank:
		s.next()
		s.state = stComment
		return
	case b == ':' && (s.blankAt(1) || inFlow):
		s.next()
		s.keyIndicator()
		s.state = stNode
		return
	case inFlow && isFlowIndicator(b):
		s.state = stNode
		return
	}
	if s.sawTab {
		s.fail(s.tabPos, "a tab inside an unquoted value would be lost; quote the value or use spaces")
	}
	s.blank = false
	s.next()
}

// after handles one byte after a complete quoted scalar, flow collection,
// or block scalar header.
func (s *scanner) after(b byte) {
	switch b {
	case ' ', '\t', '\r':
		s.next()
	case '\n':
		s.next()
		s.state = stNode
	case '#':
		if p := s.src[s.off-1]; p != ' ' && p != '\t' {
			// goccy reads `"a"#b` and `[a]#b` as a comment.
			s.fail(s.pos(), "a comment must be separated from the value before it by a space")
		}
		s.next()
		s.state = stComment
	case ':':
		s.next()
		s.keyIndicator()
		s.state = stNode
	default:
		// A closing bracket or comma in flow, or text the parser will
		// reject: read it as a node start, which checks the most.
		s.state = stNode
		s.node(b)
	}
}

func isBlankByte(b byte) bool {
	return b == ' ' || b == '\t' || b == '\r' || b == '\n'
}

func isFlowIndicator(b byte) bool {
	return b == ',' || b == '[' || b == ']' || b == '{' || b == '}'
}

// validPrefix returns b cut before any invalid UTF-8, for messages.
func validPrefix(b []byte) string {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return string(b[:i])
		}
		i += size
	}
	return string(b)
}
