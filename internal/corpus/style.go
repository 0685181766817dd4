package corpus

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Style is how a corpus writes its texts. The same seed gives the same
// profiles and the same planted defects in every style; only the way the
// YAML is written differs, so that benchmarks can compare styles.
type Style string

// Styles of writing, after what authors do.
const (
	// Quoted writes every text as one double-quoted line, no "---".
	Quoted Style = "quoted"
	// Folded writes every long text as a ">-" block scalar wrapped at 80
	// columns, and starts each file with a comment and "---", as yamllint's
	// default configuration asks.
	Folded Style = "folded"
	// Mixed mixes what real repositories hold: folded and literal block
	// scalars, plain and quoted scalars, files with and without a leading
	// comment and "---", and one file in eight with CRLF line ends.
	Mixed Style = "mixed"
)

// Styles are the styles a corpus can be written in, the default first.
var Styles = []Style{Quoted, Folded, Mixed}

// ParseStyle returns the style named s.
func ParseStyle(s string) (Style, error) {
	for _, st := range Styles {
		if string(st) == s {
			return st, nil
		}
	}
	return "", fmt.Errorf("unknown style %q (want quoted, folded or mixed)", s)
}

// quotedLine is a rendered line whose value is one double-quoted text: a
// key's value or a sequence item.
var quotedLine = regexp.MustCompile(`^( *)((?:- )?[a-z_]+: |- )("(?:[^"\\]|\\.)*")$`)

const (
	wrapAt   = 80 // columns a block scalar's lines are wrapped at
	longText = 40 // texts this long or longer are written as block scalars
)

// restyle writes a profile rendered in the Quoted style in style st.
func restyle(text string, st Style, rng *rand.Rand) string {
	if st == Quoted {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) + len(text)/8)
	if st == Folded || rng.IntN(2) == 0 {
		b.WriteString("# A career profile; see docs/profile-format.md.\n---\n")
	}
	for _, line := range strings.SplitAfter(text, "\n") {
		nl := ""
		if strings.HasSuffix(line, "\n") {
			line, nl = line[:len(line)-1], "\n"
		}
		b.WriteString(restyleLine(line, st, rng))
		b.WriteString(nl)
	}
	out := b.String()
	if st == Mixed && rng.IntN(8) == 0 {
		out = strings.ReplaceAll(out, "\n", "\r\n")
	}
	return out
}

// restyleLine rewrites one line whose value is a quoted text; other lines,
// and texts a block scalar or a plain scalar cannot hold as they are, stay.
func restyleLine(line string, st Style, rng *rand.Rand) string {
	m := quotedLine.FindStringSubmatch(line)
	if m == nil {
		return line
	}
	indent, lead, quoted := m[1], m[2], m[3]
	var s string
	if json.Unmarshal([]byte(quoted), &s) != nil || !foldable(s) {
		return line
	}
	// A block scalar's lines stand right of its key or dash.
	body := indent + "  "
	if len(lead) > 2 && strings.HasPrefix(lead, "- ") {
		body += "  " // "- key: >-": right of the key
	}
	long := utf8.RuneCountInString(s) >= longText
	if st == Folded {
		if !long {
			return line
		}
		return indent + lead + ">-\n" + wrap(s, body)
	}
	switch k := rng.IntN(4); {
	case k == 0 && long:
		return indent + lead + ">-\n" + wrap(s, body)
	case k == 1 && utf8.RuneCountInString(body+s) <= wrapAt:
		return indent + lead + "|-\n" + body + s
	case k == 2 && plainSafe(s):
		return indent + lead + s
	}
	return line
}

// foldable reports whether s reads the same folded over lines: words
// separated by single spaces, nothing a block scalar would change.
func foldable(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") {
		return false
	}
	for _, r := range s {
		if r < ' ' || r == 0x7f || r == 0x85 || r == 0xfeff || r == 0x2028 || r == 0x2029 {
			return false
		}
	}
	return true
}

// plainSafe reports whether s can be written as a plain scalar and still
// be the same text: no indicator first, no ": " or " #", not a word that
// YAML reads as another type.
func plainSafe(s string) bool {
	if strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`0123456789+.~") ||
		strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") ||
		strings.ContainsAny(s, "{}[],") {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "y", "n":
		return false
	}
	return true
}

// wrap writes s as the lines of a folded block scalar, each starting with
// indent and at most wrapAt columns wide where the words allow.
func wrap(s, indent string) string {
	var b strings.Builder
	width := utf8.RuneCountInString(indent)
	col := 0
	for i, w := range strings.Split(s, " ") {
		n := utf8.RuneCountInString(w)
		switch {
		case i == 0:
			b.WriteString(indent)
			col = width
		case col+1+n > wrapAt:
			b.WriteString("\n" + indent)
			col = width
		default:
			b.WriteByte(' ')
			col++
		}
		b.WriteString(w)
		col += n
	}
	return b.String()
}
