package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/profilelint/profilelint/lint"
)

// The corpus stage of level-order. A ladder inferred from one file cannot
// be wrong about that file: the file's order is the ladder's. What is
// wrong shows only beside the other files of the track, which list the
// same ladder: one that lists two levels the other way round, or one that
// lacks a level its siblings list. And the team should hear, once, which
// ladder was inferred and how to pin it.

// ladderFact is what level-order keeps of a file whose ladder was
// inferred; other files keep an empty one.
type ladderFact struct {
	Inferred bool
	Track    string // the track whose ladder it is ("professional" for none)
	Focus    string // function.code and focus.code: the file's siblings share it
	Levels   []string
	// At holds the place of each level's first entry, beside Levels.
	At []lint.Place
	// Place is where a finding about the whole file goes: its
	// responsibilities, or the file's first line.
	Place lint.Place
}

func (f *ladderFact) EncodeFact(e lint.FactsWriter) {
	e.Bool(f.Inferred)
	e.Text(f.Track)
	e.Text(f.Focus)
	lint.WriteList(e, f.Levels, lint.FactsWriter.Text)
	lint.WriteList(e, f.At, lint.FactsWriter.Place)
	e.Place(f.Place)
}

func (f *ladderFact) DecodeFact(d lint.FactsReader) {
	f.Inferred = d.Bool()
	f.Track, f.Focus = d.Text(), d.Text()
	f.Levels = lint.ReadList(d, lint.FactsReader.Text)
	f.At = lint.ReadList(d, lint.FactsReader.Place)
	f.Place = d.Place()
}

// at is the place of the file's i-th level, or the file's place.
func (f *ladderFact) at(i int) lint.Place {
	if i >= 0 && i < len(f.At) {
		return f.At[i]
	}
	return f.Place
}

var ladderFacts = lint.NewFacts(collectLevelOrder)

// maxLadder bounds the levels a file contributes to the corpus stage,
// whose merge is quadratic in them: no real ladder has this many, and a
// hostile file must not cost the run its time.
const maxLadder = 64

// collectLevelOrder runs the file's own checks and keeps, when its ladder
// was inferred, the file's levels in their order.
func collectLevelOrder(p *lint.Pass) *ladderFact {
	runLevelOrder(p)
	if len(p.Ladder) == 0 || len(p.Ladder) > maxLadder {
		return &ladderFact{}
	}
	f := &ladderFact{
		Inferred: p.LadderOrigin == lint.LadderInferred,
		Track:    trackName(p.Root.Get("track").Text()),
		Levels:   slices.Clone(p.Ladder),
		Place:    p.Place("/responsibilities", ""),
	}
	if !f.Inferred {
		// A ladder in force lists more than the file may: keep the levels
		// the file lists, for the comparison with its siblings.
		f.Levels = f.Levels[:0]
		for _, code := range p.Ladder {
			if listsLevel(p, code) {
				f.Levels = append(f.Levels, code)
			}
		}
	}
	if fn, fc := p.Root.Lookup("/function/code").Text(), p.Root.Lookup("/focus/code").Text(); fn != "" || fc != "" {
		f.Focus = fn + "." + fc
	}
	f.At = make([]lint.Place, len(f.Levels))
	for i, code := range f.Levels {
		f.At[i] = levelPlace(p, code)
	}
	return f
}

// levelPlace is the place of the first entry of a level, in
// responsibilities, then level_guidelines, then level.code.
func levelPlace(p *lint.Pass, code string) lint.Place {
	for _, list := range levelLists {
		for _, e := range ladderEntries(p, list) {
			if e.Code == code {
				return p.Place(e.LevelPtr(), "")
			}
		}
	}
	return p.Place("/level/code", "")
}

// inferredFile is one file of a track whose ladder was inferred.
type inferredFile struct {
	name string
	*ladderFact
}

