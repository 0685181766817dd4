// Package importer turns a published profile page (the text of a rendered
// profile, as in the seed page) into a profile/v1 YAML file. Every text
// is kept as the page shows it; what the page does not show stays empty or
// absent, never invented.
package importer

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/profilelint/profilelint/profiles"
)

// PageError is a page that does not fit the profile page format, at the
// first line that does not fit.
type PageError struct {
	File string
	Line int
	Msg  string
}

func (e *PageError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// Years is a span of years of experience, its figures as written.
type Years struct {
	Min, Max string // as written on the page; Max "" when open
	Raw      string // the page's text
}

// Guideline is one row of the level guidelines table. Absent columns are
// nil.
type Guideline struct {
	Level         string
	Knowledge     *string
	Complexity    *string
	Collaboration *string
	Education     *string
	Experience    *Years
}

// Skill is one skill and its description.
type Skill struct{ Name, Description string }

// Review is the review panel's setup as the provenance text states it.
type Review struct {
	Panel         string // "" when the text names none
	ScaleMin      string
	ScaleMax      string
	PassThreshold string
}

// Adjacent is one adjacent role.
type Adjacent struct {
	ID, Distance, Match string // Distance and Match "" when not shown
}

// Classification is one occupation code.
type Classification struct {
	System, Code, Title, Source string
}

// LevelItems are the responsibilities of one level.
type LevelItems struct {
	Level string
	Items []string
}

// Profile is what a page holds. A nil pointer or empty string is a text
// the page does not show.
type Profile struct {
	ID, Title string
	Summary   *string // the lead
	Track     string  // from the level code: P professional, M management

	FunctionCode, FocusCode string
	FocusName               *string // from "Focus — NAME"; also the function's name
	FocusSummary            *string // the focus card
	FocusDescription        *string
	Differential            *string

	LevelCode string
	Level     map[string]string // name, summary, scope, … as on the page
	Typical   *Years

	// ResponsibilityCount is the length of the page's flat list.
	ResponsibilityCount int
	Responsibilities    []LevelItems
	Distributed         bool // spread over the ladder, else all on LevelCode

	Guidelines []Guideline
	Skills     []Skill
	Review     *Review
	Adjacent   []Adjacent
	Aliases    []string
	Classes    []Classification
}

// Result is an imported page and what the importer has to say about it.
type Result struct {
	Profile *Profile
	// Notes say what the importer decided (how responsibilities were
	// spread over the ladder); Warnings what it could not map.
	Notes, Warnings []string
}

// Options tune the import.
type Options struct {
	// Ladder is the ladder to spread the flat responsibilities over;
	// nil picks the ladder of the level's track from Ladders, or else
	// from profiles.DefaultLadders (P1…P7 for P levels, M1…M6 for M levels).
	Ladder []string
	// Ladders are configured ladders by track.
	Ladders map[string]profiles.Ladder
}

type line struct {
	n    int
	text string
}

var (
	idRE    = regexp.MustCompile(`^([A-Z][A-Z0-9]*)\.([A-Z][A-Z0-9]*)\.([A-Z][A-Z0-9]*)$`)
	levelRE = regexp.MustCompile(`^[A-Z][A-Z0-9]{0,7}$`)
	yearsRE = regexp.MustCompile(`(?i)(?:^|[^0-9.])(\d{1,3}(?:\.\d{1,2})?)(?:\s*(?:–|—|-|to)\s*(\d{1,3}(?:\.\d{1,2})?))?\s*\+?\s*(?:years?|yrs?)\b`)
	scaleRE = regexp.MustCompile(`\((\d{1,3})\s*[–—-]\s*(\d{1,3});\s*passes at\s*(?:≥|>=)\s*(\d{1,3}(?:\.\d{1,2})?)`)
	panelRE = regexp.MustCompile(`\b([A-Za-z][A-Za-z-]*) review panel\b`)
	numRE   = regexp.MustCompile(`^(?:0(?:\.\d{1,4})?|1(?:\.0{1,4})?)$`)
)

// Section headings, in page order.
const (
	secResp = iota
	secGuide
	secSkills
	secProv
	secLevel
	secAdjacent
	secAliases
	secClass
)

var headingNames = []string{
	secResp:     "Responsibilities by level",
	secGuide:    "Level guidelines",
	secSkills:   "Skills",
	secProv:     "Provenance",
	secLevel:    "Level — CODE — NAME",
	secAdjacent: "Adjacent roles",
	secAliases:  "Title aliases",
	secClass:    "Classification mappings",
}

// heading returns the section a line opens, or -1.
func heading(s string) int {
	t := strings.TrimSpace(s)
	for _, suffix := range []string{"show ▾", "hide ▴", "▾", "▴"} {
		t = strings.TrimSpace(strings.TrimSuffix(t, suffix))
	}
	switch t {
	case "Responsibilities by level":
		return secResp
	case "Level guidelines":
		return secGuide
	case "Skills":
		return secSkills
	case "Provenance":
		return secProv
	case "Adjacent roles":
		return secAdjacent
	case "Title aliases":
		return secAliases
	case "Classification mappings":
		return secClass
	}
	if strings.HasPrefix(t, "Level — ") {
		return secLevel
	}
	return -1
}

// Parse reads a profile page. name is used in errors.
func Parse(name string, page []byte, opts Options) (*Result, error) {
	page = bytes.TrimPrefix(page, []byte("\xef\xbb\xbf"))
	var lines []line
	raw := strings.Split(string(page), "\n")
	if len(raw) > 0 && raw[len(raw)-1] == "" {
		raw = raw[:len(raw)-1]
	}
	for i, s := range raw {
		s = strings.TrimSuffix(s, "\r")
		if !utf8.ValidString(s) {
			return nil, &PageError{name, i + 1, "not UTF-8 text: not a profile page"}
		}
		if r := badRune(s); r >= 0 {
			return nil, &PageError{name, i + 1, fmt.Sprintf("control character %U: not a profile page", r)}
		}
		if strings.TrimSpace(s) == "" {
			continue
		}
		lines = append(lines, line{i + 1, s})
	}
	p := &parser{name: name, lines: lines, end: len(raw) + 1, res: &Result{Profile: &Profile{Level: map[string]string{}}}}
	if err := p.page(opts); err != nil {
		return nil, err
	}
	return p.res, nil
}

// badRune returns the first control character other than tab, or -1.
func badRune(s string) rune {
	for _, r := range s {
		if r != '\t' && (unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\ufeff') {
			return r
		}
	}
	return -1
}

type parser struct {
	name  string
	lines []line
	at    int
	end   int // the line number after the last line
	res   *Result
}

func (p *parser) errf(n int, format string, args ...any) error {
	return &PageError{File: p.name, Line: n, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) warnf(format string, args ...any) {
	p.res.Warnings = append(p.res.Warnings, fmt.Sprintf(format, args...))
}

// head returns the next line of the page's head, which must not be a
// heading; what names the line expected, for the error.
func (p *parser) head(what string) (line, error) {
	if p.at >= len(p.lines) {
		return line{}, p.errf(p.end, "the page ends here; expected %s (is it truncated?)", what)
	}
	l := p.lines[p.at]
	if h := heading(l.text); h >= 0 {
		return line{}, p.errf(l.n, "expected %s, found the heading %q", what, strings.TrimSpace(l.text))
	}
	p.at++
	return l, nil
}

func ptr(s string) *string { return &s }

func (p *parser) page(opts Options) error {
	pr := p.res.Profile
	if len(p.lines) == 0 {
		return p.errf(1, "empty page; expected a profile page starting with its title")
	}
	if p.lines[0].n != 1 {
		return p.errf(1, "expected the profile's title, found an empty line")
	}
	title, err := p.head("the profile's title")
	if err != nil {
		return err
	}
	pr.Title = title.text
	if p.at < len(p.lines) && p.lines[p.at].n != 2 {
		return p.errf(2, "expected the profile id (FUNCTION.FOCUS.LEVEL, like INFRAS.INFRASTR5562.P7), found an empty line: not a profile page")
	}
	idl, err := p.head("the profile id (FUNCTION.FOCUS.LEVEL)")
	if err != nil {
		return err
	}
	m := idRE.FindStringSubmatch(strings.TrimSpace(idl.text))
	if m == nil {
		return p.errf(idl.n, "expected the profile id (FUNCTION.FOCUS.LEVEL, like INFRAS.INFRASTR5562.P7), found %q: not a profile page", clip(idl.text))
	}
	pr.ID, pr.FunctionCode, pr.FocusCode, pr.LevelCode = m[0], m[1], m[2], m[3]
	pr.Track = trackOf(pr.LevelCode)

	card, err := p.head("the focus summary")
	if err != nil {
		return err
	}
	lead, err := p.head("the lead paragraph")
	if err != nil {
		return err
	}
	pr.FocusSummary, pr.Summary = ptr(card.text), ptr(lead.text)
	fl, err := p.head(`the line "Focus — NAME"`)
	if err != nil {
		return err
	}
	name, ok := strings.CutPrefix(fl.text, "Focus — ")
	if !ok || strings.TrimSpace(name) == "" {
		return p.errf(fl.n, `expected the line "Focus — NAME", found %q`, clip(fl.text))
	}
	pr.FocusName = ptr(name)
	desc, err := p.head("the focus description")
	if err != nil {
		return err
	}
	pr.FocusDescription = ptr(desc.text)
	if p.at < len(p.lines) && heading(p.lines[p.at].text) < 0 {
		pr.Differential = ptr(p.lines[p.at].text)
		p.at++
	}

	last := -1
	for p.at < len(p.lines) {
		l := p.lines[p.at]
		h := heading(l.text)
		if h < 0 {
			return p.errf(l.n, "expected a section heading (%s), found %q", nextHeadings(last), clip(l.text))
		}
		if h <= last {
			return p.errf(l.n, "the section %q comes after %q: sections are in page order, each once", headingNames[h], headingNames[last])
		}
		last = h
		p.at++
		body := p.body()
		var err error
		switch h {
		case secResp:
			err = p.responsibilities(body, opts)
		case secGuide:
			err = p.guidelines(body)
		case secSkills:
			err = p.skills(body)
		case secProv:
			p.provenance(body)
		case secLevel:
			err = p.level(l, body)
		case secAdjacent:
			err = p.adjacent(body)
		case secAliases:
			err = p.aliases(body)
		case secClass:
			err = p.classification(body)
		}
		if err != nil {
			return err
		}
	}
	if last < secResp {
		p.warnf("the page has no sections after its focus: responsibilities, guidelines and skills are empty")
	}
	return nil
}

func nextHeadings(last int) string {
	var hs []string
	for i := last + 1; i < len(headingNames); i++ {
		hs = append(hs, headingNames[i])
	}
	if len(hs) == 0 {
		return "none is left"
	}
	return strings.Join(hs, ", ")
}

// body returns the lines up to the next heading.
func (p *parser) body() []line {
	start := p.at
	for p.at < len(p.lines) && heading(p.lines[p.at].text) < 0 {
		p.at++
	}
	return p.lines[start:p.at]
}

func item(s string) (string, bool) {
	if s == "-" {
		return "", true
	}
	return strings.CutPrefix(s, "- ")
}

// items splits a body into its leading text lines (intro) and its "- "
// items, which must follow the text without text between them.
func (p *parser) items(body []line, section string) (intro []line, items []line, err error) {
	for _, l := range body {
		if _, ok := item(l.text); ok {
			items = append(items, l)
			continue
		}
		if len(items) > 0 {
			return nil, nil, p.errf(l.n, "expected a \"- \" item of %s, found %q", section, clip(l.text))
		}
		intro = append(intro, l)
	}
	return intro, items, nil
}

func (p *parser) responsibilities(body []line, opts Options) error {
	_, items, err := p.items(body, "Responsibilities by level")
	if err != nil {
		return err
	}
	pr := p.res.Profile
	var texts []string
	for _, l := range items {
		t, _ := item(l.text)
		texts = append(texts, t)
	}
	pr.ResponsibilityCount = len(texts)
	if len(texts) == 0 {
		return nil
	}
	ladder := opts.Ladder
	if ladder == nil {
		ladder = opts.Ladders[pr.Track]
	}
	if ladder == nil {
		ladder = profiles.DefaultLadders[pr.Track]
	}
	if len(ladder) > 0 && len(texts)%len(ladder) == 0 {
		per := len(texts) / len(ladder)
		for i, code := range ladder {
			pr.Responsibilities = append(pr.Responsibilities, LevelItems{Level: code, Items: texts[i*per : (i+1)*per]})
		}
		pr.Distributed = true
		p.res.Notes = append(p.res.Notes, fmt.Sprintf("the page lists %d responsibilities flat; spread in order over %s, %d per level", len(texts), span(ladder), per))
		return nil
	}
	pr.Responsibilities = []LevelItems{{Level: pr.LevelCode, Items: texts}}
	if len(ladder) == 0 {
		p.warnf("no ladder for level %s: all %d responsibilities are kept on %s", pr.LevelCode, len(texts), pr.LevelCode)
	} else {
		p.warnf("%d responsibilities do not divide evenly over the %d levels %s: all are kept on %s", len(texts), len(ladder), span(ladder), pr.LevelCode)
	}
	return nil
}

func span(ladder []string) string {
	if len(ladder) == 1 {
		return ladder[0]
	}
	return ladder[0] + "…" + ladder[len(ladder)-1]
}

// cells splits a Markdown table row; ok is false when the row is not one
// ("| a | b |").
func cells(s string) ([]string, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 2 || !strings.HasPrefix(s, "|") || !strings.HasSuffix(s, "|") || strings.HasSuffix(s, `\|`) {
		return nil, false
	}
	s = s[1 : len(s)-1]
	var out []string
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == '|':
			b.WriteByte('|')
			i++
		case s[i] == '|':
			out = append(out, strings.TrimSpace(b.String()))
			b.Reset()
		default:
			b.WriteByte(s[i])
		}
	}
	return append(out, strings.TrimSpace(b.String())), true
}

