package rules

import (
	"fmt"
	"hash/maphash"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/profilelint/profilelint/internal/suggest"
	"github.com/profilelint/profilelint/lint"
)

func init() { register(AdjacentUnresolved) }

// AdjacentUnresolved reports adjacent roles that no linted file defines.
var AdjacentUnresolved = &lint.Rule{
	ID:       "adjacent-unresolved",
	Summary:  "adjacent roles are profiles linted together",
	Severity: lint.Warning,
	Scope:    lint.PerCorpus,
	Doc: lint.Doc{
		Text: `adjacent_roles names the nearest other profiles by id. Each id should be the
id of a file linted together with this one; when it is not, the role is
misspelt, not written yet, or simply not part of this run, which is why this
is a warning. Lint the whole ladder at once to resolve every reference.`,
		Bad: idDocProfile("INFRAS.PLATFORM.P3", "INFRAS", "PLATFORM", "P3", `adjacent_roles:
  - id: INFRAS.SRE.P3
    distance: 0.2
    match: strong
`),
		Good: "# file: INFRAS.PLATFORM.P3.yaml\n" + idDocProfile("INFRAS.PLATFORM.P3", "INFRAS", "PLATFORM", "P3", `adjacent_roles:
  - id: INFRAS.PLATFORM.P4
    distance: 0.6
    match: weak
`) + "# file: INFRAS.PLATFORM.P4.yaml\n" + idDocProfile("INFRAS.PLATFORM.P4", "INFRAS", "PLATFORM", "P4", ""),
	},
	Collect: idFacts.Collect,
	Codec:   idFacts.Codec(),
	Finish:  finishAdjacentUnresolved,
}

func finishAdjacentUnresolved(c *lint.Corpus) { judgeAdjacent(c.Facts, c.Report) }

// judgeAdjacent reports the adjacent roles of facts that no file of them
// defines, in the order of facts.
func judgeAdjacent(facts []lint.Facts, report func(lint.Finding)) {
	defined := make(map[string]bool)
	var ids []string
	for _, f := range idFacts.Of(facts) {
		if f.ID != "" && !defined[f.ID] {
			defined[f.ID] = true
			ids = append(ids, f.ID)
		}
	}
	type unresolved struct {
		ref  idRef
		self string
		msg  string
	}
	var todo []unresolved
	for _, f := range idFacts.Of(facts) {
		for _, a := range f.Adjacent {
			if !defined[a.ID] {
				todo = append(todo, unresolved{ref: a, self: f.ID})
			}
		}
	}
	if len(todo) == 0 {
		return
	}
	// The suggestions are independent of each other: on every core, each
	// worker taking every n-th; the findings are reported in order after.
	idx := newIDIndex(ids)
	workers := min(runtime.GOMAXPROCS(0), max(1, len(todo)/64))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			var cands []string
			for i := w; i < len(todo); i += workers {
				u := &todo[i]
				u.msg = fmt.Sprintf("adjacent role %s is not defined by any linted file", u.ref.ID)
				cands = idx.candidates(u.ref.ID, u.self, cands[:0])
				if near := suggest.Closest(u.ref.ID, cands); near != "" {
					u.msg += fmt.Sprintf(" (did you mean %s?)", near)
				}
			}
		})
	}
	wg.Wait()
	for _, u := range todo {
		a := u.ref
		report(lint.Finding{File: a.Place.File, Line: a.Place.Line, Column: a.Place.Column, Pointer: a.Place.Pointer, Message: u.msg})
	}
}

// idIndex finds the ids an unresolved reference may misspell without
// measuring its distance to every id of the corpus, which made the rule
// quadratic in the files linted (5,000 files of a 10,000 corpus took 113
// s). suggest.Closest then chooses among those candidates alone, in corpus
// order, so ties go to the same id as before. The candidates of a
// reference are the ids
//
//   - the same apart from case, separators and a plural s;
//   - one edit from it, or two that delete one character from each
//     (substitutions and swaps of neighbours): both have the same
//     deletion neighbourhood key;
//   - sharing its function and focus (another level), or its focus and
//     level (another function);
//   - of which it is a prefix, or that are a prefix of it.
//
// Typos beyond that (edits spread over the id, in two parts of it) get no
// suggestion, where the scan of every id could find one.
type idIndex struct {
	ids  []string
	seed maphash.Seed
	// keys maps the hash of each key to the first of the entries with it,
	// plus one; an entry is an id (its index in ids) and the next entry
	// with the same key, plus one. About 30 keys per id, kept in 12 bytes
	// or so each. A collision only adds a candidate, which Closest judges.
	keys      map[uint64]int32
	entryID   []int32
	entryNext []int32
}

