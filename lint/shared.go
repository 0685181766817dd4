package lint

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/profilelint/profilelint/profiles"
)

// maxSharedNames is how many sibling files a merged finding names in its
// message; the rest are counted.
const maxSharedNames = 3

// shareFindings reports a defect in the section that siblings share once
// per family, not once per sibling (profiles.Family). Every profile of a
// focus carries the whole ladder, so a doubled space in a P3
// responsibility is in all seven files of the focus: one defect, which a
// reviewer fixes once (and then in every copy). The same finding — rule,
// severity, pointer and message — in several files of one family is kept
// in one file, the sibling whose own level is the level of the entry it
// is in (that profile is where the text belongs), else the first by name,
// so that the choice depends on the files linted and never on their
// order. Its message names the others, which are its related places too.
// Suppressed findings are left as they are: a directive in one sibling
// speaks for that file only.
func shareFindings(findings []Finding, families map[string]*profiles.Family) []Finding {
	type group struct {
		list, entry int   // the shared list and the entry the finding is in
		idx         []int // indexes in findings
	}
	groups := map[string]*group{}
	var order []*group
	for i, f := range findings {
		fam := families[f.File]
		if fam == nil || fam.Key == "" || f.Suppressed != nil {
			continue
		}
		list, entry, ok := sharedEntry(fam, f.Pointer)
		if !ok {
			continue
		}
		k := fam.Key + "\x00" + f.Rule + "\x00" + f.Severity.String() + "\x00" + f.Pointer + "\x00" + f.Message
		g := groups[k]
		if g == nil {
			g = &group{list: list, entry: entry}
			groups[k] = g
			order = append(order, g)
		}
		g.idx = append(g.idx, i)
	}
	drop := map[int]bool{}
	for _, g := range order {
		if len(g.idx) < 2 {
			continue
		}
		owner := g.idx[0]
		for _, i := range g.idx[1:] {
			if better(families, findings[i].File, findings[owner].File, g.list, g.entry) {
				owner = i
			}
		}
		var others []string
		var related []Place
		for _, i := range g.idx {
			if i == owner {
				continue
			}
			drop[i] = true
			f := findings[i]
			others = append(others, f.File)
			related = append(related, Place{File: f.File, Line: f.Line, Column: f.Column, Pointer: f.Pointer, Message: "the same in this sibling"})
		}
		slices.Sort(others)
		slices.SortFunc(related, func(a, b Place) int { return strings.Compare(a.File, b.File) })
		f := &findings[owner]
		f.Message += "; " + sharedNote(others)
		f.Related = append(f.Related, related...)
	}
	if len(drop) == 0 {
		return findings
	}
	kept := findings[:0]
	for i, f := range findings {
		if !drop[i] {
			kept = append(kept, f)
		}
	}
	return kept
}

// better reports whether file a should carry a shared finding rather than
// b: the sibling whose own level is the nearest to that of the entry in
// the list (the same level first), the lower of two, then the first by
// name.
func better(families map[string]*profiles.Family, a, b string, list, entry int) bool {
	ra, rb := ownRank(families[a], list), ownRank(families[b], list)
	da, db := distance(ra, entry), distance(rb, entry)
	switch {
	case da != db:
		return da < db
	case ra != rb:
		return ra < rb
	}
	return a < b
}

// ownRank is the position of a profile's own level in one of its shared
// lists, or a number past any list when it is not there.
func ownRank(f *profiles.Family, list int) int {
	if i := slices.Index(f.Rows[list], f.Level); i >= 0 && f.Level != "" {
		return i
	}
	return math.MaxInt32
}

func distance(a, b int) int {
	if a > b {
		return a - b
	}
	return b - a
}

// sharedNote says where else the finding is, and why it is reported once.
func sharedNote(others []string) string {
	names := others
	more := 0
	if len(names) > maxSharedNames {
		names, more = names[:maxSharedNames], len(names)-maxSharedNames
	}
	list := strings.Join(names, ", ")
	switch {
	case more > 0:
		list += " and " + strconv.Itoa(more) + " more"
	case len(names) > 1:
		list = strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	}
	if len(others) == 1 {
		return "reported once for the focus: the sibling profile " + list + " carries the same section"
	}
	return fmt.Sprintf("reported once for the focus: the sibling profiles %s carry the same section", list)
}

// sharedEntry returns the shared list and the entry of it that ptr is in
// (/responsibilities/3/items/1 is in entry 3 of list 0), and whether it
// is in one.
func sharedEntry(fam *profiles.Family, ptr string) (list, entry int, ok bool) {
	for i, name := range profiles.SharedLists {
		rest, ok := strings.CutPrefix(ptr, "/"+name+"/")
		if !ok {
			continue
		}
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			rest = rest[:j]
		}
		n, err := strconv.Atoi(rest)
		if err != nil || n < 0 || n >= len(fam.Rows[i]) {
			return 0, 0, false
		}
		return i, n, true
	}
	return 0, 0, false
}