func finishLevelOrder(c *lint.Corpus) {
	var tracks []string
	byTrack := map[string][]inferredFile{}
	given := map[string][]inferredFile{} // files on a ladder in force, by track
	var givenTracks []string
	for name, f := range ladderFacts.Of(c.Facts) {
		if !f.Inferred {
			if len(f.Levels) > 0 {
				if _, ok := given[f.Track]; !ok {
					givenTracks = append(givenTracks, f.Track)
				}
				given[f.Track] = append(given[f.Track], inferredFile{name, f})
			}
			continue
		}
		if _, ok := byTrack[f.Track]; !ok {
			tracks = append(tracks, f.Track)
		}
		byTrack[f.Track] = append(byTrack[f.Track], inferredFile{name, f})
	}
	for _, track := range tracks {
		files := byTrack[track]
		orders := make([][]string, len(files))
		for i, f := range files {
			orders[i] = f.Levels
		}
		prec, ok := newPrecedence(orders)
		if !ok {
			continue
		}
		reportInferred(c, track, files, prec.merge())
		for i := range files {
			checkCorpusOrder(c, track, files, i, prec)
		}
		checkSiblings(c, files)
	}
	for _, track := range givenTracks {
		checkSiblings(c, given[track])
	}
}

// listsLevel reports whether the file lists code in responsibilities or
// level_guidelines.
func listsLevel(p *lint.Pass, code string) bool {
	for _, list := range levelLists {
		for _, e := range ladderEntries(p, list) {
			if e.Code == code {
				return true
			}
		}
	}
	return false
}

// maxCorpusLevels bounds the distinct levels of one track's inferred
// ladders that are merged (the merge is cubic in them).
const maxCorpusLevels = 256

// mergeLadders merges the files' orders into one ladder: a level comes
// before another when more files list it first than list it after, and
// where files do not say (levels no file lists together), in the order
// the levels first appear. Where the files disagree in a circle, the
// level that the fewest remaining levels should precede goes first.
func mergeLadders(orders [][]string) ([]string, bool) {
	m, ok := newPrecedence(orders)
	if !ok {
		return nil, false
	}
	return m.merge(), true
}

// precedence counts, for each two levels, the files that list one before
// the other.
type precedence struct {
	levels []string // in order of first appearance
	index  map[string]int
	before [][]int // before[a][b]: files listing a before b
}

func newPrecedence(orders [][]string) (*precedence, bool) {
	var levels []string
	index := map[string]int{}
	for _, o := range orders {
		for _, c := range o {
			if _, ok := index[c]; !ok {
				index[c] = len(levels)
				levels = append(levels, c)
			}
		}
	}
	n := len(levels)
	if n == 0 || n > maxCorpusLevels {
		return nil, false
	}
	before := make([][]int, n)
	for i := range before {
		before[i] = make([]int, n)
	}
	for _, o := range orders {
		for i := range o {
			for j := i + 1; j < len(o); j++ {
				before[index[o[i]]][index[o[j]]]++
			}
		}
	}
	return &precedence{levels: levels, index: index, before: before}, true
}

// count returns the files that list a before b.
func (m *precedence) count(a, b string) int { return m.before[m.index[a]][m.index[b]] }

// merge orders the levels: see mergeLadders.
func (m *precedence) merge() []string {
	n, before, levels := len(m.levels), m.before, m.levels
	done := make([]bool, n)
	out := make([]string, 0, n)
	for len(out) < n {
		best, fewest := -1, n+1
		for a := range n {
			if done[a] {
				continue
			}
			blocked := 0
			for b := range n {
				if !done[b] && b != a && before[b][a] > before[a][b] {
					blocked++
				}
			}
			if blocked < fewest {
				best, fewest = a, blocked
			}
		}
		done[best] = true
		out = append(out, levels[best])
	}
	return out
}

// reportInferred says, once per track, which ladder was inferred and the
// configuration line that pins it, at the track's first file.
func reportInferred(c *lint.Corpus, track string, files []inferredFile, ladder []string) {
	why := "its profiles' levels are not the default " + ladderSpan(c.Ladders[track])
	if len(c.Ladders[track]) == 0 {
		why = "it has no default"
	}
	partial := 0
	for _, f := range files {
		if len(f.Levels) < len(ladder) {
			partial++
		}
	}
	note := ""
	if partial > 0 {
		note = fmt.Sprintf(" (%s list only some of its levels: a pinned ladder asks every profile for all of them)", countNoun(partial, "profile", "profiles"))
	}
	pf := files[0].Place
	c.Report(lint.Finding{
		Severity: lint.Info,
		File:     files[0].name, Line: pf.Line, Column: pf.Column, Pointer: pf.Pointer,
		Message: fmt.Sprintf("no ladder is configured for the %s track and %s: the ladder %s was inferred from %s%s, and the ladder rules judge the track on it; to pin it, put this line in .profilelint.yaml: ladders: {%s: [%s]}",
			track, why, ladderSpan(ladder), countNoun(len(files), "profile", "profiles"), note, track, strings.Join(ladder, ", ")),
	})
}

