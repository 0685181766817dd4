package rules

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

func init() { register(LevelOrder) }

// LevelOrder checks that responsibilities and level_guidelines each list
// every level of the ladder once, lowest first, and that level.code is a
// level of the ladder.
var LevelOrder = &lint.Rule{
	ID:       "level-order",
	Summary:  "responsibilities and level_guidelines list every ladder level once, lowest first",
	Severity: lint.Error,
	Scope:    lint.PerCorpus,
	Doc: lint.Doc{
		Text: `A profile shows its level against the ladder: responsibilities and
level_guidelines each list the levels of the profile's ladder exactly once,
lowest first, with no gaps, so both list the same levels; and level.code is
one of them. A focus may occupy a run of the ladder (a discipline that
starts at IC2, a track that stops at IC5): a level is missing when it lies
inside the run the file lists, its own level included, or when most of the
profiles of its focus list it. A level outside the ladder is reported at its
value, a repeated level at the repeat (with the first as a related place),
a missing level at the list, and a level out of order at the entry that
breaks the order: the entries not in the longest run of levels that is in
order. When every level is listed once and only the order is wrong, the
finding carries a fix that moves the entries of a block list into ladder
order, each with the comments above it.

The ladder is chosen by the profile's track (a profile without one is on
the professional track). It is the track's ladder under ladders: in
.profilelint.yaml when there is one, for any track name:

    ladders:
      professional: [IC1, IC2, [SR1, SR2], STAFF]
      people-manager: [EM1, EM2, EM3]

A list inside a ladder is a band: levels that share one set of
expectations ("Senior Engineer, includes Senior I and Senior II"), whose
texts may repeat without being duplicates. Without a configured ladder, a
track's default (P1 … P7 for professional, M1 … M6 for management) is used
when it holds every level the profile uses; otherwise the ladder is
inferred from the profile itself: by number when its codes are one prefix
and a number (IC1 … IC7, L3 … L8), else in the order the profile first
lists them. The ladder rules (experience-monotonic, level-wording and the
others) judge the profile on it as on a configured one. Over the corpus,
level-order then reports once per track, as info, the ladder it inferred,
from how many profiles, and the line that pins it; and as errors the real
disorder an inferred ladder hides: a profile that lists its levels in
another order than the other profiles of the track do, or that lacks a
level its siblings (the profiles of its focus) list.`,
		Bad: docExample(
			"  - level: P4\n    items: [Leads multi-system platform designs, Sets technical standards for the team, Coordinates incident response]\n  - level: P5\n    items: [Defines standards adopted by several teams, Leads platform strategy for availability, Partners with product leaders on requirements]\n",
			"  - level: P5\n    items: [Defines standards adopted by several teams, Leads platform strategy for availability, Partners with product leaders on requirements]\n  - level: P4\n    items: [Leads multi-system platform designs, Sets technical standards for the team, Coordinates incident response]\n",
			"  - {level: P7, experience: {min: 20}}\n", ""),
		Good: docProfile,
	},
	Collect: ladderFacts.Collect,
	Codec:   ladderFacts.Codec(),
	Finish:  finishLevelOrder,
}

func runLevelOrder(p *lint.Pass) {
	if len(p.Ladder) == 0 {
		return
	}
	lists := make([][]ladderEntry, len(levelLists))
	for i, name := range levelLists {
		lists[i] = ladderEntries(p, name)
	}
	for i, name := range levelLists {
		if seq := p.Root.Get(name); seq == nil || seq.Kind != profiles.Seq {
			continue
		}
		checkLevelList(p, name, lists[i], lists[1-i])
	}
	if code := p.Root.Lookup("/level/code"); code != nil && code.Kind == profiles.String && code.Value != "" && p.Ladder.Index(code.Value) < 0 {
		p.Reportf("/level/code", "level %s is not in %s", code.Value, ladderWhence(p))
	}
}

// trackName is the track whose ladder a profile is on: a profile without
// a track is on the professional one.
func trackName(track string) string {
	if track == "" {
		return "professional"
	}
	return track
}

