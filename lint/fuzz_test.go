package lint

import (
	"strings"
	"testing"

	"github.com/profilelint/profilelint/profiles"
)

// FuzzDirectives feeds the suppression-comment parser any file: it never
// panics, every directive it accepts names known rules and has a reason,
// and every complaint is at a line of the file.
//
//	go test -run '^$' -fuzz '^FuzzDirectives$' -parallel 1 ./lint
func FuzzDirectives(f *testing.F) {
	for _, seed := range []string{
		"a: x  # profilelint:ignore shout -- reason\n",
		"# profilelint:ignore shout,shout -- two\nb:\n  c: [x]\n",
		"# profilelint:ignore-file shout -- whole file\n",
		"a: x # profilelint:ignore\n",
		"a: \"# profilelint:ignore shout -- in quotes\"\n",
		"a: 'it''s # profilelint:ignore shout -- x'\n",
		"#profilelint:ignore shout--no space\n- x\n",
		"# profilelint:ignore shout -- at the end, nothing follows",
		"- # profilelint:ignore shout -- in a list\n  - x\n",
		"a: [\n# profilelint:ignore unknown -- y\n]\n",
	} {
		f.Add(seed)
	}
	known := map[string]bool{"shout": true, Syntax.ID: true}
	f.Fuzz(func(t *testing.T, src string) {
		file, _ := profiles.Parse("p.yaml", []byte(src))
		ds, bad := parseDirectives(file, known)
		lines := file.Lines()
		for _, d := range ds {
			if d.Reason == "" || len(d.Rules) == 0 {
				t.Fatalf("accepted a directive without reason or rule: %+v", d)
			}
			for _, id := range d.Rules {
				if !known[id] {
					t.Fatalf("accepted unknown rule %q", id)
				}
			}
			if d.Line < 1 || d.Line > lines || !d.File && (d.TargetLn < 1 || d.TargetLn > lines) {
				t.Fatalf("directive outside the file: %+v (%d lines)", d, lines)
			}
			if !strings.Contains(file.Line(d.Line), "profilelint:") {
				t.Fatalf("directive at line %d, which holds none: %q", d.Line, file.Line(d.Line))
			}
		}
		for _, b := range bad {
			if b.Line < 1 || b.Line > lines || b.Rule != InvalidSuppression.ID {
				t.Fatalf("bad complaint: %+v", b)
			}
		}
	})
}
