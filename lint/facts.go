package lint

import "iter"

// Fact is what a corpus rule keeps of one file, with its binary form for
// the result cache beside its type. DecodeFact is called on a zero value
// and must give back a value equal to the one encoded; a test that fills
// every field (by reflection) holds each fact type to that.
type Fact interface {
	EncodeFact(FactsWriter)
	DecodeFact(FactsReader)
}

// factPointer is a pointer to a fact type: facts are decoded into new(T).
type factPointer[T any] interface {
	*T
	Fact
}

// FactKind ties a corpus rule's Collect, Codec and Finish to one fact
// type, so that the facts a rule reads back are the type it collected,
// checked by the compiler instead of asserted from any.
type FactKind[T any, P factPointer[T]] struct {
	collect func(*Pass) P
}

// NewFacts declares the fact type that collect returns. A nil fact means
// the file contributes nothing.
func NewFacts[T any, P factPointer[T]](collect func(*Pass) P) FactKind[T, P] {
	return FactKind[T, P]{collect: collect}
}

// Collect is the rule's Collect.
func (k FactKind[T, P]) Collect(p *Pass) any {
	if f := k.collect(p); f != nil {
		return f
	}
	return nil
}

// Codec is the rule's Codec: each fact's own EncodeFact and DecodeFact.
func (k FactKind[T, P]) Codec() FactsCodec {
	return FactsCodec{
		Encode: func(e FactsWriter, facts any) { facts.(P).EncodeFact(e) },
		Decode: func(d FactsReader) any {
			f := P(new(T))
			f.DecodeFact(d)
			return f
		},
	}
}

// Of yields each file's facts, in file order, skipping files that
// contributed none.
func (k FactKind[T, P]) Of(facts []Facts) iter.Seq2[string, P] {
	return func(yield func(string, P) bool) {
		for _, ff := range facts {
			// Every value here came from this kind's Collect or Codec.
			if f, ok := ff.Facts.(P); ok && f != nil && !yield(ff.File, f) {
				return
			}
		}
	}
}