// ladderWhence names the ladder a profile is judged against, and the
// setting that changes it, so that a team whose ladder is not the
// default one learns from the message where to say so.
func ladderWhence(p *lint.Pass) string {
	track := trackName(p.Root.Get("track").Text())
	span := ladderSpan(p.Ladder)
	switch p.LadderOrigin {
	case lint.LadderConfigured:
		return fmt.Sprintf("the %s ladder (%s, set by ladders.%s in .profilelint.yaml)", track, span, track)
	case lint.LadderInferred:
		how := "in the order this file lists them"
		if lint.NumberedLadder(p.Ladder) {
			how = "by their numbers"
		}
		return fmt.Sprintf("the %s ladder (%s, inferred from this file's levels %s; pin it under ladders.%s in .profilelint.yaml)", track, span, how, track)
	}
	return fmt.Sprintf("the %s ladder (%s, the default; list your levels under ladders.%s in .profilelint.yaml)", track, span, track)
}

// checkLevelList reports the levels of one list that are outside the
// ladder, repeated, out of order or missing. other is the other list, for
// related places.
func checkLevelList(p *lint.Pass, name string, entries, other []ladderEntry) {
	first := make(map[string]ladderEntry)
	count := make(map[string]int)
	var known []ladderEntry // the first entry of each ladder level, in file order
	clean := true           // every entry names a ladder level, once
	for _, e := range entries {
		if e.Code == "" {
			clean = false // the schema reports an entry without a level
			continue
		}
		count[e.Code]++
		if f, ok := first[e.Code]; ok {
			clean = false
			times := "twice"
			if n := count[e.Code]; n > 2 {
				times = strconv.Itoa(n) + " times"
			}
			reportRelated(p, e.LevelPtr(), p.Place(f.LevelPtr(), e.Code+" first listed here"),
				"%s is listed %s in %s (first at %s)", e.Code, times, name, lineCol(p.Root.Lookup(f.LevelPtr())))
			continue
		}
		first[e.Code] = e
		if e.Rank < 0 {
			clean = false
			p.Reportf(e.LevelPtr(), "level %s is not in %s", e.Code, ladderWhence(p))
			continue
		}
		known = append(known, e)
	}

	// A focus may occupy a run of the ladder (a discipline that starts at
	// IC2, a track that stops at IC5): a level is missing when it is
	// inside the run the file lists, its own level included. Levels past
	// the ends are missing only when the focus's siblings list them
	// (checkSiblings). The run is the file's: both lists and level.code.
	lo, hi := len(p.Ladder), -1
	for _, e := range append(slices.Clip(entries), other...) {
		if e.Rank >= 0 {
			lo, hi = min(lo, e.Rank), max(hi, e.Rank)
		}
	}
	if own := p.Ladder.Index(p.Root.Lookup("/level/code").Text()); own >= 0 {
		lo, hi = min(lo, own), max(hi, own)
	}
	var missing []string
	for i, code := range p.Ladder {
		if _, ok := first[code]; !ok && i >= lo && i <= hi {
			missing = append(missing, code)
		}
	}

	// Only a pure reordering has one right answer: the first entry out of
	// order carries it.
	fixable := clean && len(missing) == 0
	inOrder := longestInOrder(known)
	for i, e := range known {
		if inOrder[i] {
			continue
		}
		// e is out of the longest ordered run: either a kept entry before
		// it is higher, or a kept entry after it is lower (else e would
		// extend the run).
		f := p.At(e.LevelPtr())
		if j := keptBefore(inOrder, i); j >= 0 && known[j].Rank > e.Rank {
			f.Message = fmt.Sprintf("%s is listed after %s; levels go lowest first in %s", e.Code, known[j].Code, ladderWhence(p))
			f.Related = []lint.Place{p.Place(known[j].LevelPtr(), known[j].Code+" is listed here")}
		} else if j := keptAfter(inOrder, i); j >= 0 {
			f.Message = fmt.Sprintf("%s is listed before %s; levels go lowest first in %s", e.Code, known[j].Code, ladderWhence(p))
			f.Related = []lint.Place{p.Place(known[j].LevelPtr(), known[j].Code+" is listed here")}
		} else {
			continue
		}
		if fixable {
			fixable = false
			if fix, ok := reorderFix(p, name, entries); ok {
				f.Fixes = []lint.Fix{fix}
			}
		}
		p.Report(f)
	}

	for _, code := range missing {
		f := p.At(profiles.Pointer(name))
		f.Message = fmt.Sprintf("level %s is missing from %s, which lists every level of %s", code, name, ladderWhence(p))
		for _, o := range other {
			if o.Code == code {
				f.Related = []lint.Place{p.Place(o.LevelPtr(), code+" is listed in "+o.List)}
				break
			}
		}
		p.Report(f)
	}
}

