// Package profdiff compares two versions of a set of profiles in content
// terms (levels, responsibilities, years, skills, sources, scores,
// classification) and says which findings the change introduces and which
// it resolves.
package profdiff

import (
	"strconv"

	"github.com/profilelint/profilelint/profiles"
)

// Input is one version of one profile file.
type Input struct {
	Name string // shown in the report, and the name findings carry
	Path string // the path that pairs it with the other side's file when ids do not
	// Local is the file's path in the working tree, relative to the
	// current folder, where it is (or was) there.
	Local string
	// Data is the file's content, or only its first bytes when the file
	// is far over the size limit (see ReadFile); Size is then its size.
	// Zero means len(Data).
	Data []byte
	Size int64
}

// years is a span of years; hasMax is false for "min+".
type years struct {
	min, max float64
	hasMax   bool
}

func (y *years) String() string {
	if y == nil {
		return "none"
	}
	if !y.hasMax {
		return num(y.min) + "+ years"
	}
	return num(y.min) + "–" + num(y.max) + " years"
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func sameYears(a, b *years) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

type levelList struct {
	level string
	items []string
}

type row struct {
	level      string
	cells      map[string]string // knowledge, complexity, collaboration, education
	experience *years
}

type skill struct{ name, description string }

type source struct{ id, title string }

type class struct{ system, code, title, source string }

type adjacent struct{ id, distance, match string }

// profile is the content of one parsed file.
type profile struct {
	in     Input
	parsed bool
	root   *profiles.Node
	id     string

	resp       []levelList
	guidelines []row
	typical    *years
	skills     []skill
	sources    []source
	scores     map[string]string
	scoreKeys  []string
	review     map[string]string // pass_threshold, scale
	classes    []class
	adjacent   []adjacent
	aliases    []string
}

// scalarFields are the single texts compared field by field, in report
// order.
var scalarFields = []string{
	"/id", "/title", "/summary", "/track",
	"/function/code", "/function/name",
	"/focus/code", "/focus/name", "/focus/summary", "/focus/description", "/focus/differential",
	"/level/code", "/level/name", "/level/summary", "/level/scope", "/level/autonomy",
	"/level/complexity", "/level/impact", "/level/decision_rights", "/level/leadership",
}

var rowCells = []string{"knowledge", "complexity", "collaboration", "education"}

func load(in Input, lim profiles.Limits) *profile {
	p := &profile{in: in, scores: map[string]string{}, review: map[string]string{}}
	if in.truncated() {
		return p // over the limit: lint says so
	}
	f, err := profiles.ParseWithLimits(in.Name, in.Data, lim)
	if err != nil || f.Root == nil || f.Root.Kind != profiles.Map {
		return p
	}
	p.parsed, p.root = true, f.Root
	r := f.Root
	p.id = r.Get("id").Text()
	for _, e := range items(r.Get("responsibilities")) {
		code := e.Get("level").Text()
		var texts []string
		for _, it := range items(e.Get("items")) {
			texts = append(texts, scalar(it))
		}
		if i := indexLevel(p.resp, code); i >= 0 {
			p.resp[i].items = append(p.resp[i].items, texts...)
			continue
		}
		p.resp = append(p.resp, levelList{level: code, items: texts})
	}
	for _, e := range items(r.Get("level_guidelines")) {
		code := e.Get("level").Text()
		if indexRow(p.guidelines, code) >= 0 {
			continue // a repeated level is level-order's finding; the first row counts
		}
		rw := row{level: code, cells: map[string]string{}, experience: yearsOf(e.Get("experience"))}
		for _, c := range rowCells {
			if n := e.Get(c); n != nil {
				rw.cells[c] = scalar(n)
			}
		}
		p.guidelines = append(p.guidelines, rw)
	}
	p.typical = yearsOf(r.Lookup("/level/typical_experience"))
	for _, e := range items(r.Get("skills")) {
		p.skills = append(p.skills, skill{name: e.Get("name").Text(), description: scalar(e.Get("description"))})
	}
	prov := r.Get("provenance")
	for _, e := range items(prov.Get("sources")) {
		p.sources = append(p.sources, source{id: e.Get("id").Text(), title: scalar(e.Get("title"))})
	}
	review := prov.Get("review")
	if s := review.Get("scores"); s != nil && s.Kind == profiles.Map {
		for _, fld := range s.Fields {
			if _, dup := p.scores[fld.Key.Value]; !dup {
				p.scoreKeys = append(p.scoreKeys, fld.Key.Value)
			}
			p.scores[fld.Key.Value] = scalar(fld.Value)
		}
	}
	if n := review.Get("pass_threshold"); n != nil {
		p.review["pass threshold"] = scalar(n)
	}
	if sc := review.Get("scale"); sc != nil {
		p.review["scale"] = scalar(sc.Get("min")) + "–" + scalar(sc.Get("max"))
	}
	if n := review.Get("panel"); n != nil {
		p.review["panel"] = scalar(n)
	}
	for _, e := range items(r.Get("classification")) {
		p.classes = append(p.classes, class{system: scalar(e.Get("system")), code: scalar(e.Get("code")), title: scalar(e.Get("title")), source: scalar(e.Get("source"))})
	}
	for _, e := range items(r.Get("adjacent_roles")) {
		p.adjacent = append(p.adjacent, adjacent{id: scalar(e.Get("id")), distance: scalar(e.Get("distance")), match: scalar(e.Get("match"))})
	}
	for _, e := range items(r.Get("title_aliases")) {
		p.aliases = append(p.aliases, scalar(e))
	}
	return p
}

func items(n *profiles.Node) []*profiles.Node {
	if n == nil || n.Kind != profiles.Seq {
		return nil
	}
	return n.Items
}

// scalar is a scalar's text as a reader compares it: numbers by value.
func scalar(n *profiles.Node) string {
	if n == nil {
		return ""
	}
	if v, ok := n.Number(); ok {
		return num(v)
	}
	if n.Kind == profiles.Map || n.Kind == profiles.Seq {
		return ""
	}
	return n.Value
}

func yearsOf(n *profiles.Node) *years {
	if n == nil || n.Kind != profiles.Map {
		return nil
	}
	lo, ok := n.Get("min").Number()
	if !ok {
		return nil
	}
	y := &years{min: lo}
	if hi, ok := n.Get("max").Number(); ok {
		y.max, y.hasMax = hi, true
	}
	return y
}

func indexLevel(ls []levelList, code string) int {
	for i, l := range ls {
		if l.level == code {
			return i
		}
	}
	return -1
}

func indexRow(rs []row, code string) int {
	for i, r := range rs {
		if r.level == code {
			return i
		}
	}
	return -1
}