var columnKeys = []struct{ prefix, key string }{
	{"level", "level"},
	{"knowledge", "knowledge"},
	{"complexity", "complexity"},
	{"collaboration", "collaboration"},
	{"typical degree", "education"},
	{"degree", "education"},
	{"education", "education"},
}

func (p *parser) guidelines(body []line) error {
	i := 0
	for i < len(body) && !strings.HasPrefix(strings.TrimSpace(body[i].text), "|") {
		i++ // the intro
	}
	if i == len(body) {
		return nil // no table: no guidelines
	}
	hl := body[i]
	head, _ := cells(hl.text)
	if head == nil {
		return p.errf(hl.n, "expected the level guidelines table's header row, found %q", clip(hl.text))
	}
	keys := make([]string, len(head))
	seen := map[string]bool{}
	for c, h := range head {
		for _, k := range columnKeys {
			if strings.HasPrefix(strings.ToLower(h), k.prefix) {
				keys[c] = k.key
				break
			}
		}
		if keys[c] == "" || seen[keys[c]] {
			return p.errf(hl.n, "unknown or repeated column %q in the level guidelines table", clip(h))
		}
		seen[keys[c]] = true
	}
	if keys[0] != "level" {
		return p.errf(hl.n, "the level guidelines table's first column is %q, not Level", clip(head[0]))
	}
	i++
	if i == len(body) {
		return p.errf(p.nextLine(body), "the level guidelines table ends after its header (is the page truncated?)")
	}
	sep, ok := cells(body[i].text)
	if !ok || len(sep) != len(head) || !allDashes(sep) {
		return p.errf(body[i].n, "expected the table's separator row |---|…| with %d columns, found %q", len(head), clip(body[i].text))
	}
	for _, l := range body[i+1:] {
		row, ok := cells(l.text)
		if !ok {
			return p.errf(l.n, "expected a row of the level guidelines table (| … |), found %q (is the page truncated?)", clip(l.text))
		}
		if len(row) != len(head) {
			return p.errf(l.n, "this table row has %d cells, the header %d", len(row), len(head))
		}
		g := Guideline{}
		for c, v := range row {
			v := v
			switch keys[c] {
			case "level":
				if !levelRE.MatchString(v) {
					return p.errf(l.n, "expected a level code in the first cell, found %q", clip(v))
				}
				g.Level = v
			case "knowledge":
				g.Knowledge = &v
			case "complexity":
				g.Complexity = &v
			case "collaboration":
				g.Collaboration = &v
			case "education":
				g.Education = &v
				if y := years(v); y != nil {
					g.Experience = y
				} else {
					p.warnf("line %d: no years of experience in %q; the %s row has no experience", l.n, clip(v), g.Level)
				}
			}
		}
		p.res.Profile.Guidelines = append(p.res.Profile.Guidelines, g)
	}
	return nil
}

