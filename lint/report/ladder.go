package report

import (
	"path"
	"strconv"
	"strings"

	"github.com/profilelint/profilelint/internal/htmlpage"
	"github.com/profilelint/profilelint/profiles"
)

// A page is what the HTML report draws of one profile: small enough that
// the report keeps one per file of a large corpus after its tree is gone.
type page struct {
	name         string
	id, title    string
	focus, label string // the focus's key and name
	level        string
	levelName    string
	typical      *htmlpage.Range
	resp         []respRow
	rubric       []rubricRow
	parsed       bool
	// trimmed pages keep the texts of their own level only: a corpus's
	// pages all repeat the ladder, and keeping every copy would keep the
	// whole corpus in memory. The focus reads its fullest page again when
	// it needs the other levels' texts.
	trimmed bool
}

type text struct{ ptr, text string }

type respRow struct {
	level string
	ptr   string
	items []text
}

type rubricRow struct {
	level  string
	ptr    string
	cells  map[string]text
	keys   []string // in the file's order
	years  *htmlpage.Range
	yearsP string
}

// readPage takes from a profile's tree what the report shows; with trim,
// only the texts of the profile's own level. Texts are copied, so that
// the page does not keep the file's bytes.
func readPage(name string, f *profiles.File, trim bool) *page {
	p := &page{name: name, trimmed: trim}
	var root *profiles.Node
	if f != nil {
		root = f.Tree()
	}
	if root == nil || root.Kind != profiles.Map {
		p.focus = focusFromName(name)
		p.label = p.focus
		return p
	}
	p.parsed = true
	defer p.clone()
	p.id = root.Lookup("/id").Text()
	p.title = root.Lookup("/title").Text()
	p.level = root.Lookup("/level/code").Text()
	p.levelName = root.Lookup("/level/name").Text()
	p.typical = rangeOf(root.Lookup("/level/typical_experience"))
	fn, fc := root.Lookup("/function/code").Text(), root.Lookup("/focus/code").Text()
	switch {
	case fc != "":
		p.focus = fn + "." + fc
	case strings.Count(p.id, ".") >= 1:
		p.focus = p.id[:strings.LastIndex(p.id, ".")]
	default:
		p.focus = focusFromName(name)
	}
	p.label = root.Lookup("/focus/name").Text()
	if p.label == "" {
		p.label = p.focus
	}
	if n := root.Get("responsibilities"); n != nil && n.Kind == profiles.Seq {
		for i, e := range n.Items {
			ptr := profiles.Pointer("responsibilities", i)
			r := respRow{level: e.Lookup("/level").Text(), ptr: ptr}
			if items := e.Get("items"); items != nil && items.Kind == profiles.Seq {
				for j, it := range items.Items {
					if it.Kind != profiles.Map && it.Kind != profiles.Seq && (!trim || r.level == p.level) {
						r.items = append(r.items, text{ptr + "/items/" + strconv.Itoa(j), it.Text()})
					}
				}
			}
			if r.level != "" {
				p.resp = append(p.resp, r)
			}
		}
	}
	if n := root.Get("level_guidelines"); n != nil && n.Kind == profiles.Seq {
		for i, e := range n.Items {
			if e.Kind != profiles.Map {
				continue
			}
			ptr := profiles.Pointer("level_guidelines", i)
			r := rubricRow{level: e.Lookup("/level").Text(), ptr: ptr, cells: map[string]text{}}
			for _, fld := range e.Fields {
				k := fld.Key.Text()
				switch {
				case k == "level":
				case k == "experience":
					r.years, r.yearsP = rangeOf(fld.Value), ptr+"/experience"
				case fld.Value.Kind != profiles.Map && fld.Value.Kind != profiles.Seq && (!trim || r.level == p.level):
					r.keys = append(r.keys, k)
					r.cells[k] = text{ptr + "/" + k, fld.Value.Text()}
				}
			}
			if r.level != "" {
				p.rubric = append(p.rubric, r)
			}
		}
	}
	return p
}

// clone copies the page's texts out of the file's bytes.
func (p *page) clone() {
	c := strings.Clone
	p.id, p.title, p.focus, p.label, p.level, p.levelName = c(p.id), c(p.title), c(p.focus), c(p.label), c(p.level), c(p.levelName)
	for i := range p.resp {
		r := &p.resp[i]
		r.level = c(r.level)
		for j := range r.items {
			r.items[j].text = c(r.items[j].text)
		}
	}
	for i := range p.rubric {
		r := &p.rubric[i]
		r.level = c(r.level)
		for k, t := range r.cells {
			r.cells[k] = text{t.ptr, c(t.text)}
		}
		for j := range r.keys {
			r.keys[j] = c(r.keys[j])
		}
	}
}

// focusFromName guesses the focus of a file that could not be read from
// its name: INFRAS.INFRASTR5562.P7.yaml is of INFRAS.INFRASTR5562.
func focusFromName(name string) string {
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	base = strings.TrimSuffix(base, path.Ext(base))
	if i := strings.LastIndex(base, "."); i > 0 {
		return base[:i]
	}
	return base
}

func rangeOf(n *profiles.Node) *htmlpage.Range {
	if n == nil || n.Kind != profiles.Map {
		return nil
	}
	lo, ok := n.Get("min").Number()
	if !ok {
		return nil
	}
	r := &htmlpage.Range{Min: lo}
	if hi, ok := n.Get("max").Number(); ok {
		r.Max, r.HasMax = hi, true
	}
	return r
}
