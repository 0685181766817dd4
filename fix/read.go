package fix

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// Path is File for the file at path, read through the size limit that
// lint applies (opts.Config.Limits.MaxBytes, counted after a byte-order
// mark): at most the limit and one byte more are read. A file over the
// limit is not read whole: Result.Syntax reports it from its first bytes,
// at the place and in the words lint uses, and nothing is fixed.
func Path(opts Options, path string) (*Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	lim := opts.Config.Limits
	data, over, err := readLimited(f, lim)
	if err != nil {
		return nil, err
	}
	if !over {
		return File(opts, path, data), nil
	}
	size := int64(len(data))
	if info.Mode().IsRegular() {
		size = max(size, info.Size())
	}
	se := profiles.CheckSize(data, size, lim)
	if !info.Mode().IsRegular() {
		// A device or pipe has no size to name.
		se.Msg = fmt.Sprintf("the file holds more than %d bytes, the limit", maxBytes(lim))
	}
	return &Result{Name: path, Old: data, New: data, Syntax: &lint.Finding{
		Rule: lint.Syntax.ID, Severity: lint.Syntax.Severity, File: path,
		Line: se.Pos.Line, Column: se.Pos.Column, Message: se.Msg,
	}}, nil
}

// Read is File for a profile read from r, reported as name, with the size
// limit of Path. Input over the limit is an error (*TooLargeError): it
// is not read whole, so it cannot be given back either, fixed or not.
func Read(opts Options, name string, r io.Reader) (*Result, error) {
	data, over, err := readLimited(r, opts.Config.Limits)
	if err != nil {
		return nil, err
	}
	if over {
		return nil, &TooLargeError{Limit: maxBytes(opts.Config.Limits)}
	}
	return File(opts, name, data), nil
}

// TooLargeError is input that Read stopped reading at the size limit.
type TooLargeError struct {
	Limit int // the limit in bytes, after a byte-order mark
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("more than %d bytes, over the size limit; not fixed", e.Limit)
}

// maxBytes is the size limit in effect: profiles' default for zero.
func maxBytes(lim profiles.Limits) int {
	if lim.MaxBytes == 0 {
		return profiles.DefaultLimits.MaxBytes
	}
	return lim.MaxBytes
}

// readLimited reads r to its end, or to one byte past the size limit,
// after a byte-order mark: over says it went past, and data holds
// enough of the text to place the finding. A negative limit turns the
// check off, as it does for lint.
func readLimited(r io.Reader, lim profiles.Limits) (data []byte, over bool, err error) {
	if lim.MaxBytes < 0 {
		data, err = io.ReadAll(r)
		return data, false, err
	}
	limit := maxBytes(lim)
	data, err = io.ReadAll(io.LimitReader(r, max(int64(limit)+1, int64(len(bom)))))
	if err == nil && bytes.HasPrefix(data, bom) {
		// The limit does not count the mark: read as far past it.
		var rest []byte
		rest, err = io.ReadAll(io.LimitReader(r, int64(limit+1+len(bom)-len(data))))
		data = append(data, rest...)
	}
	if err != nil {
		return nil, false, err
	}
	return data, len(bytes.TrimPrefix(data, bom)) > limit, nil
}

// readAtMost reads at most n bytes of the file at path.
func readAtMost(path string, n int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, n))
}
