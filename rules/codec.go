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
		e.Len(len(f.Names))
		for _, n := range f.Names {
			e.String(n)
		}
		for _, ts := range [][]acrossText{f.FocusDesc, f.Resps, f.Skills} {
			e.Len(len(ts))
			for _, t := range ts {
				e.Uint64(t.Hash)
				e.Int(int64(t.Line))
				e.Int(int64(t.Column))
				for _, v := range [...]uint16{t.I, t.J, t.Key, t.Name} {
					e.Uint(uint64(v))
				}
			}
		}
	},
	Decode: func(d *lint.Decoder) any {
		f := &acrossFacts{Focus: d.String()}
		if n := d.Len(); n > 0 {
			f.Names = make([]string, n)
			for i := range f.Names {
				f.Names[i] = d.String()
			}
		}
		for _, ts := range []*[]acrossText{&f.FocusDesc, &f.Resps, &f.Skills} {
			n := d.Len()
			if n == 0 {
				continue
			}
			*ts = make([]acrossText, n)
			for i := range *ts {
				t := acrossText{Hash: d.Uint64(), Line: int32(d.Int()), Column: int32(d.Int())}
				t.I, t.J, t.Key, t.Name = uint16(d.Uint()), uint16(d.Uint()), uint16(d.Uint()), uint16(d.Uint())
				if int(t.Key) >= len(f.Names) || int(t.Name) >= len(f.Names) {
					d.Fail()
					return f
				}
				(*ts)[i] = t
			}
		}
		return f
	},
}