func countNoun(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// checkCorpusOrder reports a file that lists two levels the other way
// round from most of the other files of its track that list both. One
// finding per file, at the first such pair: the file's other levels
// usually follow once it is put right.
func checkCorpusOrder(c *lint.Corpus, track string, files []inferredFile, self int, prec *precedence) {
	f := files[self]
	for j := 1; j < len(f.Levels); j++ {
		for i := range j {
			a, b := f.Levels[i], f.Levels[j] // this file: a before b
			// The counts are over every file: this one lists a first.
			agree, disagree := prec.count(a, b)-1, prec.count(b, a)
			if disagree <= agree {
				continue
			}
			var w inferredFile
			for k, o := range files {
				if ia, ib := slices.Index(o.Levels, a), slices.Index(o.Levels, b); k != self && ia >= 0 && ib >= 0 && ib < ia {
					w = o
					break
				}
			}
			rel := w.at(slices.Index(w.Levels, b))
			rel.Message = b + " is listed before " + a + " here"
			p := f.at(i)
			c.Report(lint.Finding{
				File: f.name, Line: p.Line, Column: p.Column, Pointer: p.Pointer,
				Message: fmt.Sprintf("%s is listed before %s, but %s of the %s track list %s first (their order: %s); list this file's levels in that order, or pin the ladder under ladders.%s in .profilelint.yaml",
					a, b, countNoun(disagree, "other profile", "other profiles"), track, b, strings.Join(w.Levels, " "), track),
				Related: []lint.Place{rel},
			})
			return
		}
	}
}

// checkSiblings reports a file that lacks levels most of its siblings
// (the other files of its focus on this track) list. Foci are compared
// only with themselves: a framework's ladders for two disciplines may
// start or end at different levels.
func checkSiblings(c *lint.Corpus, files []inferredFile) {
	byFocus := map[string][]int{}
	var foci []string
	for i, f := range files {
		if f.Focus == "" {
			continue
		}
		if _, ok := byFocus[f.Focus]; !ok {
			foci = append(foci, f.Focus)
		}
		byFocus[f.Focus] = append(byFocus[f.Focus], i)
	}
	for _, focus := range foci {
		group := byFocus[focus]
		if len(group) < 2 {
			continue
		}
		orders := make([][]string, len(group))
		for i, k := range group {
			orders[i] = files[k].Levels
		}
		union, ok := mergeLadders(orders)
		if !ok {
			continue
		}
		listed := map[string]int{} // files of the focus that list a level
		first := map[string]int{}  // the first of them
		for _, k := range group {
			for _, code := range files[k].Levels {
				if listed[code] == 0 {
					first[code] = k
				}
				listed[code]++
			}
		}
		for _, k := range group {
			f := files[k]
			others := len(group) - 1
			var missing []string
			var rel []lint.Place
			for _, code := range union {
				// Most siblings list it: the file lacks it, rather than
				// the siblings having one level too many. (A file lacking
				// code is not among those that list it.)
				if slices.Contains(f.Levels, code) || 2*listed[code] <= others {
					continue
				}
				missing = append(missing, code)
				w := files[first[code]]
				pl := w.at(slices.Index(w.Levels, code))
				pl.Message = code + " is listed here"
				rel = append(rel, pl)
			}
			if len(missing) == 0 {
				continue
			}
			what := "level " + missing[0] + " is"
			if len(missing) > 1 {
				what = "levels " + strings.Join(missing, ", ") + " are"
			}
			p := f.Place
			c.Report(lint.Finding{
				File: f.name, Line: p.Line, Column: p.Column, Pointer: p.Pointer,
				Message: fmt.Sprintf("%s missing from this file but listed by its siblings, the other %s of focus %s (their ladder: %s); every profile of a focus lists the whole ladder",
					what, countNoun(others, "profile", "profiles"), focus, ladderSpan(union)),
				Related: rel,
			})
		}
	}
}
