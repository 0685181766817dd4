package rules

import "github.com/profilelint/profilelint/lint"

// The codecs of the corpus rules' facts, for the result cache. Each writes
// every field, in order; decoding gives back an equal value.

var idCodec = lint.FactsCodec{
	Encode: func(e *lint.Encoder, facts any) {
		f := facts.(idFact)
		e.String(f.ID)
		e.Place(f.Place)
		e.Len(len(f.Adjacent))
		for _, a := range f.Adjacent {
			e.String(a.ID)
			e.Place(a.Place)
		}
	},
	Decode: func(d *lint.Decoder) any {
		f := idFact{ID: d.String(), Place: d.Place()}
		if n := d.Len(); n > 0 {
			f.Adjacent = make([]idRef, n)
			for i := range f.Adjacent {
				f.Adjacent[i] = idRef{ID: d.String(), Place: d.Place()}
			}
		}
		return f
	},
}

var driftCodec = lint.FactsCodec{
	Encode: func(e *lint.Encoder, facts any) {
		f := facts.(*driftFacts)
		e.String(f.Group)
		e.Len(len(f.Sections))
		for _, s := range f.Sections {
			e.String(s.Name)
			e.Uint64(s.Hash)
			e.Place(s.Place)
		}
	},
	Decode: func(d *lint.Decoder) any {
		f := &driftFacts{Group: d.String()}
		if n := d.Len(); n > 0 {
			f.Sections = make([]driftSection, n)
			for i := range f.Sections {
				f.Sections[i] = driftSection{Name: d.String(), Hash: d.Uint64(), Place: d.Place()}
			}
		}
		return f
	},
}

var acrossCodec = lint.FactsCodec{
	Encode: func(e *lint.Encoder, facts any) {
		f := facts.(*acrossFacts)
		e.String(f.Focus)
		for _, ts := range [][]acrossText{f.FocusDesc, f.Resps, f.Skills} {
			e.Len(len(ts))
			for _, t := range ts {
				e.Uint64(t.Hash)
				e.String(t.Key)
				// The name as written is most often the key itself.
				e.Bool(t.Name == t.Key)
				if t.Name != t.Key {
					e.String(t.Name)
				}
				for _, v := range [...]int32{t.Line, t.Column, t.I, t.J} {
					e.Int(int64(v))
				}
			}
		}
	},
	Decode: func(d *lint.Decoder) any {
		f := &acrossFacts{Focus: d.String()}
		for _, ts := range []*[]acrossText{&f.FocusDesc, &f.Resps, &f.Skills} {
			n := d.Len()
			if n == 0 {
				continue
			}
			*ts = make([]acrossText, n)
			for i := range *ts {
				t := acrossText{Hash: d.Uint64(), Key: d.String()}
				if t.Name = t.Key; !d.Bool() {
					t.Name = d.String()
				}
				t.Line, t.Column, t.I, t.J = int32(d.Int()), int32(d.Int()), int32(d.Int()), int32(d.Int())
				(*ts)[i] = t
			}
		}
		return f
	},
}
