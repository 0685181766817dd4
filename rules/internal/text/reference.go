package text

// References. Many ladders are cumulative and say so in a line of their
// own: "Everything in the previous level, plus:", "The expectations for
// L3 code fluency are still applicable here", "All of the above". Such a
// line points at other levels' expectations rather than stating one; it
// repeats by nature, at every level that builds on the one before, so a
// copy of it between levels, or two such lines side by side, is the
// ladder's form and not a defect. IsReference tells these lines from
// expectations by the words that point elsewhere on the ladder.

// A refClass is what a word does in a reference line.
type refClass uint8

const (
	refPointer   refClass = 1 + iota // "previous", before a level noun
	refLevel                         // a level noun: "level", "grade"
	refBehind                        // after a level noun: "below"
	refStill                         // "still", before refApplies
	refApplies                       // "apply", "applicable"
	refAbove                         // "above", after refAboveLead
	refAboveLead                     // "the", "all", "everything"
)

// refWords are the words of reference lines by the key hash of each (a
// plain lower-case word is its own normal form, so its key hash is
// Hash64 of it): one lookup a word, since every level text of every file
// is asked.
var refWords = func() map[uint64]refClass {
	m := make(map[uint64]refClass)
	for class, ws := range map[refClass][]string{
		refPointer: {"previous", "prior", "preceding"},
		refLevel: {"level", "levels", "grade", "grades", "band", "bands", "tier", "tiers",
			"milestone", "milestones", "role", "roles", "title", "titles"},
		refBehind:    {"below", "before", "beneath"},
		refStill:     {"still"},
		refApplies:   {"apply", "applies", "applicable", "hold", "holds", "valid", "relevant", "expected"},
		refAbove:     {"above"},
		refAboveLead: {"the", "everything", "all"},
	} {
		for _, w := range ws {
			m[Hash64(w)] = class
		}
	}
	return m
}()

// IsReference reports whether a text, given by the key hashes of its
// words (Hashes), points at other levels' expectations: a pointer word
// then a level noun within three words ("the previous level", "prior two
// levels"), a level noun then "below" or "before" ("the level below"),
// "still" then "apply" or "applicable" within two words, or "the above".
func IsReference(words []uint64) bool {
	prev := refClass(0)
	for i, w := range words {
		class := refWords[w]
		switch class {
		case refPointer:
			if followedBy(words[i+1:], refLevel, 3) {
				return true
			}
		case refBehind:
			if prev == refLevel {
				return true
			}
		case refStill:
			if followedBy(words[i+1:], refApplies, 2) {
				return true
			}
		case refAbove:
			if prev == refAboveLead {
				return true
			}
		}
		prev = class
	}
	return false
}

// followedBy reports whether a word of class is among the first n of ws.
func followedBy(ws []uint64, class refClass, n int) bool {
	for _, w := range ws[:min(n, len(ws))] {
		if refWords[w] == class {
			return true
		}
	}
	return false
}
