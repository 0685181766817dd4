package rules

import (
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
	"github.com/profilelint/profilelint/rules/internal/text"
)

// fileHashes are the word hashes of one file's texts, made once and kept
// on the file's passes (lint.Pass.Memo): duplicate-text, duplicate-across
// and level-repeats hash the same responsibilities and rubric cells, and
// hashing is most of what each of them costs.
type fileHashes struct {
	at    map[*profiles.Node]hashSpan
	words []uint64 // the words of every text hashed, each text's a span
}

// hashSpan is text.Hashes of one text: its key hash and words[start:end].
type hashSpan struct {
	h          uint64
	ok         bool
	start, end int
}

type fileHashesKey struct{}

// hashesOfFile returns the memo of p's file, made empty the first time.
// A rule takes it once and hashes through it.
func hashesOfFile(p *lint.Pass) *fileHashes {
	return p.Memo(fileHashesKey{}, func() any {
		// Room for the texts of a ladder of tens of levels, so that
		// neither grows often.
		return &fileHashes{at: make(map[*profiles.Node]hashSpan, 128), words: make([]uint64, 0, 4096)}
	}).(*fileHashes)
}

// of is text.Hashes of n's text (nothing for a missing node or one that
// is not a string), made once per file. The words are capped, so a
// caller that appends to them appends to a copy.
func (m *fileHashes) of(n *profiles.Node) (h uint64, ok bool, words []uint64) {
	if n == nil || n.Kind != profiles.String {
		return 0, false, nil
	}
	if e, ok := m.at[n]; ok {
		return e.h, e.ok, m.words[e.start:e.end:e.end]
	}
	start := len(m.words)
	h, ok, m.words = text.Hashes(n.Value, m.words)
	m.at[n] = hashSpan{h, ok, start, len(m.words)}
	return h, ok, m.words[start:len(m.words):len(m.words)]
}