// longestInOrder marks the entries of the longest run (not necessarily
// contiguous) whose ladder ranks rise; the others are out of order. Among
// runs of the same length it keeps the earliest entries, so that in
// "P5, P4" the later P4 is the one reported.
func longestInOrder(es []ladderEntry) []bool {
	n := len(es)
	// best[i] is the length of the longest rising run starting at i.
	best := make([]int, n)
	longest := 0
	for i := n - 1; i >= 0; i-- {
		best[i] = 1
		for j := i + 1; j < n; j++ {
			if es[j].Rank > es[i].Rank && best[j]+1 > best[i] {
				best[i] = best[j] + 1
			}
		}
		longest = max(longest, best[i])
	}
	keep := make([]bool, n)
	need, last := longest, -1
	for i := 0; i < n && need > 0; i++ {
		if best[i] == need && es[i].Rank > last {
			keep[i] = true
			need--
			last = es[i].Rank
		}
	}
	return keep
}

func keptBefore(keep []bool, i int) int {
	for j := i - 1; j >= 0; j-- {
		if keep[j] {
			return j
		}
	}
	return -1
}

func keptAfter(keep []bool, i int) int {
	for j := i + 1; j < len(keep); j++ {
		if keep[j] {
			return j
		}
	}
	return -1
}

// reorderFix moves the entries of a block list into ladder order. Each
// entry takes along the comment lines right above it; blank lines between
// entries stay where they are. Flow lists ([…]) and lists whose entries
// cannot be cut into whole lines get no fix.
func reorderFix(p *lint.Pass, name string, entries []ladderEntry) (lint.Fix, bool) {
	src := p.File.Src
	n := len(entries)
	if n < 2 {
		return lint.Fix{}, false
	}
	starts := make([]int, n+1)
	var indent []byte
	for i, e := range entries {
		ls := lineStartAt(src, e.Node.Pos.Offset)
		dash := bytes.TrimLeft(src[ls:e.Node.Pos.Offset], " ")
		if len(bytes.TrimSpace(dash)) != 1 || dash[0] != '-' {
			return lint.Fix{}, false // not "  - " before the entry: a flow list
		}
		in := src[ls : e.Node.Pos.Offset-len(dash)]
		if i == 0 {
			indent = in
		} else if !bytes.Equal(in, indent) {
			return lint.Fix{}, false
		}
		// Comment lines right above the dash belong to the entry.
		for ls > 0 {
			prev := lineStartAt(src, ls-1)
			if t := bytes.TrimSpace(src[prev:ls]); len(t) == 0 || t[0] != '#' {
				break
			}
			ls = prev
		}
		starts[i] = ls
	}
	// The last entry ends where the key after the list starts.
	starts[n] = len(src)
	fields := p.Root.Fields
	for i, f := range fields {
		if f.Key.Value == name && i+1 < len(fields) {
			starts[n] = lineStartAt(src, fields[i+1].Key.Pos.Offset)
		}
	}
	if starts[n] < starts[n-1] {
		return lint.Fix{}, false
	}
	// An entry is its lines up to its last line of content: blank lines
	// and comments after it stay in place.
	chunks := make([][2]int, n)
	for i := range entries {
		end := starts[i+1]
		for end > starts[i] {
			prev := lineStartAt(src, end-1)
			if t := bytes.TrimSpace(src[prev:end]); len(t) > 0 && t[0] != '#' {
				break
			}
			end = prev
		}
		if end <= starts[i] || src[end-1] != '\n' {
			return lint.Fix{}, false
		}
		chunks[i] = [2]int{starts[i], end}
	}
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return entries[a].Rank - entries[b].Rank })
	fix := lint.Fix{Message: "list " + name + " lowest first"}
	for slot, from := range order {
		if slot == from {
			continue
		}
		fix.Edits = append(fix.Edits, lint.Edit{
			Start: chunks[slot][0],
			End:   chunks[slot][1],
			New:   string(src[chunks[from][0]:chunks[from][1]]),
		})
	}
	return fix, len(fix.Edits) > 0
}

// lineStartAt returns the offset of the start of the line holding off.
func lineStartAt(src []byte, off int) int {
	return bytes.LastIndexByte(src[:off], '\n') + 1
}
