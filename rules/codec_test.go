package rules

import (
	"fmt"
	"math"
	"reflect"
	"testing"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/lint/resultcache"
)

// The facts of every corpus rule come back from the cache's encoding
// equal to what was collected. The facts are filled by reflection, every
// field with a value of its own, so a field that a fact's EncodeFact or
// DecodeFact forgets (or two it swaps) fails here without anyone
// remembering to extend the test.
func TestFactsRoundTrip(t *testing.T) {
	for _, r := range All() {
		if r.Codec.Decode == nil {
			continue
		}
		// Decoding nothing gives a zero fact of the rule's type.
		typ := reflect.TypeOf(r.Codec.Decode(resultcache.NewDecoder(nil))).Elem()
		for _, zero := range []bool{true, false} {
			want := reflect.New(typ)
			if !zero {
				n := 0
				fill(t, want.Elem(), &n)
			}
			var e resultcache.Encoder
			r.Codec.Encode(&e, want.Interface())
			d := resultcache.NewDecoder(e.Bytes())
			got := r.Codec.Decode(d)
			if err := d.Done(); err != nil {
				t.Fatalf("%s: %v", r.ID, err)
			}
			if !reflect.DeepEqual(got, want.Interface()) {
				t.Errorf("%s: round trip of %s:\n got %+v\nwant %+v", r.ID, typ, got, want.Interface())
			}
		}
	}
}

// fill sets every field below v to a value of its own: numbers count up
// from 1, strings are "s" and a number. Lists of strings hold
// stringsLen elements, other lists two, so that the numbers stay valid as
// indexes into the strings (acrossFact's Key and Name).
func fill(t *testing.T, v reflect.Value, n *int) {
	next := func() int { *n++; return *n }
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("s%d", next()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(next()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(next()))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Struct:
		for i := range v.NumField() {
			fill(t, v.Field(i), n)
		}
	case reflect.Slice:
		size := 2
		if v.Type().Elem().Kind() == reflect.String {
			size = stringsLen
		}
		v.Set(reflect.MakeSlice(v.Type(), size, size))
		for i := range size {
			if v.Index(i).Kind() == reflect.String {
				v.Index(i).SetString(fmt.Sprintf("s%d.%d", *n, i)) // numbers are not used up
				continue
			}
			fill(t, v.Index(i), n)
		}
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(t, v.Elem(), n)
	default:
		t.Fatalf("fill: a fact has a field of kind %s; teach fill about it", v.Kind())
	}
}

// stringsLen is more than the numbers a fact holds, so that each is a
// valid index into a list of strings.
const stringsLen = 256

// Damaged facts are errors, never a panic or a value cut to fit.
func TestFactsDecodeDamaged(t *testing.T) {
	t.Run("name index past the names", func(t *testing.T) {
		var e resultcache.Encoder
		(&acrossFact{Names: []string{"x"}, Skills: []acrossText{{Key: 4}}}).EncodeFact(&e)
		assertCorrupt(t, e.Bytes())
	})
	t.Run("focus words without a focus description", func(t *testing.T) {
		var e resultcache.Encoder
		(&acrossFact{FocusWords: []uint32{1}}).EncodeFact(&e)
		assertCorrupt(t, e.Bytes())
	})
	// An index written wider than its 16-bit field: the old codec read it
	// as its low 16 bits, a wrong place reported without a word.
	t.Run("index past 16 bits", func(t *testing.T) {
		encode := func(i uint64) []byte {
			var e resultcache.Encoder
			e.Text("") // Focus
			e.Text("") // Ladder
			e.Text("") // Own
			lint.WriteList(&e, []string{"x"}, (lint.FactsWriter).Text)
			e.Len(0) // FocusDesc
			e.Len(0) // Levels
			e.Len(1) // Skills
			e.Uint64(1)
			e.Int(1)
			e.Int(1)
			e.Uint(i) // I
			e.Uint(0) // J
			e.Uint(0) // Key
			e.Uint(0) // Name
			e.Uint(0) // Band
			e.Int(0)  // Rank
			e.Uint(0) // Kind
			e.Len(0)  // FocusWords
			e.Len(0)  // Near
			return e.Bytes()
		}
		// The layout is right: the same entry with I in range decodes.
		d := resultcache.NewDecoder(encode(math.MaxUint16))
		new(acrossFact).DecodeFact(d)
		if err := d.Done(); err != nil {
			t.Fatalf("the entry with I in range: %v", err)
		}
		assertCorrupt(t, encode(math.MaxUint16+1))
	})
}

// A level with more copies than texts is a damaged fact.
func TestRepeatsFactDamaged(t *testing.T) {
	var e resultcache.Encoder
	(&repeatsFact{Repeats: []levelRepeat{{Level: "P2", From: "P1", N: 5, M: 4}}}).EncodeFact(&e)
	d := resultcache.NewDecoder(e.Bytes())
	new(repeatsFact).DecodeFact(d)
	if d.Done() == nil {
		t.Error("decoded without error")
	}
}

func assertCorrupt(t *testing.T, b []byte) {
	t.Helper()
	d := resultcache.NewDecoder(b)
	new(acrossFact).DecodeFact(d)
	if d.Done() == nil {
		t.Error("decoded without error")
	}
}

// FuzzDecodeFacts feeds every corpus rule's DecodeFact arbitrary bytes: a
// damaged cache entry fails cleanly, never panics.
func FuzzDecodeFacts(f *testing.F) {
	var e resultcache.Encoder
	(&acrossFact{Names: []string{"a", "b"}, Skills: []acrossText{{Hash: 1, Key: 1}}}).EncodeFact(&e)
	f.Add(e.Bytes())
	e = resultcache.Encoder{}
	(&idFact{ID: "A.B.P1", Adjacent: []idRef{{ID: "A.C.P1"}}}).EncodeFact(&e)
	f.Add(e.Bytes())
	e = resultcache.Encoder{}
	(&repeatsFact{Group: "A.B P1 P2", Own: "P2", Repeats: []levelRepeat{{Level: "P2", From: "P1", N: 3, M: 4, Copies: []lint.Place{{Line: 1}}}}}).EncodeFact(&e)
	f.Add(e.Bytes())
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, r := range All() {
			if r.Codec.Decode != nil {
				r.Codec.Decode(resultcache.NewDecoder(b))
			}
		}
	})
}
