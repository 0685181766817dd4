package rules

import (
	"fmt"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/rules/internal/text"
)

// judgeNearAcross reports focus descriptions of different focuses that
// are near copies: one warning per description, at its first place, naming
// the most similar earlier one, with a word diff of the two.
func judgeNearAcross(c *lint.Corpus, facts []lint.Facts) {
	texts := nearTexts{c: c}
	for _, m := range nearMatches(facts, acrossOptions.Of(c).Similarity) {
		f := acrossFinding(m.This, m.Other, fmt.Sprintf("focus %s's description nearly repeats that of focus %s (%s): %d%% of their words are the same",
			m.This.Name, m.Other.Name, placeText(m.Other.place()), int(m.Similarity*100)), "similar description, focus "+m.Other.Name)
		texts.report(f, m)
	}
	judgeNearLevels(facts, texts.report)
}

// nearKey is a near copy between two level texts of one ladder, in one
// focus: what the profiles of the focus repeat, each carrying the ladder.
type nearKey struct {
	ladder, focus string
	this, other   uint64
}

// judgeNearLevels reports each near copy between two levels (found in
// each file by nearLevelCopies) once per focus and ladder: in the profile
// whose own level is the higher copy's, else in the first by name, naming
// the siblings that carry the same pair.
func judgeNearLevels(facts []lint.Facts, report func(lint.Finding, nearMatch)) {
	type pair struct {
		this, other keyedText
		own         string
		percent     uint8
	}
	groups := make(map[nearKey][]pair)
	var order []nearKey
	for file, f := range acrossFacts.Of(facts) {
		for _, n := range f.Near {
			k := nearKey{f.Ladder, focusOf(f, file), n.This.Hash, n.Other.Hash}
			if groups[k] == nil {
				order = append(order, k)
			}
			groups[k] = append(groups[k], pair{f.level(n.This, file), f.level(n.Other, file), f.Own, n.Percent})
		}
	}
	for _, k := range order {
		ps := groups[k]
		home := ps[0]
		for _, p := range ps[1:] {
			if p.own == p.this.Key && home.own != home.this.Key {
				home = p
			}
		}
		where := home.other.Name
		if home.other.kind != home.this.kind {
			where += " as " + home.other.kindName()
		}
		f := acrossFinding(home.this, home.other, "", "similar "+home.other.label())
		f.Message = fmt.Sprintf("%s nearly repeats the text at %s (%s): %d%% of their words are the same, and what differs is no level step",
			home.this.label(), where, placeText(home.other.place()), home.percent)
		in := make([]levelCopy, len(ps))
		for i, p := range ps {
			in[i] = levelCopy{keyedText: p.this, focus: k.focus}
		}
		f.Message += siblingsNote(&levelCopy{keyedText: home.this, focus: k.focus}, in, &f)
		report(f, nearMatch{This: home.this, Other: home.other, Similarity: float64(home.percent) / 100})
	}
}

// nearMatches indexes the focus descriptions of all files (facts in file
// order), by track and ladder, and returns their near copies.
func nearMatches(facts []lint.Facts, threshold float64) []nearMatch {
	if threshold >= 1 {
		return nil
	}
	// One index per track and ladder: focuses of two tracks may share a
	// description.
	indexes := make(map[string]*text.NearIndex[keyedText])
	var ladders []string
	for file, f := range acrossFacts.Of(facts) {
		if len(f.FocusWords) > 0 && len(f.FocusDesc) > 0 {
			x := indexes[f.Ladder]
			if x == nil {
				x = &text.NearIndex[keyedText]{Threshold: threshold}
				indexes[f.Ladder] = x
				ladders = append(ladders, f.Ladder)
			}
			t := f.keyed(f.FocusDesc[0], file, "focus")
			x.Add(t, t.Hash, t.Key, t.File, f.FocusWords)
		}
	}
	var out []nearMatch
	for _, l := range ladders {
		out = append(out, indexes[l].Matches()...)
	}
	return out
}

// nearMatch is a focus description that nearly repeats an earlier one.
type nearMatch = text.NearMatch[keyedText]

// nearTexts reads reported texts again from their files (the facts keep
// only hashes): each text once a run, and once per content through the
// result cache. A text copied into many focuses is reported many times.
type nearTexts struct {
	c     *lint.Corpus
	texts map[keyedPlace]string
}

type keyedPlace struct{ file, ptr string }

// report adds a near-copy warning with a word diff of the two texts.
func (x *nearTexts) report(f lint.Finding, m nearMatch) {
	f.Severity = lint.Warning
	a, errA := x.text(m.Other)
	b, errB := x.text(m.This)
	if errA == nil && errB == nil {
		ops, _ := text.WordDiff(a, b)
		f.Diff = &lint.Diff{Words: ops}
	}
	x.c.Report(f)
}

func (x *nearTexts) text(t keyedText) (string, error) {
	at := keyedPlace{t.File, t.place().Pointer}
	if s, ok := x.texts[at]; ok {
		return s, nil
	}
	b, err := x.c.Memo(at.file, "near-across "+at.ptr, func() ([]byte, error) {
		file, err := x.c.Load(at.file)
		if err != nil {
			return nil, err
		}
		n := file.Root.Lookup(at.ptr)
		if n == nil {
			return nil, fmt.Errorf("%s: no %s", at.file, at.ptr)
		}
		return []byte(n.Text()), nil
	})
	if err != nil {
		return "", err
	}
	if x.texts == nil {
		x.texts = make(map[keyedPlace]string)
	}
	x.texts[at] = string(b)
	return string(b), nil
}

// nearLevelCopies finds the texts of one file given at two levels of
// different bands that nearly repeat each other (similarity above
// threshold, both of at least minWords words) by a change that is no level
// step (text.Trivial): a typo, an article, a dropped aside. A pair whose
// changed words are the step ("some" → "many", "the team" → "the
// organization") is the ladder at work. Each text is paired with its most
// similar earlier text. texts are the file's level texts, and facts their
// facts, index for index.
func nearLevelCopies(p *lint.Pass, texts []descText, facts []acrossText, threshold float64, minWords int) []acrossNear {
	seen := make(map[uint64]bool, len(texts))
	var reps []int
	for i, t := range texts {
		if !seen[t.hash] {
			seen[t.hash] = true
			reps = append(reps, i)
		}
	}
	var out []acrossNear
	nearCandidates(texts, reps, threshold, minWords, func(j int, cands []int) {
		best, bestSim := -1, 0.0
		for _, i := range cands {
			a, b := texts[i], texts[j]
			if !crossLevel(a, b) || p.Bands.Same(a.level, b.level) {
				continue
			}
			s := text.Similarity(a.node.Value, b.node.Value)
			if s > threshold && s > bestSim && text.Trivial(a.node.Value, b.node.Value) {
				best, bestSim = i, s
			}
		}
		if best < 0 {
			return
		}
		this, other := facts[j], facts[best]
		if this.Rank >= 0 && other.Rank > this.Rank {
			this, other = other, this
		}
		out = append(out, acrossNear{This: this, Other: other, Percent: uint8(bestSim * 100)})
	})
	return out
}
