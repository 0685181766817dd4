package importer

import (
	"errors"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/profiles"
)

// FuzzImport checks that any text either imports to a YAML file that
// parses back to the same texts, or is refused with an error at a line of
// the page; never a panic. The seeds (testdata/fuzz/FuzzImport) are the
// seed page, truncated at many lines and inside a line, with CRLF and a
// byte-order mark, in other section forms, and texts that are no profile.
func FuzzImport(f *testing.F) {
	f.Add("Title — P1\nINFRAS.X1.P1\ncard\nlead\nFocus — X\ndescription\n")
	f.Fuzz(func(t *testing.T, page string) {
		r, err := Parse("page.txt", []byte(page), Options{})
		if err != nil {
			var pe *PageError
			if !errors.As(err, &pe) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if n := strings.Count(page, "\n") + 2; pe.Line < 1 || pe.Line > n {
				t.Fatalf("error at line %d of a page of %d lines: %v", pe.Line, n-1, err)
			}
			return
		}
		out := r.Profile.YAML("page.txt")
		if len(out) > profiles.DefaultLimits.MaxBytes {
			return
		}
		file, err := profiles.Parse("out.yaml", out)
		if err != nil {
			t.Fatalf("the output does not parse: %v\n%s", err, out)
		}
		root, p := file.Root, r.Profile
		check := func(ptr, want string) {
			t.Helper()
			if got := root.Lookup(ptr); got == nil || got.Text() != want {
				t.Fatalf("%s reads back as %+v, want %q\n%s", ptr, got, want, out)
			}
		}
		check("/id", p.ID)
		check("/function/code", p.FunctionCode)
		check("/focus/code", p.FocusCode)
		check("/level/code", p.LevelCode)
		for i, lv := range p.Responsibilities {
			check(profiles.Pointer("responsibilities", i, "level"), lv.Level)
		}
		for i, g := range p.Guidelines {
			check(profiles.Pointer("level_guidelines", i, "level"), g.Level)
		}
		check("/title", p.Title)
		check("/summary", *p.Summary)
		check("/focus/name", *p.FocusName)
		check("/focus/description", *p.FocusDescription)
		for i, lv := range p.Responsibilities {
			for j, it := range lv.Items {
				check(profiles.Pointer("responsibilities", i, "items", j), it)
			}
		}
		for i, s := range p.Skills {
			check(profiles.Pointer("skills", i, "name"), s.Name)
			check(profiles.Pointer("skills", i, "description"), s.Description)
		}
		for i, g := range p.Guidelines {
			if g.Education != nil {
				check(profiles.Pointer("level_guidelines", i, "education"), *g.Education)
			}
		}
		for k, v := range p.Level {
			check("/level/"+k, v)
		}
		for i, a := range p.Aliases {
			check(profiles.Pointer("title_aliases", i), a)
		}
		for i, c := range p.Classes {
			check(profiles.Pointer("classification", i, "code"), c.Code)
			if c.Source != "" {
				check(profiles.Pointer("classification", i, "source"), c.Source)
			}
		}
	})
}
