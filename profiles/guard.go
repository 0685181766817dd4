package profiles

import (
	"fmt"
	"unicode/utf8"
)

// Limits bound what the loader accepts before the YAML parser sees a file.
type Limits struct {
	MaxBytes int // file size
}

// DefaultLimits are the limits used when none are configured.
var DefaultLimits = Limits{MaxBytes: 1 << 20}

// Guard checks src against the limits in one linear pass, so that hostile
// input is rejected before it can make the parser slow or greedy.
func Guard(src []byte, lim Limits) *SyntaxError {
	if lim.MaxBytes > 0 && len(src) > lim.MaxBytes {
		return &SyntaxError{Pos: Pos{Line: 1, Column: 1}, Msg: fmt.Sprintf("file is %d bytes, over the limit of %d", len(src), lim.MaxBytes)}
	}
	if !utf8.Valid(src) {
		line, col, off := 1, 1, 0
		for off < len(src) {
			r, size := utf8.DecodeRune(src[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
			off += size
		}
		return &SyntaxError{Pos: Pos{Line: line, Column: col, Offset: off}, Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02x)", src[off])}
	}
	return nil
}
