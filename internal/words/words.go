// Package words diffs texts word by word, for the word diffs that
// duplicate-text shows and that "profilelint diff" shows for a reworded
// responsibility.
package words

import (
	"strings"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/profilelint/profilelint/lint"
)

type token struct{ text, key string }

func tokens(s string, key func(string) string) []token {
	fs := strings.Fields(s)
	out := make([]token, len(fs))
	for i, w := range fs {
		out[i] = token{w, key(w)}
	}
	return out
}

// Diff diffs a and b word by word (words are runs of non-space) with
// diffmatchpatch: each distinct word key becomes one rune (as
// DiffLinesToRunes does for lines), so every step of the result is made of
// whole words. key says which words are the same (the identity, or a
// normal form that ignores case and punctuation); equal steps show the
// words as b writes them, and carry the spaces around changes, so that
// lint.Diff.WordDiff reads like `git diff --word-diff`. It also returns how
// many words with a non-empty key the texts have in common, in order.
func Diff(a, b string, key func(string) string) (ops []lint.DiffOp, common int) {
	ta, tb := tokens(a, key), tokens(b, key)
	ra, rb, ok := tokenRunes(ta, tb)
	if !ok {
		return nil, 0
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // no deadline: the same diff on every run
	diffs := dmp.DiffMainRunes(ra, rb, false)
	ia, ib := 0, 0
	for i, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		var ws []string
		take := func(ts []token, at *int) {
			for _, t := range ts[*at : *at+n] {
				ws = append(ws, t.text)
				if d.Type == diffmatchpatch.DiffEqual && t.key != "" {
					common++
				}
			}
			*at += n
		}
		op := lint.DiffEqual
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			op = lint.DiffDelete
			take(ta, &ia)
		case diffmatchpatch.DiffInsert:
			op = lint.DiffInsert
			take(tb, &ib)
		default:
			take(tb, &ib)
			ia += n
		}
		text := strings.Join(ws, " ")
		if op == lint.DiffEqual {
			if i > 0 {
				text = " " + text
			}
			if i < len(diffs)-1 {
				text += " "
			}
		}
		ops = append(ops, lint.DiffOp{Op: op, Text: text})
	}
	return ops, common
}

// tokenRunes maps each distinct key to a rune below the surrogate range,
// so that the runes survive diffmatchpatch's conversions to string. It
// fails when the texts have more distinct words than that.
func tokenRunes(ta, tb []token) (ra, rb []rune, ok bool) {
	ids := make(map[string]rune)
	conv := func(ts []token) []rune {
		out := make([]rune, len(ts))
		for i, t := range ts {
			r, seen := ids[t.key]
			if !seen {
				r = rune(len(ids) + 1)
				ids[t.key] = r
			}
			out[i] = r
		}
		return out
	}
	ra, rb = conv(ta), conv(tb)
	return ra, rb, len(ids) < 0xD000
}
