package config

import (
	"path"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/profilelint/profilelint/lint"
)

// FuzzParse feeds one configuration file's bytes to the loader: it never
// panics, every mistake has a position in that file, and no message
// carries a raw control character (a file must not rewrite the terminal
// its errors are printed on) or quotes a name at length.
// Seeds: testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		l := &loader{rules: testRules, byID: map[string]*lint.Rule{}}
		for _, r := range testRules {
			l.byID[r.ID] = r
		}
		l.parse("c.yaml", data)
		for _, e := range l.errs {
			if e.Path != "c.yaml" || e.Line < 1 || e.Column < 1 {
				t.Errorf("mistake without a position in the file: %+v", e)
			}
			if strings.ContainsFunc(e.Msg, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
				t.Errorf("raw control character in %q", e.Msg)
			}
			if strings.HasPrefix(e.Msg, "unknown ") && utf8.RuneCountInString(e.Msg) > 400 {
				t.Errorf("%d characters: %.100q…", utf8.RuneCountInString(e.Msg), e.Msg)
			}
		}
	})
}

// FuzzGlob checks that compiling and matching never panic, and that a
// glob without "**" (and without .gitignore's "[!…]", which path.Match
// spells "[^…]") matches as path.Match says: a glob with a slash matches
// a path or one of its folders from the top, one without a slash any
// segment of the path.
// Seeds: testdata/fuzz/FuzzGlob.
func FuzzGlob(f *testing.F) {
	f.Fuzz(func(t *testing.T, pattern, name string) {
		g, err := compileGlob(pattern)
		if err != nil {
			return
		}
		got := g.match(name)
		if strings.Contains(pattern, "**") || strings.Contains(pattern, "[!") || g.dirOnly ||
			strings.HasPrefix(pattern, "/") || strings.HasPrefix(pattern, "./") || !cleanRel(name) {
			return
		}
		segs := strings.Split(name, "/")
		want := false
		for k := 1; k <= len(segs); k++ {
			var ok bool
			if strings.Contains(pattern, "/") {
				ok, _ = path.Match(pattern, strings.Join(segs[:k], "/"))
			} else {
				ok, _ = path.Match(pattern, segs[k-1])
			}
			want = want || ok
		}
		if got != want {
			t.Errorf("glob %q on %q: %v, path.Match says %v", pattern, name, got, want)
		}
	})
}

// cleanRel reports whether name is a path as Config.rel makes them:
// relative, slash-separated, without empty, "." or ".." segments.
func cleanRel(name string) bool {
	if name == "" {
		return false
	}
	for _, s := range strings.Split(name, "/") {
		if s == "" || s == "." || s == ".." {
			return false
		}
	}
	return true
}
