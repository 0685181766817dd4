package lint

import (
	"reflect"
	"testing"
)

// A finding with every field set survives the cache's encoding unchanged.
func TestFindingRoundTrip(t *testing.T) {
	want := Finding{
		Rule: "duplicate-text", Severity: Warning, File: "a/b.yaml",
		Line: 3, Column: 7, EndLine: 4, EndColumn: 1,
		Pointer: "/skills/0/description", Message: "same as …",
		Related:    []Place{{File: "a/c.yaml", Line: -1, Column: 2, Pointer: "/id", Message: "here"}},
		Fixes:      []Fix{{Message: "use the id", Edits: []Edit{{Start: 10, End: 12, New: "P7"}, {Start: 0, End: 0}}}},
		Diff:       &Diff{Words: []DiffOp{{Op: "equal", Text: "a "}, {Op: "insert", Text: "b"}}, Unified: "@@ -1 +1 @@\n"},
		Suppressed: &Suppression{Reason: "why", Line: 9},
	}
	// A field added to Finding (or below it) and left out here would go
	// unnoticed by the round trip, which compares zero with zero.
	assertEveryFieldSet(t, reflect.ValueOf(want), "Finding")
	var e Encoder
	second := Finding{Rule: "duplicate-text", File: "a/b.yaml", Message: "x"}
	encodeFindings(&e, []Finding{want, second})
	got, err := decodeFindings(NewDecoder(e.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, []Finding{want, second}) {
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

// assertEveryFieldSet fails for each field below v that holds its zero
// value; of a list, the first element is looked into.
func assertEveryFieldSet(t *testing.T, v reflect.Value, path string) {
	t.Helper()
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			assertEveryFieldSet(t, v.Field(i), path+"."+v.Type().Field(i).Name)
		}
		return
	case reflect.Pointer:
		if !v.IsNil() {
			assertEveryFieldSet(t, v.Elem(), path)
			return
		}
	case reflect.Slice:
		if v.Len() > 0 {
			assertEveryFieldSet(t, v.Index(0), path+"[0]")
			return
		}
	default:
		if !v.IsZero() {
			return
		}
	}
	t.Errorf("%s is not set: set it, so that the round trip covers it", path)
}

// FuzzDecodeEntry feeds the cache's decoder arbitrary bytes: it must fail
// cleanly, never panic or allocate without bound.
func FuzzDecodeEntry(f *testing.F) {
	var e Encoder
	encodeEntry(&e, &fileResult{
		findings:   []Finding{{Rule: "r", File: "f", Line: 1, Diff: &Diff{Unified: "u"}}},
		directives: []*directive{{Line: 1, Col: 2, Rules: []string{"r"}, Reason: "x"}},
	}, &Config{})
	f.Add(e.Bytes())
	f.Add([]byte{1, 0, 0xff, 0xff, 0xff, 0xff, 0x0f})
	cfg := &Config{Rules: []*Rule{{ID: "c", Collect: func(*Pass) any { return nil }}}}
	f.Fuzz(func(t *testing.T, b []byte) {
		var r fileResult
		_ = decodeEntry(NewDecoder(b), cfg, &r)
		_, _ = decodeFindings(NewDecoder(b))
	})
}
