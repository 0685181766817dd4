package config

import "testing"

func TestGlobMatch(t *testing.T) {
	for _, tc := range []struct {
		glob string
		yes  []string
		no   []string
	}{
		{"*.draft.yaml", []string{"a.draft.yaml", "team/a.draft.yaml", "x/y/z.draft.yaml"}, []string{"a.yaml", "a.draft.yml"}},
		{"legacy/**", []string{"legacy/a.yaml", "legacy/x/y/b.yaml"}, []string{"team/legacy/a.yaml", "legacyx/a.yaml"}},
		{"legacy", []string{"legacy/a.yaml", "team/legacy/a.yaml", "legacy"}, []string{"legacyx/a.yaml"}},
		{"/legacy", []string{"legacy/a.yaml"}, []string{"team/legacy/a.yaml"}},
		{"./legacy", []string{"legacy/a.yaml"}, []string{"team/legacy/a.yaml"}},
		{"drafts/", []string{"drafts/a.yaml", "x/drafts/b.yaml"}, []string{"drafts"}},
		{"**/tmp/*.yaml", []string{"tmp/a.yaml", "x/y/tmp/a.yaml"}, []string{"tmp/sub/a.yaml" /* matched only through its folder */}},
		{"team-?/*.yaml", []string{"team-a/p.yaml"}, []string{"team-ab/p.yaml", "team-a/sub/p.yaml"}},
		{"P[1-3].yaml", []string{"P1.yaml", "x/P3.yaml"}, []string{"P4.yaml"}},
		{"P[!1-3].yaml", []string{"P4.yaml"}, []string{"P1.yaml"}},
		{"P[^1-3].yaml", []string{"P4.yaml"}, []string{"P2.yaml"}},
		{`a\*.yaml`, []string{"a*.yaml"}, []string{"ab.yaml"}},
		{"a/**/b.yaml", []string{"a/b.yaml", "a/x/b.yaml", "a/x/y/b.yaml"}, []string{"b.yaml", "x/a/b.yaml"}},
		{"**", []string{"a.yaml", "x/y.yaml"}, nil},
		{"*", []string{"a.yaml", "x/y.yaml"}, nil},
	} {
		g, err := compileGlob(tc.glob)
		if err != nil {
			t.Errorf("compileGlob(%q): %v", tc.glob, err)
			continue
		}
		for _, p := range tc.yes {
			if !g.match(p) {
				t.Errorf("%q does not match %q", tc.glob, p)
			}
		}
		for _, p := range tc.no {
			if g.match(p) {
				t.Errorf("%q matches %q", tc.glob, p)
			}
		}
		for _, p := range []string{"../a.yaml", "..", "", "/abs/a.yaml"} {
			if g.match(p) {
				t.Errorf("%q matches %q, outside the folder", tc.glob, p)
			}
		}
	}
}

func TestGlobErrors(t *testing.T) {
	for glob, want := range map[string]string{
		"":          "empty glob",
		"  ":        "empty glob",
		"/":         "the glob names no file or folder",
		"a//b":      `empty path segment ("//")`,
		"../x":      `"." and ".." segments are not allowed: globs match files inside the configuration's folder`,
		"a/./b":     `"." and ".." segments are not allowed: globs match files inside the configuration's folder`,
		"a**":       `"**" must be a whole path segment, as in "legacy/**" or "**/draft.yaml"`,
		"x/[ab":     `malformed character class: "[" needs a closing "]"`,
		`trailing\`: `a lone "\" ends a path segment; "\" escapes the character after it`,
	} {
		_, err := compileGlob(glob)
		if err == nil || err.Error() != want {
			t.Errorf("compileGlob(%q) = %v, want %s", glob, err, want)
		}
	}
}
