package rules

import (
	"strconv"
	"strings"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// This file holds what the level rules (level-order, experience-monotonic,
// experience-consistent, level-wording, responsibility-count) share: the
// entries of the two per-level lists, how a ladder and a span of years are
// written in messages, and the small profile their doc examples start from.

// levelLists are the lists that hold one entry per level of the ladder.
var levelLists = [...]string{"responsibilities", "level_guidelines"}

// ladderEntry is one entry of responsibilities or level_guidelines.
type ladderEntry struct {
	List  string // the list's key
	Index int    // position in the list
	Ptr   string // pointer of the entry, e.g. /level_guidelines/3
	Node  *profiles.Node
	Code  string // the level as written; "" when the entry names none
	Rank  int    // position of Code in the ladder, -1 when not in it
}

// LevelPtr is the pointer of the entry's level value.
func (e ladderEntry) LevelPtr() string { return e.Ptr + "/level" }

// ladderEntries returns the entries of the list named list, in file order.
// A list that is absent or not a sequence has none: the schema reports it.
func ladderEntries(p *lint.Pass, list string) []ladderEntry {
	seq := p.Root.Get(list)
	if seq == nil || seq.Kind != profiles.Seq {
		return nil
	}
	out := make([]ladderEntry, 0, len(seq.Items))
	for i, it := range seq.Items {
		code := it.Get("level").Text()
		rank := -1
		if code != "" {
			rank = p.Ladder.Index(code)
		}
		out = append(out, ladderEntry{List: list, Index: i, Ptr: profiles.Pointer(list, i), Node: it, Code: code, Rank: rank})
	}
	return out
}

// byRank returns the first entry of each ladder level, lowest level first;
// repeated levels and levels outside the ladder are left out (level-order
// reports them).
func byRank(entries []ladderEntry, ladder profiles.Ladder) []ladderEntry {
	first := make([]*ladderEntry, len(ladder))
	for i := range entries {
		if r := entries[i].Rank; r >= 0 && first[r] == nil {
			first[r] = &entries[i]
		}
	}
	var out []ladderEntry
	for _, e := range first {
		if e != nil {
			out = append(out, *e)
		}
	}
	return out
}

// ladderSpan writes consecutive levels of a ladder for a message: "P7",
// "P1, P2" or "P5 … P7".
func ladderSpan(levels []string) string {
	switch len(levels) {
	case 0:
		return ""
	case 1:
		return levels[0]
	case 2:
		return levels[0] + ", " + levels[1]
	}
	return levels[0] + " … " + levels[len(levels)-1]
}

// years is a span of years of experience as a profile writes it:
// {min: 15, max: 22}.
type years struct {
	Ptr            string // pointer of the mapping
	Min, Max       float64
	HasMin, HasMax bool // the key is present and a number
}

// yearsAt reads the {min, max} mapping at ptr.
func yearsAt(p *lint.Pass, ptr string) years {
	y := years{Ptr: ptr}
	if n := p.Root.Lookup(ptr); n != nil && n.Kind == profiles.Map {
		y.Min, y.HasMin = n.Get("min").Number()
		y.Max, y.HasMax = n.Get("max").Number()
	}
	return y
}

// MinPtr and MaxPtr are the pointers of the span's ends.
func (y years) MinPtr() string { return y.Ptr + "/min" }
func (y years) MaxPtr() string { return y.Ptr + "/max" }

// String writes the span as a reader does: "15–22 years", "20+ years".
func (y years) String() string {
	if y.HasMax {
		return fmtYears(y.Min) + "–" + fmtYears(y.Max) + " years"
	}
	return fmtYears(y.Min) + "+ years"
}

// fmtYears writes a number of years without a needless fraction.
func fmtYears(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// lineCol writes a node's position as "12:5".
func lineCol(n *profiles.Node) string {
	return strconv.Itoa(n.Pos.Line) + ":" + strconv.Itoa(n.Pos.Column)
}

// docProfile is a small complete profile, valid against the schema and
// quiet under every level rule, from which the level rules' doc examples
// are made: each example rewrites a line or two of it (see docExample), so
// that it shows its point and is still a whole file.
const docProfile = `schema: profile/v1
id: INFRAS.PLATFORM.P4
title: Platform Engineering — P4
summary: Senior platform engineer who leads multi-system work and sets standards for the team.
track: professional
function: {code: INFRAS, name: Infrastructure & Platform Engineering}
focus: {code: PLATFORM, name: Platform Engineering, description: Builds the internal platform that product teams deploy on.}
level:
  code: P4
  name: Senior Professional
  autonomy: Works independently and sets direction for own projects
  typical_experience: {min: 8, max: 12}
responsibilities:
  - level: P1
    items: [Fixes small defects under close supervision, Writes tests for own changes, Updates runbooks after incidents]
  - level: P2
    items: [Builds pipeline stages within an agreed design, Automates repetitive operational tasks, Onboards workloads onto clusters]
  - level: P3
    items: [Designs platform features within a team, Runs proof-of-concepts for new tools, Mentors junior engineers]
  - level: P4
    items: [Leads multi-system platform designs, Sets technical standards for the team, Coordinates incident response]
  - level: P5
    items: [Defines standards adopted by several teams, Leads platform strategy for availability, Partners with product leaders on requirements]
  - level: P6
    items: [Owns the architecture of the whole platform, Carries budget and vendor decisions, Sets the long-term technical roadmap]
  - level: P7
    items: [Sets company-wide platform strategy, Advises executives on technology risk, Shapes industry practice through open standards]
level_guidelines:
  - {level: P1, experience: {min: 0, max: 1}}
  - {level: P2, experience: {min: 2}}
  - {level: P3, experience: {min: 5}}
  - {level: P4, experience: {min: 8}}
  - {level: P5, experience: {min: 12}}
  - {level: P6, experience: {min: 15}}
  - {level: P7, experience: {min: 20}}
skills:
  - {name: Infrastructure as code, description: Writes and reviews Terraform modules for shared infrastructure.}
`

// docExample returns docProfile with each old line (or part of a line)
// replaced by the new one that follows it.
func docExample(oldNew ...string) string {
	out := docProfile
	for i := 0; i+1 < len(oldNew); i += 2 {
		if !strings.Contains(out, oldNew[i]) {
			panic("docExample: no " + strconv.Quote(oldNew[i]) + " in the example profile")
		}
		out = strings.Replace(out, oldNew[i], oldNew[i+1], 1)
	}
	return out
}
