package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// An obj is a mapping whose keys keep the order they are written in, as a
// person lays out a profile; values are string, int, float64, obj or []any.
type obj []kv

type kv struct {
	k string
	v any
}

func (o obj) with(k string, v any) obj { return append(o, kv{k, v}) }

// A style is how one framework's files are written: the layouts people use
// for hand-kept YAML, so that the linter is measured on all of them.
type style struct {
	long     string // scalar style for long texts: plain, double, single, folded, literal
	header   string // comment lines before the document, without "# "
	docStart bool   // a "---" line before the mapping
	crlf     bool
	json     bool
}

func render(st style, root obj) []byte {
	var b bytes.Buffer
	if st.json {
		writeJSON(&b, root, "")
		b.WriteByte('\n')
		return b.Bytes()
	}
	for _, l := range strings.Split(st.header, "\n") {
		if l != "" {
			b.WriteString("# " + l + "\n")
		}
	}
	if st.docStart {
		b.WriteString("---\n")
	}
	writeMap(&b, st, root, 0, true)
	out := b.Bytes()
	if st.crlf {
		out = bytes.ReplaceAll(out, []byte("\n"), []byte("\r\n"))
	}
	return out
}

// writeMap writes a block mapping; inline says its first key follows
// what is already on the line ("- ").
func writeMap(b *bytes.Buffer, st style, o obj, indent int, inline bool) {
	for i, e := range o {
		if i > 0 || !inline {
			b.WriteString(strings.Repeat(" ", indent))
		}
		b.WriteString(e.k + ":")
		writeValue(b, st, e.v, indent)
	}
}

// writeValue writes what follows "key:" or "- ".
func writeValue(b *bytes.Buffer, st style, v any, indent int) {
	switch v := v.(type) {
	case obj:
		if len(v) == 0 {
			b.WriteString(" {}\n")
			return
		}
		if flowable(v) {
			b.WriteString(" {")
			for i, e := range v {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString(e.k + ": " + scalar(e.v))
			}
			b.WriteString("}\n")
			return
		}
		b.WriteByte('\n')
		writeMap(b, st, v, indent+2, false)
	case []any:
		if len(v) == 0 {
			b.WriteString(" []\n")
			return
		}
		b.WriteByte('\n')
		for _, item := range v {
			b.WriteString(strings.Repeat(" ", indent+2) + "-")
			if m, ok := item.(obj); ok {
				b.WriteByte(' ')
				writeMap(b, st, m, indent+4, true)
				continue
			}
			writeValue(b, st, item, indent+2)
		}
	case string:
		b.WriteString(text(st, v, indent+2))
	default:
		b.WriteString(" " + scalar(v) + "\n")
	}
}

// flowable says whether a mapping is small enough for one line, as
// {min: 2, max: 5} is written by hand.
func flowable(o obj) bool {
	for _, e := range o {
		switch e.v.(type) {
		case int, float64:
		default:
			return false
		}
	}
	return true
}

func scalar(v any) string {
	switch v := v.(type) {
	case string:
		if plainSafe(v) {
			return v
		}
		return doubleQuoted(v)
	case int:
		return fmt.Sprint(v)
	case float64:
		return fmt.Sprint(v)
	}
	panic(fmt.Sprintf("scalar of %T", v))
}

// text writes a string value in the style's scalar style for long texts
// (past 60 characters); short values are plain where YAML reads them back
// as the same string, else double-quoted.
func text(st style, s string, indent int) string {
	if utf8.RuneCountInString(s) <= 60 || !blockSafe(s) {
		return " " + scalar(s) + "\n"
	}
	pad := strings.Repeat(" ", indent)
	switch st.long {
	case "double":
		return " " + doubleQuoted(s) + "\n"
	case "single":
		return " '" + strings.ReplaceAll(s, "'", "''") + "'\n"
	case "literal":
		return " |-\n" + pad + s + "\n"
	case "folded":
		var b strings.Builder
		b.WriteString(" >-\n")
		for _, l := range fold(s, 76-indent) {
			b.WriteString(pad + l + "\n")
		}
		return b.String()
	}
	return " " + scalar(s) + "\n"
}

// fold breaks s at single spaces between two other characters, the only
// breaks a folded scalar reads back as one space.
func fold(s string, width int) []string {
	width = max(width, 40)
	var lines []string
	for utf8.RuneCountInString(s) > width {
		cut := -1
		n := 0
		for i, r := range s {
			if n > width && cut > 0 {
				break
			}
			if r == ' ' && i > 0 && s[i-1] != ' ' && i+1 < len(s) && s[i+1] != ' ' {
				cut = i
			}
			n++
		}
		if cut <= 0 {
			break
		}
		lines = append(lines, s[:cut])
		s = s[cut+1:]
	}
	return append(lines, s)
}

func printable(s string) bool {
	for _, r := range s {
		if r == '\uFEFF' || r == '\u2028' || r == '\u2029' || r == '\u0085' || !unicode.IsPrint(r) && r != ' ' {
			return false
		}
	}
	return true
}

// blockSafe says whether s can be a block or quoted scalar on its own
// lines without escapes: printable, one line, no white space at its ends.
func blockSafe(s string) bool {
	return s != "" && printable(s) && strings.TrimSpace(s) == s && !strings.ContainsAny(s, "\t\n\r")
}

func plainSafe(s string) bool {
	if !blockSafe(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(r) {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "y", "n":
		return false
	}
	return !strings.Contains(s, ": ") && !strings.Contains(s, " #") && !strings.HasSuffix(s, ":")
}

func doubleQuoted(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r == '\uFEFF' || r == '\u2028' || r == '\u2029' || r == '\u0085' || !unicode.IsPrint(r) && r != ' ':
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func writeJSON(b *bytes.Buffer, v any, indent string) {
	in := indent + "  "
	switch v := v.(type) {
	case obj:
		b.WriteString("{\n")
		for i, e := range v {
			b.WriteString(in + jsonString(e.k) + ": ")
			writeJSON(b, e.v, in)
			if i < len(v)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "}")
	case []any:
		if len(v) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for i, e := range v {
			b.WriteString(in)
			writeJSON(b, e, in)
			if i < len(v)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "]")
	case string:
		b.WriteString(jsonString(v))
	default:
		b.WriteString(scalar(v))
	}
}

func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		panic(err)
	}
	return strings.TrimSuffix(b.String(), "\n")
}
