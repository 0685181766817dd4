package lint

import (
	"reflect"
	"strings"
	"testing"
)

type testOptions struct {
	Similarity float64  `option:"similarity" doc:"share of common words"`
	MinWords   int      `option:"min_words" doc:"shortest text"`
	Phrases    []string `option:"phrases"`
}

var testOpts = NewOptions(testOptions{Similarity: 0.9, MinWords: 5, Phrases: []string{"TODO"}})

func TestOptionsList(t *testing.T) {
	want := []Option{
		{Name: "similarity", Default: 0.9, Doc: "share of common words"},
		{Name: "min_words", Default: 5, Doc: "shortest text"},
		{Name: "phrases", Default: []string{"TODO"}},
	}
	if got := testOpts.List(); !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestOptionsOf(t *testing.T) {
	p := &Pass{options: options{set: map[string]any{
		"similarity": 0.5,
		"min_words":  int64(7),              // a library caller's number
		"phrases":    []any{"WIP", "to be"}, // and its decoded list
		"unknown":    true,                  // config rejects it, with its position
	}}}
	want := testOptions{Similarity: 0.5, MinWords: 7, Phrases: []string{"WIP", "to be"}}
	if got := testOpts.Of(p); !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got := testOpts.Of(&Pass{}); !reflect.DeepEqual(got, testOptions{Similarity: 0.9, MinWords: 5, Phrases: []string{"TODO"}}) {
		t.Errorf("without settings: got %+v", got)
	}
	// A value that is no option's type keeps the default: never a panic.
	bad := &Corpus{options: options{set: map[string]any{"min_words": []string{"x"}}}}
	if got := testOpts.Of(bad).MinWords; got != 5 {
		t.Errorf("a list for a number: got %d, want the default", got)
	}
}

func TestCheckOptions(t *testing.T) {
	r := &Rule{ID: "r", Options: testOpts.List()}
	if err := r.CheckOptions(map[string]any{"similarity": 1, "phrases": []any{"a"}}); err != nil {
		t.Errorf("good options: %v", err)
	}
	for set, want := range map[string]map[string]any{
		`rule r has no option "similarty"`:            {"similarty": 0.5},
		"option r.min_words is a int, not a []string": {"min_words": []string{"x"}},
	} {
		if err := r.CheckOptions(want); err == nil || err.Error() != set {
			t.Errorf("got %v, want %s", err, set)
		}
	}
}

// A rule's declaration mistakes show when the program starts, in any test.
func TestNewOptionsPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"untagged": func() { NewOptions(struct{ A int }{}) },
		"twice": func() {
			NewOptions(struct {
				A, B int `option:"a"`
			}{})
		},
		"bad type": func() {
			NewOptions(struct {
				A complex128 `option:"a"`
			}{})
		},
		"no struct": func() { NewOptions(3) },
	} {
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.HasPrefix(r.(string), "lint: ") {
					t.Errorf("%s: got %v, want a panic", name, r)
				}
			}()
			f()
		}()
	}
}
