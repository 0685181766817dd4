package text

// References. Many ladders are cumulative and say so in a line of their
// own: "Everything in the previous level, plus:", "The expectations for
// L3 code fluency are still applicable here", "All of the above". Such a
// line points at other levels' expectations rather than stating one; it
// repeats by nature, at every level that builds on the one before, so a
// copy of it between levels, or two such lines side by side, is the
// ladder's form and not a defect. IsReference tells these lines from
// expectations by the words that point elsewhere on the ladder.

var (
	// pointers are the words that point back along a ladder when a level
	// noun follows within a few words: "the previous level", "prior
	// levels", "preceding milestones".
	pointers = hashSet("previous", "prior", "preceding")
	// levelNouns are what a ladder is made of.
	levelNouns = hashSet("level", "levels", "grade", "grades", "band", "bands",
		"tier", "tiers", "milestone", "milestones", "role", "roles", "title", "titles")
	// behind follows a level noun: "the level below", "levels before".
	behind = hashSet("below", "before", "beneath")
	// applies follows "still": "are still applicable", "still apply".
	applies = hashSet("apply", "applies", "applicable", "hold", "holds", "valid", "relevant", "expected")
	// aboveLead precedes "above" in "all of the above", "everything above".
	aboveLead = hashSet("the", "everything", "all")

	hashStill, hashAbove = keyHash("still"), keyHash("above")
)

func hashSet(ws ...string) map[uint64]bool {
	m := make(map[uint64]bool, len(ws))
	for _, w := range ws {
		m[keyHash(w)] = true
	}
	return m
}

func keyHash(w string) uint64 {
	h, _ := KeyHash(w)
	return h
}

// IsReference reports whether a text, given by the key hashes of its
// words (Hashes), points at other levels' expectations: a pointer word
// then a level noun within three words ("the previous level", "prior two
// levels"), a level noun then "below" or "before" ("the level below"),
// "still" then "apply" or "applicable" within two words, or "the above".
func IsReference(words []uint64) bool {
	for i, w := range words {
		switch {
		case pointers[w]:
			for k := i + 1; k < len(words) && k <= i+3; k++ {
				if levelNouns[words[k]] {
					return true
				}
			}
		case levelNouns[w]:
			if i+1 < len(words) && behind[words[i+1]] {
				return true
			}
		case w == hashStill:
			for k := i + 1; k < len(words) && k <= i+2; k++ {
				if applies[words[k]] {
					return true
				}
			}
		case w == hashAbove:
			if i > 0 && aboveLead[words[i-1]] {
				return true
			}
		}
	}
	return false
}
