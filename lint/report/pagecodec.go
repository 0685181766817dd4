package report

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"strings"

	"github.com/profilelint/profilelint/internal/htmlpage"
)

// A page is kept in the result cache beside its file's results
// (Options.Memo), so that a warm run, which parses no file, need not
// parse every file again for the report. The form is varints, strings
// as a length then bytes, and pointers as what follows their row's; the
// name is the memo's, not stored.

// pageVersion changes with the form; a page of another form is read
// again from its file, never misread.
const pageVersion = 1

var errBadPage = errors.New("corrupt html page")

func (p *page) encode() []byte {
	var e pageEncoder
	e.uint(pageVersion)
	for _, s := range []string{p.id, p.title, p.focus, p.label, p.level, p.levelName} {
		e.text(s)
	}
	e.rng(p.typical)
	e.uint(uint64(len(p.resp)))
	for _, r := range p.resp {
		e.text(r.level)
		e.ptr("/responsibilities/", r.ptr)
		e.uint(uint64(len(r.items)))
		for _, t := range r.items {
			e.ptr(r.ptr+"/items/", t.ptr)
			e.text(t.text)
		}
	}
	e.uint(uint64(len(p.rubric)))
	for _, r := range p.rubric {
		e.text(r.level)
		e.ptr("/level_guidelines/", r.ptr)
		keys := make([]string, 0, len(r.cells))
		for k := range r.cells {
			keys = append(keys, k)
		}
		slices.Sort(keys) // the same page, the same bytes
		e.uint(uint64(len(keys)))
		for _, k := range keys {
			e.text(k)
			e.ptr(r.ptr+"/"+k, r.cells[k].ptr)
			e.text(r.cells[k].text)
		}
		e.uint(uint64(len(r.keys)))
		for _, k := range r.keys {
			e.text(k)
		}
		e.rng(r.years)
		e.ptr(r.ptr+"/experience", r.yearsP)
	}
	e.flag(p.parsed)
	e.flag(p.trimmed)
	return e.buf
}

// decodePage reads what encode wrote, as the page of the file name.
func decodePage(name string, b []byte) (*page, error) {
	d := pageDecoder{buf: b}
	if d.uint() != pageVersion {
		return nil, errBadPage
	}
	p := &page{name: name}
	for _, s := range []*string{&p.id, &p.title, &p.focus, &p.label, &p.level, &p.levelName} {
		*s = d.text()
	}
	p.typical = d.rng()
	if n := d.len(); n > 0 {
		p.resp = make([]respRow, n)
		for i := range p.resp {
			r := &p.resp[i]
			r.level = d.text()
			r.ptr = d.ptr("/responsibilities/")
			if n := d.len(); n > 0 {
				r.items = make([]text, n)
				base := r.ptr + "/items/"
				for j := range r.items {
					r.items[j].ptr = d.ptr(base)
					r.items[j].text = d.text()
				}
			}
		}
	}
	if n := d.len(); n > 0 {
		p.rubric = make([]rubricRow, n)
		for i := range p.rubric {
			r := &p.rubric[i]
			r.level = d.text()
			r.ptr = d.ptr("/level_guidelines/")
			n := d.len()
			r.cells = make(map[string]text, n)
			for range n {
				k := d.text()
				ptr := d.ptr(r.ptr + "/" + k)
				r.cells[k] = text{ptr, d.text()}
			}
			if n := d.len(); n > 0 {
				r.keys = make([]string, n)
				for j := range r.keys {
					r.keys[j] = d.text()
				}
			}
			r.years = d.rng()
			r.yearsP = d.ptr(r.ptr + "/experience")
		}
	}
	p.parsed = d.flag()
	p.trimmed = d.flag()
	if d.err != nil || len(d.buf) > 0 {
		return nil, errBadPage
	}
	return p, nil
}

type pageEncoder struct{ buf []byte }

func (e *pageEncoder) uint(v uint64) { e.buf = binary.AppendUvarint(e.buf, v) }

func (e *pageEncoder) text(s string) {
	e.uint(uint64(len(s)))
	e.buf = append(e.buf, s...)
}

// ptr writes a JSON pointer as what follows base, which it nearly always
// starts with (the pointer of its row or cell): half of a page's bytes
// were pointers. Any other is written whole.
func (e *pageEncoder) ptr(base, ptr string) {
	rest, ok := strings.CutPrefix(ptr, base)
	e.flag(ok)
	if !ok {
		rest = ptr
	}
	e.text(rest)
}

func (e *pageEncoder) flag(v bool) {
	if v {
		e.buf = append(e.buf, 1)
	} else {
		e.buf = append(e.buf, 0)
	}
}

func (e *pageEncoder) rng(r *htmlpage.Range) {
	e.flag(r != nil)
	if r != nil {
		e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(r.Min))
		e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(r.Max))
		e.flag(r.HasMax)
	}
}

// pageDecoder reads what a pageEncoder wrote. The first error sticks:
// reads after it give zero values.
type pageDecoder struct {
	buf []byte
	err error
}

func (d *pageDecoder) fail() { d.err, d.buf = errBadPage, nil }

func (d *pageDecoder) uint() uint64 {
	v, n := binary.Uvarint(d.buf)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.buf = d.buf[n:]
	return v
}

// len reads the length of a list, which the bytes left must be able to
// hold (each element takes at least one), so that a damaged page never
// makes the reader allocate without bound.
func (d *pageDecoder) len() int {
	n := d.uint()
	if n > uint64(len(d.buf)) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *pageDecoder) text() string {
	n := d.uint()
	if n > uint64(len(d.buf)) {
		d.fail()
		return ""
	}
	s := string(d.buf[:n])
	d.buf = d.buf[n:]
	return s
}

func (d *pageDecoder) ptr(base string) string {
	if d.flag() {
		return base + d.text()
	}
	return d.text()
}

func (d *pageDecoder) flag() bool {
	if len(d.buf) == 0 || d.buf[0] > 1 {
		d.fail()
		return false
	}
	v := d.buf[0] == 1
	d.buf = d.buf[1:]
	return v
}

func (d *pageDecoder) rng() *htmlpage.Range {
	if !d.flag() {
		return nil
	}
	if len(d.buf) < 16 {
		d.fail()
		return nil
	}
	r := &htmlpage.Range{
		Min: math.Float64frombits(binary.LittleEndian.Uint64(d.buf)),
		Max: math.Float64frombits(binary.LittleEndian.Uint64(d.buf[8:])),
	}
	d.buf = d.buf[16:]
	r.HasMax = d.flag()
	return r
}
