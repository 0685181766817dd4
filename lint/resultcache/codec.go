package resultcache

import (
	"encoding/binary"
	"errors"
	"math"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// Encoder writes the compact binary form of cache entries: varints, and
// strings as a length then bytes, or, for a string written before in the
// same entry (a file's name in each of its places), the number of that
// string. It is the lint.FactsWriter a corpus rule's FactsCodec writes its
// facts with. A
// hand-written form, not encoding/gob: gob sends type information with
// every value encoded on its own, which made decoding a warm corpus's
// entries cost more than reading the files.
type Encoder struct {
	buf  []byte
	strs map[string]int
}

// Bytes returns what was written.
func (e *Encoder) Bytes() []byte { return e.buf }

// Uint writes an unsigned integer.
func (e *Encoder) Uint(v uint64) { e.buf = binary.AppendUvarint(e.buf, v) }

// Int writes a signed integer.
func (e *Encoder) Int(v int64) { e.buf = binary.AppendVarint(e.buf, v) }

// Uint64 writes a hash or other full-width value in eight bytes.
func (e *Encoder) Uint64(v uint64) { e.buf = binary.LittleEndian.AppendUint64(e.buf, v) }

// Bool writes a flag.
func (e *Encoder) Bool(v bool) {
	if v {
		e.buf = append(e.buf, 1)
	} else {
		e.buf = append(e.buf, 0)
	}
}

// Text writes a string: 2×length, then the bytes; or 2×number+1 for a
// string already written.
func (e *Encoder) Text(s string) {
	if n, ok := e.strs[s]; ok {
		e.Uint(uint64(n)<<1 | 1)
		return
	}
	e.Uint(uint64(len(s)) << 1)
	e.buf = append(e.buf, s...)
	if len(s) > 2 { // shorter ones cost no more written again
		if e.strs == nil {
			e.strs = make(map[string]int)
		}
		e.strs[s] = len(e.strs)
	}
}

// Len writes the length of a list that follows.
func (e *Encoder) Len(n int) { e.Uint(uint64(n)) }

// errCorrupt is what every read past the end or of a malformed value
// gives: the entry is ignored, never trusted.
var errCorrupt = errors.New("corrupt cache entry")

// Decoder reads what an Encoder wrote. The first error sticks: reads after
// it return zero values, and Err reports it, so that a decoding function
// checks once at the end.
type Decoder struct {
	buf  []byte
	err  error
	strs []string
}

// NewDecoder reads from b.
func NewDecoder(b []byte) *Decoder { return &Decoder{buf: b} }

// Err returns the first error met, or an error if bytes are left over
// once everything was read (Done).
func (d *Decoder) Err() error { return d.err }

// Done reports an error unless every byte was read without error.
func (d *Decoder) Done() error {
	if d.err == nil && len(d.buf) != 0 {
		d.err = errCorrupt
	}
	return d.err
}

// Fail marks the input corrupt: a decoding function calls it when a
// value read is impossible (an index out of range).
func (d *Decoder) Fail() {
	if d.err == nil {
		d.err = errCorrupt
	}
	d.buf = nil
}

// Uint reads an unsigned integer.
func (d *Decoder) Uint() uint64 {
	v, n := binary.Uvarint(d.buf)
	if n <= 0 {
		d.Fail()
		return 0
	}
	d.buf = d.buf[n:]
	return v
}

// Int reads a signed integer.
func (d *Decoder) Int() int64 {
	v, n := binary.Varint(d.buf)
	if n <= 0 {
		d.Fail()
		return 0
	}
	d.buf = d.buf[n:]
	return v
}

// Uint64 reads a full-width value.
func (d *Decoder) Uint64() uint64 {
	if len(d.buf) < 8 {
		d.Fail()
		return 0
	}
	v := binary.LittleEndian.Uint64(d.buf)
	d.buf = d.buf[8:]
	return v
}

// Bool reads a flag.
func (d *Decoder) Bool() bool {
	if len(d.buf) < 1 || d.buf[0] > 1 {
		d.Fail()
		return false
	}
	v := d.buf[0] == 1
	d.buf = d.buf[1:]
	return v
}

// Text reads a string. (Not String: a Decoder is no fmt.Stringer, and
// printing one must not consume its input.)
func (d *Decoder) Text() string {
	v := d.Uint()
	if v&1 == 1 {
		if v>>1 >= uint64(len(d.strs)) {
			d.Fail()
			return ""
		}
		return d.strs[v>>1]
	}
	n := v >> 1
	if n > uint64(len(d.buf)) {
		d.Fail()
		return ""
	}
	s := string(d.buf[:n])
	d.buf = d.buf[n:]
	if len(s) > 2 {
		d.strs = append(d.strs, s)
	}
	return s
}

// Len reads the length of a list. A length that the remaining bytes could
// not hold (each element takes at least one byte) is corrupt, so a damaged
// entry never makes the reader allocate without bound.
func (d *Decoder) Len() int {
	n := d.Uint()
	if n > uint64(len(d.buf)) || n > math.MaxInt32 {
		d.Fail()
		return 0
	}
	return int(n)
}

// writeList and readList are lint.WriteList and lint.ReadList on the
// concrete types, for the entry's own lists: no interface call per value.
func writeList[T any](e *Encoder, xs []T, write func(*Encoder, T)) {
	e.Len(len(xs))
	for _, x := range xs {
		write(e, x)
	}
}

func readList[T any](d *Decoder, read func(*Decoder) T) []T {
	n := d.Len()
	if n == 0 {
		return nil
	}
	xs := make([]T, n)
	for i := range xs {
		xs[i] = read(d)
	}
	return xs
}

// int reads a signed integer that must fit an int.
func (d *Decoder) int() int {
	v := d.Int()
	if v < math.MinInt32 || v > math.MaxInt32 {
		d.Fail()
		return 0
	}
	return int(v)
}

// entryVersion changes with the form of an entry; a store of another
// form is a miss, never misread.
const entryVersion = 4

// encodeEntry writes a file's entry. It reports false when a rule's facts
// have no codec: such a file is not kept.
func encodeEntry(e *Encoder, r *lint.Entry, rules []*lint.Rule) bool {
	e.Uint(entryVersion)
	writeList(e, r.Findings, encodeFinding)
	writeList(e, r.Directives, func(e *Encoder, d *lint.Directive) {
		e.int(d.Line)
		e.int(d.Col)
		e.Bool(d.File)
		writeList(e, d.Rules, (*Encoder).Text)
		e.Text(d.Reason)
		e.Text(d.Target)
		e.int(d.TargetLn)
	})
	e.Bool(r.Family != nil)
	if f := r.Family; f != nil {
		e.Text(f.Key)
		e.Text(f.Level)
		for _, row := range f.Rows {
			writeList(e, row, (*Encoder).Text)
		}
	}
	e.Len(len(r.Facts))
	// Rules in configuration order, so that equal results encode equally.
	for _, rule := range rules {
		f, ok := r.Facts[rule]
		if !ok {
			continue
		}
		if rule.Codec.Encode == nil {
			return false
		}
		e.Text(rule.ID)
		rule.Codec.Encode(e, f)
	}
	return true
}

// decodeEntry reads what encodeEntry wrote; rules are the run's, by id.
func decodeEntry(d *Decoder, rules map[string]*lint.Rule) (*lint.Entry, error) {
	if d.Uint() != entryVersion {
		return nil, errCorrupt
	}
	r := &lint.Entry{}
	r.Findings = readList(d, decodeFinding)
	r.Directives = readList(d, func(d *Decoder) *lint.Directive {
		dir := &lint.Directive{Line: d.int(), Col: d.int(), File: d.Bool()}
		dir.Rules = readList(d, (*Decoder).Text)
		dir.Reason, dir.Target, dir.TargetLn = d.Text(), d.Text(), d.int()
		return dir
	})
	if d.Bool() {
		f := &profiles.Family{Key: d.Text(), Level: d.Text()}
		for i := range f.Rows {
			f.Rows[i] = readList(d, (*Decoder).Text)
		}
		r.Family = f
	}
	if n := d.Len(); n > 0 {
		r.Facts = make(map[*lint.Rule]any, n)
		for range n {
			rule := rules[d.Text()]
			if d.Err() != nil || rule == nil || rule.Collect == nil || rule.Codec.Decode == nil {
				return nil, errCorrupt
			}
			r.Facts[rule] = rule.Codec.Decode(d)
		}
	}
	return r, d.Done()
}

func (e *Encoder) int(v int) { e.Int(int64(v)) }

// Place writes a place.
func (e *Encoder) Place(p lint.Place) {
	e.Text(p.File)
	e.int(p.Line)
	e.int(p.Column)
	e.Text(p.Pointer)
	e.Text(p.Message)
}

// Place reads a place.
func (d *Decoder) Place() lint.Place {
	return lint.Place{File: d.Text(), Line: d.int(), Column: d.int(), Pointer: d.Text(), Message: d.Text()}
}

func encodeFinding(e *Encoder, f lint.Finding) {
	e.Text(f.Rule)
	e.int(int(f.Severity))
	e.Text(f.File)
	e.int(f.Line)
	e.int(f.Column)
	e.int(f.EndLine)
	e.int(f.EndColumn)
	e.Text(f.Pointer)
	e.Text(f.Message)
	writeList(e, f.Related, (*Encoder).Place)
	writeList(e, f.Fixes, func(e *Encoder, fix lint.Fix) {
		e.Text(fix.Message)
		writeList(e, fix.Edits, func(e *Encoder, ed lint.Edit) {
			e.int(ed.Start)
			e.int(ed.End)
			e.Text(ed.New)
		})
	})
	e.Bool(f.Diff != nil)
	if f.Diff != nil {
		writeList(e, f.Diff.Words, func(e *Encoder, op lint.DiffOp) {
			e.Text(string(op.Op))
			e.Text(op.Text)
		})
		e.Text(f.Diff.Unified)
	}
	e.Bool(f.Suppressed != nil)
	if f.Suppressed != nil {
		e.Text(f.Suppressed.Reason)
		e.int(f.Suppressed.Line)
	}
}

func decodeFinding(d *Decoder) (f lint.Finding) {
	f.Rule = d.Text()
	sev := d.int()
	if sev < int(lint.Off) || sev > int(lint.Error) {
		d.Fail()
	}
	f.Severity = lint.Severity(sev)
	f.File = d.Text()
	f.Line, f.Column, f.EndLine, f.EndColumn = d.int(), d.int(), d.int(), d.int()
	f.Pointer = d.Text()
	f.Message = d.Text()
	f.Related = readList(d, (*Decoder).Place)
	f.Fixes = readList(d, func(d *Decoder) lint.Fix {
		return lint.Fix{Message: d.Text(), Edits: readList(d, func(d *Decoder) lint.Edit {
			return lint.Edit{Start: d.int(), End: d.int(), New: d.Text()}
		})}
	})
	if d.Bool() {
		f.Diff = &lint.Diff{Words: readList(d, func(d *Decoder) lint.DiffOp {
			return lint.DiffOp{Op: lint.DiffKind(d.Text()), Text: d.Text()}
		})}
		f.Diff.Unified = d.Text()
	}
	if d.Bool() {
		f.Suppressed = &lint.Suppression{Reason: d.Text(), Line: d.int()}
	}
	return f
}

// encodeFindings and decodeFindings keep the findings of a corpus rule.
func encodeFindings(e *Encoder, fs []lint.Finding) {
	e.Uint(entryVersion)
	writeList(e, fs, encodeFinding)
}

func decodeFindings(d *Decoder) ([]lint.Finding, error) {
	if d.Uint() != entryVersion {
		return nil, errCorrupt
	}
	fs := readList(d, decodeFinding)
	return fs, d.Done()
}