// Kinds of key, hashed in front of their text so that one kind never
// matches another.
const (
	keyNorm   = 'n' // case, separators and a plural s folded
	keyDelete = 'd' // the id, lower-cased, with at most one rune deleted
	keyFocus  = 'f' // function and focus
	keyLevel  = 'l' // focus and level
	keyPrefix = 'p' // a prefix of the folded id, a third of it or less short
)

func newIDIndex(ids []string) *idIndex {
	x := &idIndex{ids: ids, seed: maphash.MakeSeed(), keys: make(map[uint64]int32, len(ids)*30)}
	for i, id := range ids {
		x.eachKey(id, true, func(h uint64) {
			head := x.keys[h]
			if head > 0 && x.entryID[head-1] == int32(i) {
				return // this id has the key already
			}
			x.entryID = append(x.entryID, int32(i))
			x.entryNext = append(x.entryNext, head)
			x.keys[h] = int32(len(x.entryID))
		})
	}
	return x
}

// candidates appends to out the ids that ref may misspell, in corpus
// order, within the length suggest.Closest allows, and never self.
func (x *idIndex) candidates(ref, self string, out []string) []string {
	var hits []int32
	x.eachKey(ref, false, func(h uint64) {
		for e := x.keys[h]; e > 0; e = x.entryNext[e-1] {
			hits = append(hits, x.entryID[e-1])
		}
	})
	slices.Sort(hits)
	hits = slices.Compact(hits)
	for _, i := range hits {
		out = append(out, x.ids[i])
	}
	return nearInLength(out, ref, self)
}

// eachKey calls fn with the hash of each key of id: the keys an id is
// indexed under, or, for a reference (indexed false), the keys to look up.
func (x *idIndex) eachKey(id string, indexed bool, fn func(uint64)) {
	key := func(kind byte, parts ...string) {
		var h maphash.Hash
		h.SetSeed(x.seed)
		h.WriteByte(kind)
		for _, p := range parts {
			h.WriteString(p)
		}
		fn(h.Sum64())
	}
	n := foldID(id)
	key(keyNorm, n)
	lower := strings.ToLower(id)
	key(keyDelete, lower)
	for i, r := range lower {
		key(keyDelete, lower[:i], lower[i+utf8.RuneLen(r):])
	}
	if parts := strings.Split(lower, "."); len(parts) >= 3 {
		key(keyFocus, parts[0], ".", parts[1])
		key(keyLevel, strings.Join(parts[1:], "."))
	} else if len(parts) == 2 {
		key(keyFocus, parts[0], ".", parts[1]) // "FUNC.FOCUS", the level left out
	}
	if len(n) < 3 {
		return
	}
	// Prefixes at most a third of the length shorter: an id is indexed
	// under its own, a reference looks up its own as whole ids, and
	// itself as a prefix of longer ones.
	for k := len(n) - 1; k >= len(n)-max(1, len(n)/3) && k >= 3; k-- {
		if indexed {
			key(keyPrefix, n[:k])
		} else {
			key(keyNorm, n[:k])
		}
	}
	if !indexed {
		key(keyPrefix, n)
	}
}

// foldID is an id with case, the separators "-", "_" and " ", and a plural
// s folded, as suggest.Closest treats them alike (it keeps "_", which only
// makes this fold coarser: more candidates, never fewer).
func foldID(id string) string {
	s := strings.ToLower(id)
	s = strings.NewReplacer("-", "", "_", "", " ", "").Replace(s)
	return strings.TrimSuffix(s, "s")
}

// nearInLength keeps the ids within the length difference suggest.Closest
// allows for id, and never self.
func nearInLength(ids []string, id, self string) []string {
	limit := max(1, len(id)/3)
	var out []string
	for _, c := range ids {
		if c != self && len(c) >= len(id)-limit && len(c) <= len(id)+limit {
			out = append(out, c)
		}
	}
	return out
}
