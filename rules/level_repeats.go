package rules

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
	"github.com/profilelint/profilelint/rules/internal/text"
)

func init() { register(LevelRepeats) }

// LevelRepeats reports a level whose responsibilities are mostly those of
// the level next to it: a level that does not say what sets it apart.
var LevelRepeats = &lint.Rule{
	ID:       "level-repeats",
	Summary:  "no level mostly repeats the responsibilities of the level next to it",
	Severity: lint.Warning,
	Scope:    lint.PerCorpus,
	Doc: lint.Doc{
		Text: `A level of a ladder says what is expected there and not below. A level
whose responsibilities are mostly copies of the level next to it (a real
framework's level repeats 52 of its 66 texts from the level below) does not:
the reader cannot tell the two apart. duplicate-text and duplicate-across
name the copies one by one; this rule names the level, once.

Each pair of neighbouring levels of responsibilities, in ladder order, is
compared: texts are the same when their normal forms are (case, white space
and punctuation aside, as duplicate-text compares them). When more than
share (0.5 by default) of one level's texts are copies of its neighbour's,
and at least min_repeated of them, that level is reported at its entry, with
the count and the share ("P5 repeats 52 of its 66 responsibilities (79 %)
from P4") and the first copies as related places. Texts are copied up a
ladder, so of a pair the higher level is reported when it repeats enough,
the lower one only when the higher adds so much of its own that it does not
(a first level all of whose texts the second holds). Half is where a level stops having more of its own than it borrows;
below it, a shared core (a values line at every level) with a level's own
additions is how ladders are written. Levels of one band (ladders with
bands in the configuration) share expectations on purpose and are not
compared.

Every profile of a focus carries the whole ladder, so a repeating level is
reported once per focus and ladder, not once per sibling: in the sibling
whose own level.code is the repeating level when that file is linted, else
in the first sibling by file name, and the message names the others. A
profile linted alone is judged alone.`,
		Bad: docExample(
			"items: [Defines standards adopted by several teams, Leads platform strategy for availability, Partners with product leaders on requirements]",
			"items: [Leads multi-system platform designs, Sets technical standards for the team, Coordinates incident response, Partners with product leaders on requirements]"),
		Good: docProfile,
	},
	Options: levelRepeatsOptions.List(),
	Collect: repeatsFacts.Collect,
	Codec:   repeatsFacts.Codec(),
	Finish:  finishRepeats,
}

var levelRepeatsOptions = lint.NewOptions(struct {
	Share       float64 `option:"share" doc:"the share of a level's responsibilities, copied from a neighbouring level, above which the level is reported"`
	MinRepeated int     `option:"min_repeated" doc:"the fewest copied responsibilities that make a level reported; fewer are left to duplicate-across"`
}{Share: 0.5, MinRepeated: 3})

// maxRepeatPlaces bounds the related places of one finding: the copies
// beyond are counted in the message.
const maxRepeatPlaces = 5

// repeatsFact is what level-repeats keeps of a file: the levels that
// repeat a neighbour, as the file's own responsibilities show them.
type repeatsFact struct {
	Group   string // FUNCTION.FOCUS and the ladder; "" when the file has no focus
	Own     string // level.code
	Repeats []levelRepeat
}

// levelRepeat is one level that mostly repeats its neighbour.
type levelRepeat struct {
	Level, From string
	N, M        int // copies, and texts of the level
	Place       lint.Place
	Copies      []lint.Place // the first maxRepeatPlaces copies
}

func (f *repeatsFact) EncodeFact(e lint.FactsWriter) {
	e.Text(f.Group)
	e.Text(f.Own)
	lint.WriteList(e, f.Repeats, func(e lint.FactsWriter, r levelRepeat) {
		e.Text(r.Level)
		e.Text(r.From)
		e.Int(int64(r.N))
		e.Int(int64(r.M))
		e.Place(r.Place)
		lint.WriteList(e, r.Copies, (lint.FactsWriter).Place)
	})
}

func (f *repeatsFact) DecodeFact(d lint.FactsReader) {
	f.Group, f.Own = d.Text(), d.Text()
	f.Repeats = lint.ReadList(d, func(d lint.FactsReader) levelRepeat {
		r := levelRepeat{Level: d.Text(), From: d.Text(), N: int(d.Int()), M: int(d.Int()), Place: d.Place()}
		r.Copies = lint.ReadList(d, (lint.FactsReader).Place)
		if r.N < 0 || r.M < r.N {
			d.Fail()
		}
		return r
	})
}

var repeatsFacts = lint.NewFacts(collectRepeats)

// repeatLevel is one level's responsibilities: the normal-form hash of
// each text, in order, and their pointers.
type repeatLevel struct {
	code   string
	ptr    string
	hashes []uint64
	ptrs   []string
}

