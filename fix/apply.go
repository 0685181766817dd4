// Package fix applies the fixes that rules attach to their findings: byte
// edits at node ranges, so that comments, quoting, key order and
// indentation stay as they were. A fix set is applied only when the result
// still parses and adds no schema finding, and files are replaced
// atomically, never half-written.
package fix

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/profilelint/profilelint/lint"
)

// Apply returns src with the edits applied. The edits may come in any
// order; they must lie inside src and must not overlap. Two insertions at
// one offset overlap: their order would be a guess.
func Apply(src []byte, edits []lint.Edit) ([]byte, error) {
	es := slices.Clone(edits)
	slices.SortStableFunc(es, func(a, b lint.Edit) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
	for i, e := range es {
		if e.Start < 0 || e.End < e.Start || e.End > len(src) {
			return nil, fmt.Errorf("edit [%d,%d) lies outside the file's %d bytes", e.Start, e.End, len(src))
		}
		if i > 0 && overlap(es[i-1], e) {
			return nil, fmt.Errorf("edits [%d,%d) and [%d,%d) overlap", es[i-1].Start, es[i-1].End, e.Start, e.End)
		}
	}
	size := len(src)
	for _, e := range es {
		size += len(e.New) - (e.End - e.Start)
	}
	out := make([]byte, 0, size)
	at := 0
	for _, e := range es {
		out = append(out, src[at:e.Start]...)
		out = append(out, e.New...)
		at = e.End
	}
	return append(out, src[at:]...), nil
}

// overlap reports whether two edits touch the same bytes, or insert at the
// same place. Edits that only meet ([1,3) and [3,5)) do not overlap.
func overlap(a, b lint.Edit) bool {
	if a.Start == a.End && b.Start == b.End {
		return a.Start == b.Start
	}
	if a.Start == a.End {
		return b.Start < a.Start && a.Start < b.End
	}
	if b.Start == b.End {
		return a.Start < b.Start && b.Start < a.End
	}
	return a.Start < b.End && b.Start < a.End
}

// Candidate is the first fix of one finding.
type Candidate struct {
	Finding lint.Finding
	Fix     lint.Fix
}

// Select picks the fixes to apply together: the first fix of each
// unsuppressed finding, in the findings' order (file, line, column, rule,
// message), skipping a fix whose edits overlap those of a fix picked
// before it. Skipped fixes are returned too: they may apply in a later
// round, once the text under them has settled. A fix whose own edits
// overlap, or fall outside the file, is returned as bad.
func Select(findings []lint.Finding, size int) (picked, skipped []Candidate, bad []Refusal) {
	var taken []lint.Edit
	for _, f := range findings {
		if f.Suppressed != nil || len(f.Fixes) == 0 || len(f.Fixes[0].Edits) == 0 {
			continue
		}
		c := Candidate{Finding: f, Fix: f.Fixes[0]}
		if _, err := Apply(make([]byte, size), c.Fix.Edits); err != nil {
			bad = append(bad, Refusal{Finding: f, Reason: "the rule's fix is malformed: " + err.Error()})
			continue
		}
		clash := false
		for _, e := range c.Fix.Edits {
			for _, t := range taken {
				if overlap(e, t) {
					clash = true
				}
			}
		}
		if clash {
			skipped = append(skipped, c)
			continue
		}
		taken = append(taken, c.Fix.Edits...)
		picked = append(picked, c)
	}
	return picked, skipped, bad
}

func edits(cs []Candidate) []lint.Edit {
	var out []lint.Edit
	for _, c := range cs {
		out = append(out, c.Fix.Edits...)
	}
	return out
}
