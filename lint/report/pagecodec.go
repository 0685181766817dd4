package report

import (
	"errors"
	"math"
	"slices"
	"strings"

	"github.com/profilelint/profilelint/internal/htmlpage"
	"github.com/profilelint/profilelint/lint/resultcache"
)

// A page is kept in the result cache beside its file's results
// (Options.Memo), so that a warm run, which parses no file, need not
// parse every file again for the report. The form is the result cache's
// own (resultcache.Encoder), with pointers as what follows their row's;
// the name is the memo's, not stored.

// pageVersion changes with the form; a page of another form is read
// again from its file, never misread.
const pageVersion = 2

var errBadPage = errors.New("corrupt html page")

func (p *page) encode() []byte {
	var e resultcache.Encoder
	e.Uint(pageVersion)
	for _, s := range []string{p.id, p.title, p.focus, p.label, p.level, p.levelName} {
		e.Text(s)
	}
	writeRange(&e, p.typical)
	e.Len(len(p.resp))
	for _, r := range p.resp {
		e.Text(r.level)
		writePtr(&e, "/responsibilities/", r.ptr)
		e.Len(len(r.items))
		for _, t := range r.items {
			writePtr(&e, r.ptr+"/items/", t.ptr)
			e.Text(t.text)
		}
	}
	e.Len(len(p.rubric))
	for _, r := range p.rubric {
		e.Text(r.level)
		writePtr(&e, "/level_guidelines/", r.ptr)
		keys := make([]string, 0, len(r.cells))
		for k := range r.cells {
			keys = append(keys, k)
		}
		slices.Sort(keys) // the same page, the same bytes
		e.Len(len(keys))
		for _, k := range keys {
			e.Text(k)
			writePtr(&e, r.ptr+"/"+k, r.cells[k].ptr)
			e.Text(r.cells[k].text)
		}
		e.Len(len(r.keys))
		for _, k := range r.keys {
			e.Text(k)
		}
		writeRange(&e, r.years)
		writePtr(&e, r.ptr+"/experience", r.yearsP)
	}
	e.Bool(p.parsed)
	e.Bool(p.trimmed)
	return e.Bytes()
}

// decodePage reads what encode wrote, as the page of the file name.
func decodePage(name string, b []byte) (*page, error) {
	d := resultcache.NewDecoder(b)
	if d.Uint() != pageVersion {
		return nil, errBadPage
	}
	p := &page{name: name}
	for _, s := range []*string{&p.id, &p.title, &p.focus, &p.label, &p.level, &p.levelName} {
		*s = d.Text()
	}
	p.typical = readRange(d)
	if n := d.Len(); n > 0 {
		p.resp = make([]respRow, n)
		for i := range p.resp {
			r := &p.resp[i]
			r.level = d.Text()
			r.ptr = readPtr(d, "/responsibilities/")
			if n := d.Len(); n > 0 {
				r.items = make([]text, n)
				base := r.ptr + "/items/"
				for j := range r.items {
					r.items[j].ptr = readPtr(d, base)
					r.items[j].text = d.Text()
				}
			}
		}
	}
	if n := d.Len(); n > 0 {
		p.rubric = make([]rubricRow, n)
		for i := range p.rubric {
			r := &p.rubric[i]
			r.level = d.Text()
			r.ptr = readPtr(d, "/level_guidelines/")
			n := d.Len()
			r.cells = make(map[string]text, n)
			for range n {
				k := d.Text()
				ptr := readPtr(d, r.ptr+"/"+k)
				r.cells[k] = text{ptr, d.Text()}
			}
			if n := d.Len(); n > 0 {
				r.keys = make([]string, n)
				for j := range r.keys {
					r.keys[j] = d.Text()
				}
			}
			r.years = readRange(d)
			r.yearsP = readPtr(d, r.ptr+"/experience")
		}
	}
	p.parsed = d.Bool()
	p.trimmed = d.Bool()
	if d.Done() != nil {
		return nil, errBadPage
	}
	return p, nil
}

// writePtr writes a JSON pointer as what follows base, which it nearly
// always starts with (the pointer of its row or cell): half of a page's
// bytes were pointers. Any other is written whole.
func writePtr(e *resultcache.Encoder, base, ptr string) {
	rest, ok := strings.CutPrefix(ptr, base)
	e.Bool(ok)
	if !ok {
		rest = ptr
	}
	e.Text(rest)
}

func readPtr(d *resultcache.Decoder, base string) string {
	if d.Bool() {
		return base + d.Text()
	}
	return d.Text()
}

func writeRange(e *resultcache.Encoder, r *htmlpage.Range) {
	e.Bool(r != nil)
	if r != nil {
		e.Uint64(math.Float64bits(r.Min))
		e.Uint64(math.Float64bits(r.Max))
		e.Bool(r.HasMax)
	}
}

func readRange(d *resultcache.Decoder) *htmlpage.Range {
	if !d.Bool() {
		return nil
	}
	r := &htmlpage.Range{Min: math.Float64frombits(d.Uint64()), Max: math.Float64frombits(d.Uint64())}
	r.HasMax = d.Bool()
	if d.Err() != nil {
		return nil
	}
	return r
}
