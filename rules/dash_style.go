package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

func init() { register(DashStyle) }

// DashStyle reports number ranges whose dash differs from the one most
// ranges of the file use.
var DashStyle = &lint.Rule{
	ID:       "dash-style",
	Summary:  "number ranges of a file use one dash style",
	Severity: lint.Warning,
	Scope:    lint.PerFile,
	Doc: lint.Doc{
		Text: `A file writes its number ranges ("0–1 years", "15–22", "2010–2015") with one
kind of dash: the en dash, the hyphen or the em dash. The style of the file
is the one most of its ranges use; on a tie the en dash wins, then the
hyphen. Ranges in another style are reported at their dash, and the fix
replaces that one character.

A range is a number, a dash and a larger number, with or without spaces
around the dash ("3 – 5"); a year range may shorten its second year
("2010–15"). Codes are not ranges, so these are left alone: a number that is
part of a longer chain of numbers, dashes, dots or colons (dates such as
2026-10-01, versions, phone numbers, O*NET codes such as 15-1244.00), a
number glued to a letter (P3-5, UUIDs), a 2-digit number before a 4-digit
one (SOC codes such as 15-1244), a 3-digit before a 4-digit one (phone
numbers), and a pair that does not rise (9-5, 24-7, scores). Values under
the keys of the option "skip_keys" are not read at all: ids, codes, URLs
and dates, and the bibliographic texts of provenance and classification,
which quote their sources' own numbering (report numbers, page ranges).`,
		Bad: docExample(
			"  - {level: P3, experience: {min: 5}}", "  - {level: P3, education: 5–8 years, experience: {min: 5}}",
			"  - {level: P4, experience: {min: 8}}", "  - {level: P4, education: 8-12 years, experience: {min: 8}}",
			"  - {level: P5, experience: {min: 12}}", "  - {level: P5, education: 12–15 years, experience: {min: 12}}",
		),
		Good: docExample(
			"  - {level: P3, experience: {min: 5}}", "  - {level: P3, education: 5–8 years, experience: {min: 5}}",
			"  - {level: P4, experience: {min: 8}}", "  - {level: P4, education: 8–12 years, experience: {min: 8}}",
			"  - {level: P5, experience: {min: 12}}", "  - {level: P5, education: 12–15 years, experience: {min: 12}}",
		),
	},
	Options: dashStyleOptions.List(),
	Run:     runDashStyle,
}

var dashStyleOptions = lint.NewOptions(struct {
	SkipKeys []string `option:"skip_keys" doc:"values under these keys, at any depth, are not checked"`
}{SkipKeys: []string{"provenance", "classification", "id", "code", "url", "retrieved", "schema", "source"}})

// Dash styles, in the order that breaks ties.
const (
	enDash = iota
	hyphen
	emDash
)

var dashStyles = [...]struct{ name, article, char string }{
	enDash: {"en dash", "an", "–"},
	hyphen: {"hyphen", "a", "-"},
	emDash: {"em dash", "an", "—"},
}

func dashStyleOf(r rune) int {
	switch r {
	case '–':
		return enDash
	case '—':
		return emDash
	}
	return hyphen // '-', U+2010 hyphen, U+2011 non-breaking hyphen
}

// numRange is one number range in a text: value bytes [i, j), its dash at
// [di, dj).
type numRange struct {
	i, j, di, dj int
	style        int
}

// rangeRE finds candidates; findRanges judges their context, which
// regexp cannot look at.
var rangeRE = regexp.MustCompile(`(\d[\d.,]*)[ \t\x{00A0}]*([-\x{2010}\x{2011}\x{2013}\x{2014}])[ \t\x{00A0}]*(\d[\d.,]*)`)

// findRanges returns the number ranges of a text.
// Callers look first with mayHoldRange: most texts hold no digit followed
// by a dash, and the pattern is not worth running there.
func findRanges(v string) []numRange {
	var out []numRange
	for _, m := range rangeRE.FindAllStringSubmatchIndex(v, -1) {
		ls, le, ds, de, rs, re := m[2], m[3], m[4], m[5], m[6], m[7]
		left := v[ls:le]
		right := strings.TrimRight(v[rs:re], ".,")
		re = rs + len(right)
		if strings.HasSuffix(left, ".") || strings.HasSuffix(left, ",") {
			continue
		}
		if ls > 0 {
			r, _ := utf8.DecodeLastRuneInString(v[:ls])
			if unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("_.,/:#+\\-‐‑–—", r) {
				continue // part of a word, a code or a chain
			}
		}
		if re < len(v) {
			r, size := utf8.DecodeRuneInString(v[re:])
			next, _ := utf8.DecodeRuneInString(v[re+size:])
			if r == '_' || strings.ContainsRune(".,:/-‐‑–—", r) && unicode.IsDigit(next) {
				continue
			}
		}
		if !isRange(left, right) {
			continue
		}
		d, _ := utf8.DecodeRuneInString(v[ds:de])
		out = append(out, numRange{i: ls, j: re, di: ds, dj: de, style: dashStyleOf(d)})
	}
	return out
}

