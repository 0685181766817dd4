package lint

import (
	"encoding/binary"
	"errors"
	"math"
)

// Encoder writes the compact binary form of cache entries: varints, and
// strings as a length then bytes, or, for a string written before in the
// same entry (a file's name in each of its places), the number of that
// string. It is what a corpus rule's FactsCodec writes its facts with. A
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

// String writes a string: 2×length, then the bytes; or 2×number+1 for a
// string already written.
func (e *Encoder) String(s string) {
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

// Str reads a string. It is not called String: a Decoder would then be a
// fmt.Stringer whose printing (in a %v or a debugger) eats its input.
func (d *Decoder) Str() string {
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

// WriteList writes a list: its length, then each element with write.
func WriteList[T any](e *Encoder, xs []T, write func(*Encoder, T)) {
	e.Len(len(xs))
	for _, x := range xs {
		write(e, x)
	}
}

// ReadList reads what WriteList wrote, each element with read; an empty
// list reads as nil.
func ReadList[T any](d *Decoder, read func(*Decoder) T) []T {
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

// FactsCodec lets the result cache keep a corpus rule's facts, so that an
// unchanged file need not be parsed again to give them. Encode is given
// what Collect returned; Decode must give back an equal value.
type FactsCodec struct {
	Encode func(e *Encoder, facts any)
	Decode func(d *Decoder) any
}

const entryVersion = 2

func encodeEntry(e *Encoder, r *fileResult, cfg *Config) bool {
	e.Uint(entryVersion)
	e.Bool(r.internal)
	WriteList(e, r.findings, encodeFinding)
	WriteList(e, r.directives, func(e *Encoder, d *directive) {
		e.int(d.Line)
		e.int(d.Col)
		e.Bool(d.File)
		WriteList(e, d.Rules, (*Encoder).String)
		e.String(d.Reason)
		e.String(d.Target)
		e.int(d.TargetLn)
	})
	e.Len(len(r.facts))
	// Rules in configuration order, so that equal results encode equally.
	for _, rule := range cfg.Rules {
		f, ok := r.facts[rule]
		if !ok {
			continue
		}
		if rule.Codec.Encode == nil {
			return false
		}
		e.String(rule.ID)
		rule.Codec.Encode(e, f)
	}
	return true
}

func decodeEntry(d *Decoder, cfg *Config, r *fileResult) error {
	if d.Uint() != entryVersion {
		return errCorrupt
	}
	r.internal = d.Bool()
	r.findings = ReadList(d, decodeFinding)
	r.directives = ReadList(d, func(d *Decoder) *directive {
		dir := &directive{Line: d.int(), Col: d.int(), File: d.Bool()}
		dir.Rules = ReadList(d, (*Decoder).Str)
		dir.Reason, dir.Target, dir.TargetLn = d.Str(), d.Str(), d.int()
		return dir
	})
	if n := d.Len(); n > 0 {
		r.facts = make(map[*Rule]any, n)
		for range n {
			rule := ruleByID(cfg, d.Str())
			if d.Err() != nil || rule.Collect == nil || rule.Codec.Decode == nil {
				return errCorrupt
			}
			r.facts[rule] = rule.Codec.Decode(d)
		}
	}
	return d.Done()
}

func (e *Encoder) int(v int) { e.Int(int64(v)) }

// Place writes a place.
func (e *Encoder) Place(p Place) {
	e.String(p.File)
	e.int(p.Line)
	e.int(p.Column)
	e.String(p.Pointer)
	e.String(p.Message)
}

// Place reads a place.
func (d *Decoder) Place() Place {
	return Place{File: d.Str(), Line: d.int(), Column: d.int(), Pointer: d.Str(), Message: d.Str()}
}

func encodeFinding(e *Encoder, f Finding) {
	e.String(f.Rule)
	e.int(int(f.Severity))
	e.String(f.File)
	e.int(f.Line)
	e.int(f.Column)
	e.int(f.EndLine)
	e.int(f.EndColumn)
	e.String(f.Pointer)
	e.String(f.Message)
	WriteList(e, f.Related, (*Encoder).Place)
	WriteList(e, f.Fixes, func(e *Encoder, fix Fix) {
		e.String(fix.Message)
		WriteList(e, fix.Edits, func(e *Encoder, ed Edit) {
			e.int(ed.Start)
			e.int(ed.End)
			e.String(ed.New)
		})
	})
	e.Bool(f.Diff != nil)
	if f.Diff != nil {
		WriteList(e, f.Diff.Words, func(e *Encoder, op DiffOp) {
			e.String(string(op.Op))
			e.String(op.Text)
		})
		e.String(f.Diff.Unified)
	}
	e.Bool(f.Suppressed != nil)
	if f.Suppressed != nil {
		e.String(f.Suppressed.Reason)
		e.int(f.Suppressed.Line)
	}
}

func decodeFinding(d *Decoder) (f Finding) {
	f.Rule = d.Str()
	sev := d.int()
	if sev < int(Off) || sev > int(Error) {
		d.Fail()
	}
	f.Severity = Severity(sev)
	f.File = d.Str()
	f.Line, f.Column, f.EndLine, f.EndColumn = d.int(), d.int(), d.int(), d.int()
	f.Pointer = d.Str()
	f.Message = d.Str()
	f.Related = ReadList(d, (*Decoder).Place)
	f.Fixes = ReadList(d, func(d *Decoder) Fix {
		return Fix{Message: d.Str(), Edits: ReadList(d, func(d *Decoder) Edit {
			return Edit{Start: d.int(), End: d.int(), New: d.Str()}
		})}
	})
	if d.Bool() {
		f.Diff = &Diff{Words: ReadList(d, func(d *Decoder) DiffOp {
			return DiffOp{Op: DiffKind(d.Str()), Text: d.Str()}
		})}
		f.Diff.Unified = d.Str()
	}
	if d.Bool() {
		f.Suppressed = &Suppression{Reason: d.Str(), Line: d.int()}
	}
	return f
}

// encodeFindings and decodeFindings keep the findings of a corpus rule.
func encodeFindings(e *Encoder, fs []Finding) {
	e.Uint(entryVersion)
	WriteList(e, fs, encodeFinding)
}

func decodeFindings(d *Decoder) ([]Finding, error) {
	if d.Uint() != entryVersion {
		return nil, errCorrupt
	}
	fs := ReadList(d, decodeFinding)
	return fs, d.Done()
}
