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
}

// nearMatches indexes the focus descriptions of all files (facts in file
// order) and returns their near copies.
func nearMatches(facts []lint.Facts, threshold float64) []nearMatch {
	if threshold >= 1 {
		return nil
	}
	x := text.NearIndex[keyedText]{Threshold: threshold}
	for file, f := range acrossFacts.Of(facts) {
		if len(f.FocusWords) > 0 && len(f.FocusDesc) > 0 {
			t := f.keyed(f.FocusDesc[0], file, "focus")
			x.Add(t, t.Hash, t.Key, t.File, f.FocusWords)
		}
	}
	return x.Matches()
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