func collectRepeats(p *lint.Pass) *repeatsFact {
	f := &repeatsFact{Own: p.Root.Get("level").Get("code").Text()}
	if g := focusKey(p.Root); g != "" {
		f.Group = g + " " + p.Ladder.String()
	}
	entries := ladderEntries(p, "responsibilities")
	if ranked := byRank(entries, p.Ladder); len(ranked) >= 2 {
		entries = ranked
	}
	levels := make([]repeatLevel, 0, len(entries))
	hashes := hashesOfFile(p)
	for _, e := range entries {
		lv := repeatLevel{code: e.Code, ptr: e.Ptr}
		if items := e.Node.Get("items"); items != nil {
			for j, it := range items.Items {
				// Not a string, empty, or a line pointing at other levels:
				// not an expectation that can be repeated.
				if h, ok, words := hashes.of(it); ok && !text.IsReference(words) {
					lv.hashes = append(lv.hashes, h)
					lv.ptrs = append(lv.ptrs, profiles.Pointer("responsibilities", e.Index, "items", j))
				}
			}
		}
		levels = append(levels, lv)
	}
	opts := levelRepeatsOptions.Of(p)
	for k := 0; k+1 < len(levels); k++ {
		lo, hi := &levels[k], &levels[k+1]
		if lo.code == "" || hi.code == "" || lo.code == hi.code || p.Bands.Same(lo.code, hi.code) {
			continue
		}
		// Texts are copied up a ladder: the higher level of the pair is
		// the copy when it repeats enough; the lower one only when the
		// higher adds so much of its own that it does not.
		rep, from := hi, lo
		copies := copiesOf(hi, lo)
		if !repeats(len(copies), len(hi.hashes), opts.Share, opts.MinRepeated) {
			rep, from = lo, hi
			if copies = copiesOf(lo, hi); !repeats(len(copies), len(lo.hashes), opts.Share, opts.MinRepeated) {
				continue
			}
		}
		n, m := len(copies), len(rep.hashes)
		r := levelRepeat{Level: rep.code, From: from.code, N: n, M: m, Place: p.Place(rep.ptr, "")}
		for _, j := range copies[:min(len(copies), maxRepeatPlaces)] {
			r.Copies = append(r.Copies, p.Place(rep.ptrs[j], "repeated from "+from.code))
		}
		f.Repeats = append(f.Repeats, r)
	}
	return f
}

// repeats reports whether n copies among m texts are more than share of
// them, and at least least.
func repeats(n, m int, share float64, least int) bool {
	return m > 0 && n >= max(1, least) && float64(n)/float64(m) > share
}

// copiesOf returns the indexes of a's texts that b holds too.
func copiesOf(a, b *repeatLevel) []int {
	in := make(map[uint64]bool, len(b.hashes))
	for _, h := range b.hashes {
		in[h] = true
	}
	var out []int
	for j, h := range a.hashes {
		if in[h] {
			out = append(out, j)
		}
	}
	return out
}

// finishRepeats reports each repeating level once per focus and ladder.
func finishRepeats(c *lint.Corpus) {
	type key struct {
		group, level, from string
		n, m               int
	}
	type holder struct {
		file string
		own  string
		r    levelRepeat
	}
	found := map[key][]holder{}
	var order []key
	for file, f := range repeatsFacts.Of(c.Facts) {
		for _, r := range f.Repeats {
			k := key{f.Group, r.Level, r.From, r.N, r.M}
			if f.Group == "" {
				k.group = "\x00" + file // no focus: the file is its own group
			}
			if _, ok := found[k]; !ok {
				order = append(order, k)
			}
			found[k] = append(found[k], holder{file, f.Own, r})
		}
	}
	for _, k := range order {
		hs := found[k]
		slices.SortFunc(hs, func(a, b holder) int { return cmp.Compare(a.file, b.file) })
		at := 0
		for i, h := range hs {
			if h.own == k.level {
				at = i
				break
			}
		}
		h := hs[at]
		msg := fmt.Sprintf("%s repeats %d of its %d responsibilities (%s) from %s", k.level, k.n, k.m, percent(k.n, k.m), k.from)
		if more := k.n - len(h.r.Copies); more > 0 {
			msg += fmt.Sprintf("; the first %d copies are listed, %d more", len(h.r.Copies), more)
		}
		if len(hs) > 1 {
			var others []string
			for i, o := range hs {
				if i != at {
					others = append(others, o.file)
				}
			}
			msg += "; reported once for the siblings of this focus, which share the ladder's responsibilities: also in " + fileList(others)
		}
		c.Report(lint.Finding{
			File: h.file, Line: h.r.Place.Line, Column: h.r.Place.Column, Pointer: h.r.Place.Pointer,
			Message: msg, Related: h.r.Copies,
		})
	}
}

// percent writes n/m as a whole percentage, "79 %", never 100 % for less
// than all nor 0 % for more than none.
func percent(n, m int) string {
	p := n * 100 / m
	if n*100%m*2 >= m {
		p++
	}
	switch {
	case p == 100 && n < m:
		p = 99
	case p == 0 && n > 0:
		p = 1
	}
	return fmt.Sprintf("%d %%", p)
}

// fileList names files for a message, the first three and how many more.
func fileList(files []string) string {
	const shown = 3
	if len(files) <= shown {
		return joinAnd(files)
	}
	return strings.Join(files[:shown], ", ") + fmt.Sprintf(" and %d more", len(files)-shown)
}