// isRange judges two numbers around a dash: a range rises, and the shapes
// of codes (SOC 15-1244, phone 555-1234) are not ranges.
func isRange(left, right string) bool {
	lv, err1 := strconv.ParseFloat(strings.ReplaceAll(left, ",", ""), 64)
	rv, err2 := strconv.ParseFloat(strings.ReplaceAll(right, ",", ""), 64)
	if err1 != nil || err2 != nil {
		return false
	}
	// The digits before any decimal point; thousands separators are not
	// codes.
	li, _, lDot := strings.Cut(left, ".")
	ri, _, rDot := strings.Cut(right, ".")
	if !strings.Contains(li+ri, ",") {
		switch {
		case len(li) == 2 && len(ri) >= 4, len(li) == 3 && len(ri) == 4:
			return false
		case !lDot && !rDot && len(li) == 4 && len(ri) == 2:
			// A year range that shortens its second year: 2010–15.
			return int(lv)%100 < int(rv)
		}
	}
	return lv < rv
}

func runDashStyle(p *lint.Pass) {
	skip := dashStyleOptions.Of(p).SkipKeys
	type found struct {
		ptr  string
		node *profiles.Node
		r    numRange
	}
	var all []found
	var count [len(dashStyles)]int
	eachScalar(p, func(ptr string, n *profiles.Node) {
		if n.Kind != profiles.String || !mayHoldRange(n.Value) || skippedPointer(ptr, skip) {
			return
		}
		for _, r := range findRanges(n.Value) {
			all = append(all, found{ptr, n, r})
			count[r.style]++
		}
	})
	major := enDash
	for s := range count {
		if count[s] > count[major] {
			major = s
		}
	}
	if count[major] == len(all) {
		return
	}
	var example string
	for _, f := range all {
		if f.r.style == major {
			example = f.node.Value[f.r.i:f.r.j]
			break
		}
	}
	want := dashStyles[major]
	// A tie names no habit of the file: say which style won it and why.
	habit := fmt.Sprintf("this file writes ranges with %s %s", want.article, want.name)
	for s, n := range count {
		if s != major && n == count[major] {
			habit = fmt.Sprintf("this file writes as many ranges one way as the other, and %s %s wins a tie", want.article, want.name)
			break
		}
	}
	for _, fd := range all {
		if fd.r.style == major {
			continue
		}
		v, r := fd.node.Value, fd.r
		fixed := v[r.i:r.di] + want.char + v[r.dj:r.j]
		f := p.At(fd.ptr)
		f.Message = fmt.Sprintf("%s in the range %q; %s (%d of %d, as in %q)",
			dashStyles[r.style].name, v[r.i:r.j], habit, count[major], len(all), example)
		if st := p.File.MapScalar(fd.node); st != nil {
			start, end := st.Span(r.di, r.dj)
			atSpan(p.File, &f, start, end)
			if st.Verbatim(p.File.Src, r.di, r.dj) {
				f.Fixes = []lint.Fix{{
					Message: fmt.Sprintf("write %q", fixed),
					Edits:   []lint.Edit{{Start: start, End: end, New: want.char}},
				}}
			}
		}
		p.Report(f)
	}
}

// skippedPointer reports whether a pointer passes through one of the keys.
func skippedPointer(ptr string, keys []string) bool {
	if ptr == "" {
		return false
	}
	for tok := range strings.SplitSeq(ptr[1:], "/") {
		if strings.Contains(tok, "~") {
			tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		}
		if slices.Contains(keys, tok) {
			return true
		}
	}
	return false
}

// mayHoldRange reports whether v has a digit and, after it, a dash of any
// style: what every range needs.
func mayHoldRange(v string) bool {
	i := strings.IndexAny(v, "0123456789")
	if i < 0 {
		return false
	}
	// Every dash but the hyphen-minus starts with the byte 0xE2 in UTF-8
	// (U+2010…U+2015, U+2212): look for the bytes before the runes.
	rest := v[i:]
	return strings.IndexByte(rest, '-') >= 0 ||
		strings.IndexByte(rest, 0xE2) >= 0 && strings.ContainsAny(rest, "‐‑‒–—―−")
}
