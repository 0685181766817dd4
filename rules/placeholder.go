package rules

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

func init() { register(Placeholder) }

// Placeholder reports texts that stand in for content nobody wrote yet.
var Placeholder = &lint.Rule{
	ID:       "placeholder",
	Summary:  "no placeholder or empty texts",
	Severity: lint.Error,
	Scope:    lint.PerFile,
	Doc: lint.Doc{
		Text: `A profile is published as it is written, so a text that stands in for the
real one reaches readers. Every string of the file is checked (keys are not):

- the phrases of the option "phrases" (TODO, TBD, TBC, FIXME, XXX, lorem
  ipsum), in any case, as whole words, where they stand in for the text:
  the whole text, or the start of it or of one of its sentences or clauses
  ("TODO", "TODO: write this", "TBD.", "Runs the platform. FIXME",
  "(todo: expand)"). A sentence that mentions the word is content ("Fixed
  a TODO for someone else in the codebase", "Reduces TBD items in
  planning docs"), and so is a marker that leads a clause but names the
  things it marks ("TODO comments are resolved before release"). "TBD"
  inside a word or "to-do list" is not one either;
- a sentence of the form "No … recorded … yet" ("No title aliases recorded
  for this profile yet.");
- template slots: "<company name>", "<placeholder>", "[insert title]",
  "[your team]", "{{role}}";
- a text that is only "N/A" or only punctuation ("-", "…", "?");
- an empty text, or one of white space only.

Phrases are not looked for in URLs. A list or field with nothing to say is
left out (or, for title_aliases, left empty) rather than filled with a
placeholder.`,
		Bad: docExample(
			"description: Builds the internal platform that product teams deploy on.",
			"description: TBD"),
		Good: docExample(
			"description: Builds the internal platform that product teams deploy on.",
			"description: Builds the internal platform that product teams deploy on and keeps its to-do list in the open."),
	},
	Options: placeholderOptions.List(),
	Run:     runPlaceholder,
}

var placeholderOptions = lint.NewOptions(struct {
	Phrases []string `option:"phrases" doc:"words and phrases that mark a placeholder, matched in any case as whole words"`
}{Phrases: []string{"TODO", "TBD", "TBC", "FIXME", "XXX", "lorem ipsum"}})

var (
	// notRecordedRE is "No … recorded … yet" as a sentence of its own.
	notRecordedRE = regexp.MustCompile(`(?i)(?:^|[.:;!?(]\s*)(no\s[^.!?;\n]{0,80}?\brecorded\b[^.!?;\n]{0,80}?\byet\b)`)
	// angleSlotRE is "<company name>": not "List<T>" or an HTML tag, which
	// are one word directly after a letter, or a known tag name.
	angleSlotRE = regexp.MustCompile(`(?:^|[^\pL\pN_<])(<([\pL][\pL\pN _.-]{0,38}[\pL\pN.]|[\pL])>)`)
	// bracketSlotRE is "[insert title]", "[your team]".
	bracketSlotRE = regexp.MustCompile(`(?i)(\[\s*(?:insert|add|enter|fill in|your|placeholder|tbd|todo)\b[^\[\]\n]{0,60}\])`)
	// templateSlotRE is "{{role}}".
	templateSlotRE = regexp.MustCompile(`(\{\{[^{}\n]{0,60}\}\})`)
)

// angleSlotWords are one-word slots in angle brackets; other one-word
// texts in angle brackets are more likely HTML or code.
var angleSlotWords = map[string]bool{
	"placeholder": true, "todo": true, "tbd": true, "name": true, "title": true,
	"text": true, "value": true, "description": true, "company": true,
	"role": true, "team": true, "insert": true,
}

func runPlaceholder(p *lint.Pass) {
	phrases := placeholderPhrases(placeholderOptions.Of(p).Phrases)
	var scratch []byte
	eachScalar(p, func(ptr string, n *profiles.Node) {
		if n.Kind != profiles.String {
			return
		}
		v := n.Value
		if v == "" {
			p.Reportf(ptr, "empty text; write the text or leave the field out")
			return
		}
		if strings.TrimFunc(v, unicode.IsSpace) == "" {
			p.Reportf(ptr, "text of white space only (%s); write the text or leave the field out", describeRun(v))
			return
		}
		var i, j int
		var ok bool
		if i, j, ok, scratch = findPlaceholder(v, phrases, scratch); ok {
			f := p.At(ptr)
			f.Message = fmt.Sprintf("placeholder %q; write the real text", v[i:j])
			// A placeholder that is the whole text is shown at the text.
			if i > 0 || j < len(v) {
				atValue(p.File, &f, n, i, j)
			}
			p.Report(f)
		}
	})
}

// phraseMatcher finds configured phrases. Regular expressions are slow
// next to the rest of a file's checks, so each phrase's first word is
// looked up in the lower-cased text first and the pattern runs only then.
type phraseMatcher struct {
	firstWords [][]byte
	res        []*regexp.Regexp
}

var phraseCache sync.Map // joined phrases → *phraseMatcher

// placeholderPhrases compiles phrases once per distinct list.
func placeholderPhrases(phrases []string) *phraseMatcher {
	key := strings.Join(phrases, "\x00")
	if m, ok := phraseCache.Load(key); ok {
		return m.(*phraseMatcher)
	}
	m := &phraseMatcher{res: compilePlaceholderPhrases(phrases)}
	for _, ph := range phrases {
		if w := strings.Fields(ph); len(w) > 0 {
			m.firstWords = append(m.firstWords, []byte(strings.ToLower(w[0])))
		}
	}
	phraseCache.Store(key, m)
	return m
}