func (p *parser) nextLine(body []line) int {
	if p.at < len(p.lines) {
		return p.lines[p.at].n
	}
	if len(body) > 0 {
		return body[len(body)-1].n + 1
	}
	return p.end
}

func allDashes(cs []string) bool {
	for _, c := range cs {
		c = strings.Trim(c, ":")
		if len(c) < 1 || strings.Trim(c, "-") != "" {
			return false
		}
	}
	return true
}

// years reads the first span of years in a text: "0–1 years" {0, 1},
// "2+ years with BA" {2}, "5+ years (BA), 3 years (MA)" {5}, "15–22 yrs"
// {15, 22}.
func years(s string) *Years {
	m := yearsRE.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	return &Years{Min: number(m[1]), Max: number(m[2]), Raw: s}
}

// number drops leading zeros that YAML would read as octal or a string.
func number(s string) string {
	if s == "" {
		return ""
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return s
}

func (p *parser) skills(body []line) error {
	_, items, err := p.items(body, "Skills")
	if err != nil {
		return err
	}
	if len(items)%2 == 1 {
		l := items[len(items)-1]
		return p.errf(l.n, "the skill %q has no description line (is the page truncated?)", clip(strings.TrimPrefix(l.text, "- ")))
	}
	for i := 0; i < len(items); i += 2 {
		n, _ := item(items[i].text)
		d, _ := item(items[i+1].text)
		p.res.Profile.Skills = append(p.res.Profile.Skills, Skill{Name: n, Description: d})
	}
	return nil
}

// provenance reads the review panel's setup from the section's text: the
// page states the scale and the pass mark ("scored by an adversarial
// review panel (1–5; passes at ≥4 on the minimum dimension)") and shows
// no sources and no scores.
func (p *parser) provenance(body []line) {
	var texts []string
	for _, l := range body {
		texts = append(texts, l.text)
	}
	text := strings.Join(texts, " ")
	m := scaleRE.FindStringSubmatch(text)
	if m == nil {
		if text != "" {
			p.warnf("the provenance text states no review scale and pass mark: no review")
		}
		return
	}
	r := &Review{ScaleMin: number(m[1]), ScaleMax: number(m[2]), PassThreshold: number(m[3])}
	if pm := panelRE.FindStringSubmatch(text); pm != nil {
		r.Panel = pm[1]
	}
	p.res.Profile.Review = r
}

var levelKeys = map[string]string{
	"Scope":              "scope",
	"Autonomy":           "autonomy",
	"Complexity":         "complexity",
	"Impact":             "impact",
	"Decision rights":    "decision_rights",
	"Leadership":         "leadership",
	"Typical experience": "typical_experience",
}

func (p *parser) level(h line, body []line) error {
	pr := p.res.Profile
	rest := strings.TrimPrefix(strings.TrimSpace(h.text), "Level — ")
	code, name, _ := strings.Cut(rest, " — ")
	code = strings.TrimSpace(code)
	if !levelRE.MatchString(code) {
		return p.errf(h.n, "expected \"Level — CODE — NAME\", found %q", clip(h.text))
	}
	pr.LevelCode = code
	if name = strings.TrimSpace(name); name != "" {
		pr.Level["name"] = name
	}
	intro, items, err := p.items(body, "the level")
	if err != nil {
		return err
	}
	if len(intro) > 1 {
		return p.errf(intro[1].n, "expected one summary line under the level heading, found a second: %q", clip(intro[1].text))
	}
	if len(intro) == 1 {
		pr.Level["summary"] = intro[0].text
	}
	if len(items)%2 == 1 {
		l := items[len(items)-1]
		return p.errf(l.n, "the level attribute %q has no value line (is the page truncated?)", clip(strings.TrimPrefix(l.text, "- ")))
	}
	for i := 0; i < len(items); i += 2 {
		k, _ := item(items[i].text)
		v, _ := item(items[i+1].text)
		key, ok := levelKeys[k]
		if !ok {
			return p.errf(items[i].n, "unknown level attribute %q (known: Scope, Autonomy, Complexity, Impact, Decision rights, Leadership, Typical experience)", clip(k))
		}
		if _, dup := pr.Level[key]; dup || (key == "typical_experience" && pr.Typical != nil) {
			return p.errf(items[i].n, "the level attribute %q appears twice", k)
		}
		if key == "typical_experience" {
			if y := years(v); y != nil {
				pr.Typical = y
			} else {
				p.warnf("line %d: no years in the typical experience %q; left out", items[i+1].n, clip(v))
			}
			continue
		}
		pr.Level[key] = v
	}
	pr.Track = trackOf(pr.LevelCode)
	return nil
}

func trackOf(code string) string {
	switch {
	case strings.HasPrefix(code, "P"):
		return "professional"
	case strings.HasPrefix(code, "M"):
		return "management"
	}
	return ""
}

// adjacent reads the adjacent roles: "- ID" items, optionally followed on
// the same line by a distance (0 to 1) and a match band.
func (p *parser) adjacent(body []line) error {
	_, items, err := p.items(body, "Adjacent roles")
	if err != nil {
		return err
	}
	for _, l := range items {
		t, _ := item(l.text)
		fields := strings.FieldsFunc(t, func(r rune) bool { return unicode.IsSpace(r) || r == '·' || r == ',' || r == '|' })
		if len(fields) == 0 || !idRE.MatchString(fields[0]) {
			return p.errf(l.n, "expected an adjacent role's id (FUNCTION.FOCUS.LEVEL) first in the item, found %q", clip(t))
		}
		a := Adjacent{ID: fields[0]}
		for _, f := range fields[1:] {
			switch {
			case numRE.MatchString(f) && a.Distance == "":
				a.Distance = f
			case (f == "strong" || f == "partial" || f == "weak") && a.Match == "":
				a.Match = f
			}
		}
		p.res.Profile.Adjacent = append(p.res.Profile.Adjacent, a)
	}
	return nil
}

func (p *parser) aliases(body []line) error {
	for _, l := range body {
		if t, ok := item(l.text); ok {
			p.res.Profile.Aliases = append(p.res.Profile.Aliases, t)
			continue
		}
		if strings.HasPrefix(strings.TrimSpace(l.text), "No title aliases") {
			continue
		}
		return p.errf(l.n, "expected a \"- \" title alias or \"No title aliases recorded…\", found %q", clip(l.text))
	}
	return nil
}

var classKeyRE = regexp.MustCompile(`(code|title|source)=`)

var (
	socRE  = regexp.MustCompile(`^\d{2}-\d{4}$`)
	onetRE = regexp.MustCompile(`^\d{2}-\d{4}\.\d{2}$`)
)

// classification reads "- code=15-1244source=jfm-factory.resolve" items:
// the page runs the key=value pairs together. Lines without a dash name
// the group ("O*NET / SOC").
func (p *parser) classification(body []line) error {
	for _, l := range body {
		t, ok := item(l.text)
		if !ok {
			continue
		}
		locs := classKeyRE.FindAllStringSubmatchIndex(t, -1)
		if len(locs) == 0 || locs[0][0] != 0 {
			return p.errf(l.n, "expected a classification item \"- code=…source=…\", found %q", clip(t))
		}
		vals := map[string]string{}
		for i, loc := range locs {
			end := len(t)
			if i+1 < len(locs) {
				end = locs[i+1][0]
			}
			k := t[loc[2]:loc[3]]
			if _, dup := vals[k]; dup {
				return p.errf(l.n, "the classification item names %s twice", k)
			}
			vals[k] = strings.TrimSpace(t[loc[1]:end])
		}
		c := Classification{Code: vals["code"], Title: vals["title"], Source: vals["source"]}
		switch {
		case socRE.MatchString(c.Code):
			c.System = "SOC-2018"
		case onetRE.MatchString(c.Code):
			c.System = "ONET-SOC-2019"
		default:
			return p.errf(l.n, "the classification code %q is neither SOC (15-1244) nor O*NET-SOC (15-1244.00)", clip(c.Code))
		}
		p.res.Profile.Classes = append(p.res.Profile.Classes, c)
	}
	return nil
}

// clip shortens a text for a message.
func clip(s string) string {
	const max = 60
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "…"
}
