package report

import (
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// Markdown prints a report for a reviewer, to post as a pull-request or
// merge-request comment: a summary table, then the findings by file and,
// within a file, by the level they concern, each with its source line and
// diff. Suppressed findings are listed, with their reasons, in a collapsed
// section.
//
// A comment holds at most MarkdownLimit characters, so unless
// Options.Full is set the report keeps to that: the summary table is
// always whole, the worst findings are shown, and a line says how many
// were left out.
type Markdown struct {
	W io.Writer
	Options
}

// MarkdownLimit is the most characters GitHub accepts in a pull-request
// comment (GitLab's limit for a note is higher).
const MarkdownLimit = 65536

// Without Options.Full, at most mdMaxListed files that could not be read
// and suppressed findings are listed, each cut to mdMaxItem characters:
// the findings matter more.
const (
	mdMaxListed = 20
	mdMaxItem   = 400
	// mdMinFinding is less than any finding takes, to bound the search.
	mdMinFinding = 40
)

// profileGroup is the group of findings that concern no one level.
const profileGroup = "profile"

// Print writes the result.
func (m *Markdown) Print(res *lint.Result) error {
	var shown, suppressed []lint.Finding
	for _, f := range res.Findings {
		if f.Suppressed != nil {
			suppressed = append(suppressed, f)
		} else {
			shown = append(shown, f)
		}
	}
	all := make([]int, len(shown))
	for i := range all {
		all[i] = i
	}
	memo := &mdMemo{res: res, shown: shown, text: make([]string, len(shown)), level: make([]string, len(shown)), done: make([]bool, len(shown))}
	text := m.render(res, memo, all, suppressed, 0)
	if m.Full || utf8.RuneCountInString(text) <= MarkdownLimit {
		_, err := io.WriteString(m.W, text)
		return err
	}
	// The worst findings first, in report order within a severity.
	worst := append([]int(nil), all...)
	sort.SliceStable(worst, func(a, b int) bool { return shown[worst[a]].Severity > shown[worst[b]].Severity })
	pick := func(k int) []int {
		idx := append([]int(nil), worst[:k]...)
		sort.Ints(idx)
		return idx
	}
	// The most findings that fit, by bisection: each finding is rendered
	// once (memo), each try only joins them.
	lo, hi := 0, min(len(shown), MarkdownLimit/mdMinFinding)
	text = m.render(res, memo, pick(0), suppressed, len(shown))
	for lo < hi {
		k := (lo + hi + 1) / 2
		if t := m.render(res, memo, pick(k), suppressed, len(shown)-k); utf8.RuneCountInString(t) <= MarkdownLimit {
			lo, text = k, t
		} else {
			hi = k - 1
		}
	}
	_, err := io.WriteString(m.W, text)
	return err
}

// mdMemo keeps each finding's rendered text and level group, so that
// the search for what fits renders each finding once.
type mdMemo struct {
	res   *lint.Result
	shown []lint.Finding
	text  []string
	level []string
	done  []bool
}

func (mm *mdMemo) get(m *Markdown, i int) (level, text string) {
	if !mm.done[i] {
		f := mm.shown[i]
		src := mm.res.Sources[f.File]
		var b strings.Builder
		m.finding(&b, src, f)
		mm.level[i], mm.text[i], mm.done[i] = levelOf(src, f.Pointer), b.String(), true
	}
	return mm.level[i], mm.text[i]
}

// render prints the report with the findings idx of memo.shown, of which
// left were left out.
func (m *Markdown) render(res *lint.Result, memo *mdMemo, idx []int, suppressed []lint.Finding, left int) string {
	var w strings.Builder
	sum := Summarize(res)
	fmt.Fprintf(&w, "## profilelint report\n\n")
	if sum.Errors+sum.Warnings+sum.Infos == 0 {
		fmt.Fprintf(&w, "No findings in %s.\n", plural(res.Files, "file"))
	} else {
		fmt.Fprintf(&w, "%s\n\n", sum.Line())
		m.table(&w, sum.rulesOf(), res.Findings)
		m.findings(&w, memo, idx)
	}
	if left > 0 {
		fmt.Fprintf(&w, "\n**%s not shown**, to fit a pull-request comment; the worst are above. %s\n", plural(left, "more finding"), m.fullReport())
	}
	if len(res.Errors) > 0 {
		fmt.Fprintf(&w, "\nNot linted:\n\n")
		for i, err := range res.Errors {
			if !m.Full && i == mdMaxListed {
				fmt.Fprintf(&w, "- and %d more\n", len(res.Errors)-i)
				break
			}
			fmt.Fprintf(&w, "- %s\n", m.cut(mdEscape(err.Error())))
		}
	}
	if len(suppressed) > 0 {
		fmt.Fprintf(&w, "\n<details>\n<summary>%s</summary>\n\n", plural(len(suppressed), "suppressed finding"))
		for i, f := range suppressed {
			if !m.Full && i == mdMaxListed {
				fmt.Fprintf(&w, "- and %d more\n", len(suppressed)-i)
				break
			}
			fmt.Fprintf(&w, "- %s\n", m.cut(fmt.Sprintf("%s %s — reason: %s", codeSpan(fileOrNoFile(f.File)), m.bullet(f), mdEscape(f.Suppressed.Reason))))
		}
		fmt.Fprintf(&w, "\n</details>\n")
	}
	return w.String()
}

// fullReport says where the findings left out are.
func (m *Markdown) fullReport() string {
	if m.FullReport != "" {
		return "The full report: " + mdEscape(m.FullReport) + "."
	}
	return "For all of them: `profilelint lint --format markdown --full`."
}

// cut shortens a listed line without Options.Full. It cuts only text
// that mdEscape or codeSpan made safe, at a rune boundary, so nothing
// opens that is not closed but a code span, which a line end closes.
func (m *Markdown) cut(s string) string {
	if m.Full || utf8.RuneCountInString(s) <= mdMaxItem {
		return s
	}
	r := []rune(s)
	return string(r[:mdMaxItem]) + " …"
}

// table counts the findings by rule and severity.
func (m *Markdown) table(w io.Writer, ids []string, fs []lint.Finding) {
	type counts [lint.Error + 1]int
	byRule := make(map[string]*counts, len(ids))
	for _, id := range ids {
		byRule[id] = new(counts)
	}
	var total counts
	for _, f := range fs {
		if f.Suppressed != nil {
			continue
		}
		byRule[f.Rule][f.Severity]++
		total[f.Severity]++
	}
	fmt.Fprintf(w, "| rule | error | warning | info |\n| --- | ---: | ---: | ---: |\n")
	for _, id := range ids {
		c := byRule[id]
		fmt.Fprintf(w, "| %s | %d | %d | %d |\n", codeSpan(id), c[lint.Error], c[lint.Warning], c[lint.Info])
	}
	fmt.Fprintf(w, "| **total** | %d | %d | %d |\n", total[lint.Error], total[lint.Warning], total[lint.Info])
}

// findings prints the findings by file, then by level in the order the
// levels first appear in the file.
func (m *Markdown) findings(w io.Writer, memo *mdMemo, idx []int) {
	for i := 0; i < len(idx); {
		file := memo.shown[idx[i]].File
		j := i
		for j < len(idx) && memo.shown[idx[j]].File == file {
			j++
		}
		fmt.Fprintf(w, "\n### %s\n", codeSpan(fileOrNoFile(file)))
		var order []string
		groups := make(map[string][]string)
		for _, k := range idx[i:j] {
			g, text := memo.get(m, k)
			if _, ok := groups[g]; !ok {
				order = append(order, g)
			}
			groups[g] = append(groups[g], text)
		}
		for _, g := range order {
			if g == profileGroup {
				fmt.Fprintf(w, "\n#### profile\n\n")
			} else {
				fmt.Fprintf(w, "\n#### level %s\n\n", mdEscape(g))
			}
			for k, text := range groups[g] {
				if k > 0 {
					fmt.Fprintln(w)
				}
				fmt.Fprint(w, text)
			}
		}
		i = j
	}
}

func (m *Markdown) bullet(f lint.Finding) string {
	s := fmt.Sprintf("**%s** %s", f.Severity, codeSpan(f.Rule))
	if f.Line > 0 {
		s += fmt.Sprintf(" line %d:%d", f.Line, f.Column)
	}
	return s + " — " + mdEscape(f.Message)
}

const mdIndent = "  " // continues a list item

func (m *Markdown) finding(w io.Writer, src *profiles.File, f lint.Finding) {
	fmt.Fprintf(w, "- %s\n", m.bullet(f))
	for _, r := range f.Related {
		where := fmt.Sprintf("line %d:%d", r.Line, r.Column)
		if r.File != f.File {
			where = codeSpan(r.File) + " " + where
		}
		fmt.Fprintf(w, "%s- related: %s — %s\n", mdIndent, where, mdEscape(r.Message))
	}
	for _, fix := range f.Fixes {
		fmt.Fprintf(w, "%s- fix: %s\n", mdIndent, mdEscape(fix.Message))
	}
	if src != nil && f.Line > 0 && f.Line <= src.Lines() {
		text, _ := sourceExcerpt(src, f.Line, f.Column)
		fmt.Fprintf(w, "\n%s", fenced("yaml", text+"\n", mdIndent))
	}
	if f.Diff != nil {
		if len(f.Diff.Words) > 0 {
			fmt.Fprintf(w, "\n%s", fenced("text", f.Diff.WordDiff()+"\n", mdIndent))
		}
		if f.Diff.Unified != "" {
			fmt.Fprintf(w, "\n%s", fenced("diff", f.Diff.Unified, mdIndent))
		}
	}
}

// levelOf returns the level a pointer concerns: the level code of the
// innermost list item on the path that has a "level" key
// (/responsibilities/3/items/0 → /responsibilities/3/level), the profile's
// own level for /level/…, else "profile".
func levelOf(src *profiles.File, ptr string) string {
	if src == nil || src.Tree() == nil || ptr == "" {
		return profileGroup
	}
	toks := strings.Split(ptr, "/")[1:]
	for i := len(toks); i >= 2; i-- {
		if !isIndex(toks[i-1]) {
			continue
		}
		item := "/" + strings.Join(toks[:i], "/")
		if code := src.Tree().Lookup(item + "/level").Text(); code != "" {
			return code
		}
	}
	if toks[0] == "level" {
		if code := src.Tree().Lookup("/level/code").Text(); code != "" {
			return code
		}
	}
	return profileGroup
}

func isIndex(tok string) bool {
	if tok == "" {
		return false
	}
	for _, c := range tok {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// fenced puts text in a fenced code block whose fence is longer than any
// run of backticks in the text, each line indented.
func fenced(lang, text, indent string) string {
	text = visible(text, "\t\n")
	fence := "```"
	for strings.Contains(text, fence) {
		fence += "`"
	}
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	var b strings.Builder
	b.WriteString(indent + fence + lang + "\n")
	for _, l := range strings.SplitAfter(text, "\n") {
		if l == "" {
			continue
		}
		if l == "\n" {
			b.WriteString(l) // no trailing white space on empty lines
			continue
		}
		b.WriteString(indent + l)
	}
	b.WriteString(indent + fence + "\n")
	return b.String()
}

// codeSpan puts text in a code span whose delimiter no backtick run in
// the text can close.
func codeSpan(text string) string {
	text = visible(text, "")
	delim := "`"
	for strings.Contains(text, delim) {
		delim += "`"
	}
	if strings.HasPrefix(text, "`") || strings.HasSuffix(text, "`") {
		return delim + " " + text + " " + delim
	}
	return delim + text + delim
}

var mdSpecial = regexp.MustCompile("[\\\\`*_{}\\[\\]<>|~]")

// mdEscape keeps text literal in Markdown: no emphasis, links, tables or
// HTML tags out of a message; line breaks become spaces.
func mdEscape(text string) string {
	text = strings.Join(strings.Fields(visible(strings.ReplaceAll(text, "\r", ""), "\t\n")), " ")
	return mdSpecial.ReplaceAllString(text, `\$0`)
}
