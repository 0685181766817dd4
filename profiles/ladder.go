package profiles

import "strings"

// Ladder is the ordered list of level codes, lowest first.
type Ladder []string

// Index returns the position of code in the ladder, or -1.
func (l Ladder) Index(code string) int {
	for i, c := range l {
		if c == code {
			return i
		}
	}
	return -1
}

func (l Ladder) String() string { return strings.Join(l, " ") }

// DefaultLadders are the ladders used when the configuration names none:
// P1…P7 for the professional track (and profiles without a track), M1…M6
// for the management track.
var DefaultLadders = map[string]Ladder{
	"":             {"P1", "P2", "P3", "P4", "P5", "P6", "P7"},
	"professional": {"P1", "P2", "P3", "P4", "P5", "P6", "P7"},
	"management":   {"M1", "M2", "M3", "M4", "M5", "M6"},
}