// findPlaceholder returns the first placeholder in v as byte offsets.
// scratch holds the lower-cased text and is returned for the next call:
// one text after another, no garbage.
func findPlaceholder(v string, pm *phraseMatcher, scratch []byte) (i, j int, ok bool, _ []byte) {
	trimmed := strings.TrimSpace(v)
	if strings.EqualFold(trimmed, "n/a") || strings.EqualFold(trimmed, "n.a.") || onlyPunct(trimmed) {
		return 0, len(v), true, scratch
	}
	best := []int(nil)
	consider := func(loc []int) {
		if loc != nil && (best == nil || loc[0] < best[0]) {
			best = loc
		}
	}
	lower := appendLower(scratch[:0], v)
	if !isURL(trimmed) {
		for k, re := range pm.res {
			if !bytes.Contains(lower, pm.firstWords[k]) {
				continue
			}
			for _, loc := range re.FindAllStringSubmatchIndex(v, -1) {
				if standsIn(v, loc[2], loc[3]) {
					consider(loc[2:4])
					break
				}
			}
		}
	}
	for _, c := range slotPatterns {
		if !bytes.Contains(lower, c.hint) {
			continue
		}
		if loc := c.re.FindStringSubmatchIndex(v); loc != nil {
			consider(loc[2:4])
		}
	}
	if !strings.Contains(v, "<") {
		if best == nil {
			return 0, 0, false, lower
		}
		return best[0], best[1], true, lower
	}
	for _, loc := range angleSlotRE.FindAllStringSubmatchIndex(v, -1) {
		inner := v[loc[4]:loc[5]]
		if strings.ContainsAny(inner, " _") || angleSlotWords[strings.ToLower(inner)] {
			consider(loc[2:4])
			break
		}
	}
	if best == nil {
		return 0, 0, false, lower
	}
	return best[0], best[1], true, lower
}

// slotPatterns are the placeholder patterns other than phrases, each with
// a piece of lower-cased text it cannot match without.
var slotPatterns = []struct {
	hint []byte
	re   *regexp.Regexp
}{{[]byte("recorded"), notRecordedRE}, {[]byte("["), bracketSlotRE}, {[]byte("{{"), templateSlotRE}}

// appendLower appends strings.ToLower(s) to dst, without a string in
// between for ASCII text.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(dst[:len(dst)-i], strings.ToLower(s)...)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// compilePlaceholderPhrases turns phrases into case-insensitive patterns
// of whole words; white space in a phrase matches any white space.
func compilePlaceholderPhrases(phrases []string) []*regexp.Regexp {
	var out []*regexp.Regexp
	for _, ph := range phrases {
		words := strings.Fields(ph)
		if len(words) == 0 {
			continue
		}
		for i, w := range words {
			words[i] = regexp.QuoteMeta(w)
		}
		// Go's \b knows ASCII words only: spell out the boundaries.
		out = append(out, regexp.MustCompile(`(?i)(?:^|[^\pL\pN_])(`+strings.Join(words, `\s+`)+`)(?:$|[^\pL\pN_])`))
	}
	return out
}

// onlyPunct reports whether s is made of punctuation only ("-", "…",
// "?"): a text that says nothing. Symbols ("+", an emoji) may mean
// something.
func onlyPunct(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsPunct(r) && !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

func isURL(s string) bool {
	return !strings.ContainsAny(s, " \t\n") && (strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://"))
}

// standsIn reports whether the marker at v[i:j] stands in for text rather
// than being mentioned by it. A placeholder is written where the text
// would be: at the start of the text or of a sentence or clause (after
// ". ", ": ", "; ", ", ", an opening bracket or a dash between spaces),
// quotes aside. After a word ("Fixed a TODO", "Reduces TBD items") it is
// part of a sentence about it. A marker followed by a noun that names
// markers ("TODO comments", "TBD items") is the topic of its sentence even
// at its start.
func standsIn(v string, i, j int) bool {
	before := strings.TrimRightFunc(v[:i], func(r rune) bool { return unicode.IsSpace(r) || isQuote(r) })
	if before != "" {
		r, size := utf8.DecodeLastRuneInString(before)
		switch {
		case strings.ContainsRune(".!?;:,([{/|•*…", r):
		case r == '-' || r == '–' || r == '—':
			// A dash between words ("pre-TODO") joins them; one after a
			// space sets off a clause, as does a dash that starts a line.
			rest := before[:len(before)-size]
			if rest != "" {
				if last, _ := utf8.DecodeLastRuneInString(rest); !unicode.IsSpace(last) {
					return false
				}
			}
		default:
			return false
		}
	}
	return !markerNouns[nextWord(v[j:])]
}

// markerNouns name what a marker marks: a marker directly before one of
// them is being talked about ("TODO comments", "TBD items", "FIXME notes").
var markerNouns = map[string]bool{
	"comment": true, "comments": true, "item": true, "items": true,
	"list": true, "lists": true, "note": true, "notes": true,
	"marker": true, "markers": true, "tag": true, "tags": true,
	"entry": true, "entries": true, "placeholder": true, "placeholders": true,
	"text": true, "annotations": true, "annotation": true, "count": true,
}

// nextWord returns the word after a marker, in lower case: the letters
// after the spaces and hyphens that follow it ("TODO-comments"), or "".
func nextWord(s string) string {
	s = strings.TrimLeft(s, " \t-")
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	return strings.ToLower(s[:end])
}

// isQuote reports whether r is a quotation mark, which a placeholder may
// stand inside ("\"TODO\"").
func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '‘', '’', '“', '”', '«', '»', '`':
		return true
	}
	return false
}
