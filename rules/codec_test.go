package rules

import (
	"reflect"
	"testing"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/lint/resultcache"
)

// The facts of every corpus rule come back from the cache's encoding
// equal to what was collected.
func TestFactsCodecsRoundTrip(t *testing.T) {
	place := lint.Place{File: "a.yaml", Line: 3, Column: 5, Pointer: "/id"}
	cases := []struct {
		codec lint.FactsCodec
		facts any
	}{
		{idCodec, idFact{ID: "ENG.INFRA.P7", Place: place, Adjacent: []idRef{{ID: "ENG.SRE.P7", Place: place}}}},
		{idCodec, idFact{}},
		{driftCodec, &driftFacts{Group: "ENG.INFRA", Sections: []driftSection{{Name: "skills", Hash: 1 << 63, Place: place}}}},
		{driftCodec, &driftFacts{}},
		{acrossCodec, &acrossFacts{
			Focus: "ENG.INFRA", Names: []string{"ENG.INFRA", "P3", "go", "Go"},
			FocusDesc:  []acrossText{{Hash: 7, Line: 2, Column: 14}},
			Resps:      []acrossText{{Hash: 8, Line: 9, Column: 9, I: 1, J: 65535, Key: 1, Name: 1}},
			Skills:     []acrossText{{Hash: ^uint64(0), Line: -1, Column: 1, I: 2, Key: 2, Name: 3}},
			FocusWords: []uint32{1, 2, 1 << 31},
		}},
		{acrossCodec, &acrossFacts{}},
	}
	for _, c := range cases {
		var e resultcache.Encoder
		c.codec.Encode(&e, c.facts)
		d := resultcache.NewDecoder(e.Bytes())
		got := c.codec.Decode(d)
		if err := d.Done(); err != nil {
			t.Fatalf("%T: %v", c.facts, err)
		}
		if !reflect.DeepEqual(got, c.facts) {
			t.Errorf("round trip of %T:\n got %+v\nwant %+v", c.facts, got, c.facts)
		}
	}
	// A name index past the names is corrupt, not a panic.
	var e resultcache.Encoder
	acrossCodec.Encode(&e, &acrossFacts{Names: []string{"x"}, Skills: []acrossText{{Key: 4}}})
	d := resultcache.NewDecoder(e.Bytes())
	acrossCodec.Decode(d)
	if d.Done() == nil {
		t.Error("an out-of-range name index decoded without error")
	}
	// Focus words without a focus description are corrupt too.
	e = resultcache.Encoder{}
	acrossCodec.Encode(&e, &acrossFacts{FocusWords: []uint32{1}})
	d = resultcache.NewDecoder(e.Bytes())
	acrossCodec.Decode(d)
	if d.Done() == nil {
		t.Error("focus words without a focus description decoded without error")
	}
}
