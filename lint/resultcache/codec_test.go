package resultcache

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// A finding with every field set survives the cache's encoding unchanged.
func TestFindingRoundTrip(t *testing.T) {
	want := lint.Finding{
		Rule: "duplicate-text", Severity: lint.Warning, File: "a/b.yaml",
		Line: 3, Column: 7, EndLine: 4, EndColumn: 1,
		Pointer: "/skills/0/description", Message: "same as …",
		Related:    []lint.Place{{File: "a/c.yaml", Line: -1, Column: 2, Pointer: "/id", Message: "here"}},
		Fixes:      []lint.Fix{{Message: "use the id", Edits: []lint.Edit{{Start: 10, End: 12, New: "P7"}, {Start: 1, End: 1, New: "-"}}}},
		Diff:       &lint.Diff{Words: []lint.DiffOp{{Op: "equal", Text: "a "}, {Op: "insert", Text: "b"}}, Unified: "@@ -1 +1 @@\n"},
		Suppressed: &lint.Suppression{Reason: "why", Line: 9},
	}
	everyFieldSet(t, "Finding", reflect.ValueOf(want))
	var e Encoder
	second := lint.Finding{Rule: "duplicate-text", File: "a/b.yaml", Message: "x"}
	encodeFindings(&e, []lint.Finding{want, second})
	got, err := decodeFindings(NewDecoder(e.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, []lint.Finding{want, second}) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
	// Every strict prefix is an error, never a panic or a shorter list.
	b := e.Bytes()
	for i := range b {
		if _, err := decodeFindings(NewDecoder(b[:i])); err == nil {
			t.Fatalf("a prefix of %d of %d bytes decoded without error", i, len(b))
		}
	}
}

// everyFieldSet fails the test for each field of v, through pointers,
// lists and nested structs, left at its zero value: a round trip of a
// value with a zero field cannot see that field being dropped, and a field
// added later must be added to the test's value, and so to the codec.
func everyFieldSet(t *testing.T, path string, v reflect.Value) {
	t.Helper()
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			t.Errorf("%s is nil", path)
			return
		}
		everyFieldSet(t, path, v.Elem())
	case reflect.Slice:
		if v.Len() == 0 {
			t.Errorf("%s is empty", path)
		}
		for i := range v.Len() {
			everyFieldSet(t, fmt.Sprintf("%s[%d]", path, i), v.Index(i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue // the engine's own state (Directive.used), never kept
			}
			everyFieldSet(t, path+"."+f.Name, v.Field(i))
		}
	default:
		if v.IsZero() {
			t.Errorf("%s is zero: set it, so that the round trip covers it", path)
		}
	}
}

// A file's entry with every field set survives the encoding unchanged,
// facts included.
func TestEntryRoundTrip(t *testing.T) {
	type fact struct{ N uint64 }
	rule := &lint.Rule{ID: "c", Scope: lint.PerCorpus, Collect: func(*lint.Pass) any { return nil }, Codec: lint.FactsCodec{
		Encode: func(w lint.FactsWriter, f any) { w.Uint(f.(fact).N) },
		Decode: func(r lint.FactsReader) any { return fact{r.Uint()} },
	}}
	want := &lint.Entry{
		Findings:   []lint.Finding{{Rule: "r", Severity: lint.Error, File: "f", Line: 1, Column: 2, EndLine: 3, EndColumn: 4, Pointer: "/p", Message: "m", Related: []lint.Place{{File: "g", Line: 1, Column: 1, Pointer: "/q", Message: "n"}}, Fixes: []lint.Fix{{Message: "x", Edits: []lint.Edit{{Start: 1, End: 2, New: "y"}}}}, Diff: &lint.Diff{Words: []lint.DiffOp{{Op: "equal", Text: "a"}}, Unified: "u"}, Suppressed: &lint.Suppression{Reason: "why", Line: 2}}},
		Directives: []*lint.Directive{{Line: 1, Col: 2, File: true, Rules: []string{"r"}, Reason: "x", Target: "/t", TargetLn: 3}},
		Facts:      map[*lint.Rule]any{rule: fact{7}},
		Family:     &profiles.Family{Key: "INFRAS.PLATFORM professional", Level: "P2", Rows: [2][]string{{"P1", "P2"}, {"P1", ""}}},
	}
	everyFieldSet(t, "Entry", reflect.ValueOf(want))
	var e Encoder
	if !encodeEntry(&e, want, []*lint.Rule{rule}) {
		t.Fatal("the entry was not encoded")
	}
	got, err := decodeEntry(NewDecoder(e.Bytes()), map[string]*lint.Rule{"c": rule})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
}

// FuzzDecodeEntry feeds the cache's decoder arbitrary bytes: it must fail
// cleanly, never panic or allocate without bound.
func FuzzDecodeEntry(f *testing.F) {
	var e Encoder
	encodeEntry(&e, &lint.Entry{
		Findings:   []lint.Finding{{Rule: "r", File: "f", Line: 1, Diff: &lint.Diff{Unified: "u"}}},
		Directives: []*lint.Directive{{Line: 1, Col: 2, Rules: []string{"r"}, Reason: "x"}},
	}, nil)
	f.Add(e.Bytes())
	f.Add([]byte{entryVersion, 0, 0xff, 0xff, 0xff, 0xff, 0x0f})
	rules := map[string]*lint.Rule{"c": {ID: "c", Collect: func(*lint.Pass) any { return nil }}}
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = decodeEntry(NewDecoder(b), rules)
		_, _ = decodeFindings(NewDecoder(b))
	})
}
