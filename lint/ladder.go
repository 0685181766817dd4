package lint

import (
	"regexp"
	"slices"
	"strconv"

	"github.com/profilelint/profilelint/profiles"
)

// Bands are the levels of a ladder that share expectations; see
// profiles.Bands.
type Bands = profiles.Bands

// LadderOrigin says where the ladder a file is judged against came from,
// so that a message can say which setting to change.
type LadderOrigin int8

// Ladder origins.
const (
	// LadderDefault is the track's ladder of DefaultLadders, which holds
	// every level the file uses.
	LadderDefault LadderOrigin = iota
	// LadderConfigured is the ladder the configuration sets for the track.
	LadderConfigured
	// LadderInferred is the ladder of the file's own levels (InferLadder):
	// the track has no configured ladder, and no default one that holds
	// the levels the file uses.
	LadderInferred
)

func (o LadderOrigin) String() string {
	switch o {
	case LadderConfigured:
		return "configured"
	case LadderInferred:
		return "inferred"
	}
	return "default"
}

// ladderFor returns the ladder a file is judged against, its bands and
// where it came from. A configured ladder wins; else the track's default
// ladder when it holds every level the file uses; else the file's own.
// A framework's codes (IC1…IC7, D1…D7) are not an error of the file: the
// corpus stage of level-order says which ladder was inferred, once, and
// how to pin it.
func (cfg *Config) ladderFor(root *profiles.Node) (Ladder, Bands, LadderOrigin) {
	track := root.Get("track").Text()
	if l, ok := cfg.Ladders[track]; ok {
		return l, cfg.Bands[track], LadderConfigured
	}
	if track == "" {
		// A profile without a track is on the professional ladder.
		if l, ok := cfg.Ladders["professional"]; ok {
			return l, cfg.Bands["professional"], LadderConfigured
		}
	}
	if l, ok := DefaultLadders[track]; ok {
		in := true
		for _, c := range levelCodes(root) {
			if l.Index(c) < 0 {
				in = false
				break
			}
		}
		if in {
			return l, nil, LadderDefault
		}
	}
	return InferLadder(root), nil, LadderInferred
}

// levelCodes returns the level codes a file uses, each once, in the order
// it first lists them: responsibilities, then level_guidelines, then
// level.code. A level that only the second list has goes right after the
// level listed before it there, so that a gap in the first list does not
// send it to the end.
func levelCodes(root *profiles.Node) []string {
	var order []string
	for i, list := range [...]string{"responsibilities", "level_guidelines"} {
		seq := root.Get(list)
		if seq == nil || seq.Kind != profiles.Seq {
			continue
		}
		at := len(order) // the first list appends; the second inserts
		if i > 0 {
			at = 0
		}
		for _, it := range seq.Items {
			c := it.Get("level").Text()
			if c == "" {
				continue
			}
			if j := slices.Index(order, c); j >= 0 {
				at = j + 1
				continue
			}
			order = slices.Insert(order, at, c)
			at++
		}
	}
	if c := root.Lookup("/level/code").Text(); c != "" && !slices.Contains(order, c) {
		order = append(order, c)
	}
	return order
}

// numbered is a level code that is a prefix and a number: IC3, L10, E5.
var numbered = regexp.MustCompile(`^([A-Za-z]+)([0-9]+)$`)

// InferLadder returns the ladder of a file's own levels. When every code
// is one prefix and a number (IC1…IC7, L3…L8, D1…D7) and the numbers
// differ, the number orders them, so that a file listing IC3 before IC2
// is still judged out of order. Otherwise the file's order is the
// ladder's (levelCodes); the corpus stage of level-order then compares
// it with the order of the other files.
func InferLadder(root *profiles.Node) Ladder {
	codes := levelCodes(root)
	if n, ok := ladderNumbers(codes); ok {
		slices.SortStableFunc(codes, func(a, b string) int { return n[a] - n[b] })
	}
	return Ladder(codes)
}

// ladderNumbers returns the number of each code when all codes are one
// prefix and distinct numbers.
func ladderNumbers(codes []string) (map[string]int, bool) {
	if len(codes) < 2 {
		return nil, false
	}
	prefix := ""
	nums := make(map[string]int, len(codes))
	seen := make(map[int]bool, len(codes))
	for i, c := range codes {
		m := numbered.FindStringSubmatch(c)
		if m == nil || i > 0 && m[1] != prefix {
			return nil, false
		}
		prefix = m[1]
		n, err := strconv.Atoi(m[2])
		if err != nil || seen[n] {
			return nil, false
		}
		seen[n], nums[c] = true, n
	}
	return nums, true
}

// NumberedLadder reports whether a ladder's codes are one prefix and
// distinct numbers, the ladders InferLadder orders by number.
func NumberedLadder(l Ladder) bool {
	_, ok := ladderNumbers(l)
	return ok
}
