// Package profiles loads profile documents and keeps the position of every
// node, so that findings can point at the exact line and column.
package profiles

import (
	"strconv"
	"strings"
)

// Kind is the type of a node's value.
type Kind uint8

// Kinds of nodes, after YAML's core schema.
const (
	Null Kind = iota
	Bool
	Int
	Float
	String
	Map
	Seq
)

var kindNames = [...]string{"null", "boolean", "integer", "number", "string", "mapping", "list"}

func (k Kind) String() string { return kindNames[k] }

// Pos is a place in a file. Line and Column are 1-based; Column counts
// runes, as editors do. Offset is the byte offset from the start of the
// file, after any byte-order mark.
type Pos struct {
	Line, Column int
	Offset       int
}

// Node is one value of a document. Scalars keep their decoded text in
// Value; mappings keep their fields in source order; sequences their items.
type Node struct {
	Kind   Kind
	Value  string // scalar text as decoded (for Int and Float, as written)
	Num    float64
	Pos    Pos
	End    Pos // end of the scalar's source text; zero when not known
	Fields []Field
	Items  []*Node
	// Style records how a scalar was written, so that fixes can keep it.
	Style Style
}

// Style is how a scalar was written; the zero Style is that of a
// mapping, a sequence or a node that was not written at all.
type Style uint8

// Styles of scalars.
const (
	NoStyle      Style = iota
	StylePlain         // plain
	StyleSingle        // 'single-quoted'
	StyleDouble        // "double-quoted" (and every JSON string)
	StyleLiteral       // | literal block
	StyleFolded        // > folded block
)

var styleNames = [...]string{"", "plain", "single", "double", "literal", "folded"}

func (s Style) String() string {
	if int(s) < len(styleNames) {
		return styleNames[s]
	}
	return "Style(" + strconv.Itoa(int(s)) + ")"
}

// Field is one key and value of a mapping.
type Field struct {
	Key   *Node
	Value *Node
}

// Get returns the value of key in a mapping, or nil.
func (n *Node) Get(key string) *Node {
	if n == nil || n.Kind != Map {
		return nil
	}
	for _, f := range n.Fields {
		if f.Key.Value == key {
			return f.Value
		}
	}
	return nil
}

// Key returns the key node of key in a mapping, or nil.
func (n *Node) Key(key string) *Node {
	if n == nil || n.Kind != Map {
		return nil
	}
	for _, f := range n.Fields {
		if f.Key.Value == key {
			return f.Key
		}
	}
	return nil
}

// Text returns the value of a string scalar, or "" for anything else.
func (n *Node) Text() string {
	if n == nil || n.Kind != String {
		return ""
	}
	return n.Value
}

// List returns the items of a sequence node, or nothing for any other
// node (nil included), so that a rule can range over a list that may be
// missing or of the wrong kind, which the schema rule reports.
func (n *Node) List() []*Node {
	if n == nil || n.Kind != Seq {
		return nil
	}
	return n.Items
}

// Number returns the value of a numeric scalar and whether it is one.
func (n *Node) Number() (float64, bool) {
	if n == nil || (n.Kind != Int && n.Kind != Float) {
		return 0, false
	}
	return n.Num, true
}

// Lookup resolves a JSON pointer (RFC 6901) such as
// "/level_guidelines/3/experience/min" to its node, or nil.
func (n *Node) Lookup(pointer string) *Node {
	if pointer == "" {
		return n
	}
	if pointer[0] != '/' {
		return nil
	}
	cur := n
	for _, tok := range strings.Split(pointer[1:], "/") {
		tok = unescapePointer(tok)
		switch {
		case cur == nil:
			return nil
		case cur.Kind == Map:
			cur = cur.Get(tok)
		case cur.Kind == Seq:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(cur.Items) || tok != strconv.Itoa(i) {
				return nil
			}
			cur = cur.Items[i]
		default:
			return nil
		}
	}
	return cur
}

// LookupKey is Lookup for a pointer whose last token names a mapping key:
// it returns the key node rather than the value, or nil.
func (n *Node) LookupKey(pointer string) *Node {
	i := strings.LastIndexByte(pointer, '/')
	if i < 0 {
		return nil
	}
	return n.Lookup(pointer[:i]).Key(unescapePointer(pointer[i+1:]))
}

// Pointer joins tokens into a JSON pointer, escaping as RFC 6901 requires.
func Pointer(tokens ...any) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		switch t := t.(type) {
		case int:
			b.WriteString(strconv.Itoa(t))
		case string:
			b.WriteString(escapePointer(t))
		}
	}
	return b.String()
}

func escapePointer(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

func unescapePointer(s string) string {
	if !strings.Contains(s, "~") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
}

// Interface converts the node into plain Go values (map[string]any, []any,
// string, float64, int64, bool, nil), the form a JSON Schema validator takes.
func (n *Node) Interface() any {
	if n == nil {
		return nil
	}
	switch n.Kind {
	case Bool:
		return n.Value == "true"
	case Int:
		if i, err := strconv.ParseInt(n.Value, 10, 64); err == nil {
			return i
		}
		return n.Num
	case Float:
		return n.Num
	case String:
		return n.Value
	case Map:
		m := make(map[string]any, len(n.Fields))
		for _, f := range n.Fields {
			m[f.Key.Value] = f.Value.Interface()
		}
		return m
	case Seq:
		s := make([]any, len(n.Items))
		for i, it := range n.Items {
			s[i] = it.Interface()
		}
		return s
	}
	return nil
}

// Walk calls fn for n and every node below it with its JSON pointer, in
// source order. Keys are not visited.
func (n *Node) Walk(fn func(pointer string, n *Node)) {
	n.walk("", fn)
}

func (n *Node) walk(ptr string, fn func(string, *Node)) {
	if n == nil {
		return
	}
	fn(ptr, n)
	for _, f := range n.Fields {
		f.Value.walk(ptr+"/"+escapePointer(f.Key.Value), fn)
	}
	for i, it := range n.Items {
		it.walk(ptr+"/"+strconv.Itoa(i), fn)
	}
}
