package fix

import (
	"bytes"
	"cmp"
	"slices"
	"testing"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
	"github.com/profilelint/profilelint/rules"
)

// FuzzFix runs fix as the CLI does, with every registered rule and the
// schema rule as guard, on any text that parses, and checks that the
// result parses, that fixing it again changes nothing, and that it is the
// input with the edits of the fixes applied and nothing else: every byte
// outside the edited ranges, comments included, is where it was. The
// seeds (testdata/fuzz/FuzzFix) are the examples, the bad and good
// examples of the rules' docs, and the fixtures of the fix scripts.
func FuzzFix(f *testing.F) {
	o := Options{Config: lint.Config{Rules: rules.All()}, Guards: []*lint.Rule{rules.Lookup("schema")}}
	f.Fuzz(func(t *testing.T, in []byte) {
		if _, err := profiles.Parse("f.yaml", in); err != nil {
			return
		}
		r := File(o, "f.yaml", in)
		if r.Syntax != nil {
			t.Fatalf("parses, yet fix says it does not: %+v", r.Syntax)
		}
		if _, err := profiles.Parse("f.yaml", r.New); err != nil {
			t.Fatalf("the fixed text does not parse: %v\n%s", err, r.New)
		}
		if r.Unsettled {
			t.Fatalf("fixes still apply after %d rounds:\n%s", r.Rounds, r.New)
		}
		if again := File(o, "f.yaml", r.New); again.Changed() {
			t.Fatalf("a second fix changed the text:\n%s\nto\n%s", r.New, again.New)
		}
		prefix := in[:len(in)-len(bytes.TrimPrefix(in, bom))]
		cur := in[len(prefix):]
		for i, es := range r.applied {
			next, ok := replay(cur, es)
			if !ok {
				t.Fatalf("round %d: edits %+v overlap or fall outside the text", i+1, es)
			}
			cur = next
		}
		if want := append(bytes.Clone(prefix), cur...); !bytes.Equal(r.New, want) {
			t.Fatalf("the fixed text is not the input with its edits applied:\n%q\nwant\n%q", r.New, want)
		}
	})
}

// replay applies edits to src without Apply, so that a fault in Apply
// cannot hide itself: the text between the edits is copied over as it
// was, so nothing outside the edited ranges can change.
func replay(src []byte, edits []lint.Edit) ([]byte, bool) {
	es := slices.SortedStableFunc(slices.Values(edits), func(a, b lint.Edit) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
	var out []byte
	at := 0
	for i, e := range es {
		if e.Start < at || e.End < e.Start || e.End > len(src) || i > 0 && e.Start == e.End && es[i-1].Start == e.Start {
			return nil, false
		}
		out = append(out, src[at:e.Start]...)
		out = append(out, e.New...)
		at = e.End
	}
	return append(out, src[at:]...), true
}
