package rules

import "github.com/profilelint/profilelint/lint"

// The codecs of the corpus rules' facts, for the result cache. Each writes
// every field, in order; decoding gives back an equal value.

var idCodec = lint.FactsCodec{
	Encode: func(e lint.FactsWriter, facts any) {
		f := facts.(idFact)
		e.Text(f.ID)
		e.Place(f.Place)
		lint.WriteList(e, f.Adjacent, func(e lint.FactsWriter, a idRef) {
			e.Text(a.ID)
			e.Place(a.Place)
		})
	},
	Decode: func(d lint.FactsReader) any {
		f := idFact{ID: d.Text(), Place: d.Place()}
		f.Adjacent = lint.ReadList(d, func(d lint.FactsReader) idRef {
			return idRef{ID: d.Text(), Place: d.Place()}
		})
		return f
	},
}

var driftCodec = lint.FactsCodec{
	Encode: func(e lint.FactsWriter, facts any) {
		f := facts.(*driftFacts)
		e.Text(f.Group)
		lint.WriteList(e, f.Sections, func(e lint.FactsWriter, s driftSection) {
			e.Text(s.Name)
			e.Uint64(s.Hash)
			e.Place(s.Place)
		})
	},
	Decode: func(d lint.FactsReader) any {
		f := &driftFacts{Group: d.Text()}
		f.Sections = lint.ReadList(d, func(d lint.FactsReader) driftSection {
			return driftSection{Name: d.Text(), Hash: d.Uint64(), Place: d.Place()}
		})
		return f
	},
}

var acrossCodec = lint.FactsCodec{
	Encode: func(e lint.FactsWriter, facts any) {
		f := facts.(*acrossFacts)
		e.Text(f.Focus)
		lint.WriteList(e, f.Names, lint.FactsWriter.Text)
		for _, ts := range [][]acrossText{f.FocusDesc, f.Resps, f.Skills} {
			lint.WriteList(e, ts, func(e lint.FactsWriter, t acrossText) {
				e.Uint64(t.Hash)
				e.Int(int64(t.Line))
				e.Int(int64(t.Column))
				for _, v := range [...]uint16{t.I, t.J, t.Key, t.Name} {
					e.Uint(uint64(v))
				}
			})
		}
		lint.WriteList(e, f.FocusWords, func(e lint.FactsWriter, w uint32) { e.Uint(uint64(w)) })
	},
	Decode: func(d lint.FactsReader) any {
		f := &acrossFacts{Focus: d.Text()}
		f.Names = lint.ReadList(d, lint.FactsReader.Text)
		text := func(d lint.FactsReader) acrossText {
			t := acrossText{Hash: d.Uint64(), Line: int32(d.Int()), Column: int32(d.Int())}
			t.I, t.J, t.Key, t.Name = uint16(d.Uint()), uint16(d.Uint()), uint16(d.Uint()), uint16(d.Uint())
			if int(t.Key) >= len(f.Names) || int(t.Name) >= len(f.Names) {
				d.Fail()
			}
			return t
		}
		f.FocusDesc = lint.ReadList(d, text)
		f.Resps = lint.ReadList(d, text)
		f.Skills = lint.ReadList(d, text)
		f.FocusWords = lint.ReadList(d, func(d lint.FactsReader) uint32 { return uint32(d.Uint()) })
		if len(f.FocusWords) > 0 && len(f.FocusDesc) == 0 {
			d.Fail()
		}
		return f
	},
}
