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

// Bands groups levels of a ladder that share one set of expectations, as a
// framework that writes "Senior Engineer — includes Senior I and Senior
// II" does: texts repeated inside a band are not defects. A level in no
// band is a band of its own.
type Bands [][]string

// Band returns the key of code's band: its first level, or code itself
// when it is in no band.
func (b Bands) Band(code string) string {
	for _, band := range b {
		for _, c := range band {
			if c == code && len(band) > 0 {
				return band[0]
			}
		}
	}
	return code
}

// Same reports whether two levels are of one band (a level is of its own).
func (b Bands) Same(x, y string) bool { return b.Band(x) == b.Band(y) }
