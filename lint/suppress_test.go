package lint

import (
	"strings"
	"testing"

	"github.com/profilelint/profilelint/profiles"
)

// shout reports every string value that is all upper case.
var shout = &Rule{
	ID: "shout", Summary: "no shouting", Severity: Warning,
	Run: func(p *Pass) {
		p.Root.Walk(func(ptr string, n *profiles.Node) {
			if n.Kind == profiles.String && n.Value != "" && strings.ToUpper(n.Value) == n.Value {
				p.Reportf(ptr, "%q shouts", n.Value)
			}
		})
	},
}

func run1(t *testing.T, src string) []Finding {
	t.Helper()
	data := []byte(src)
	res := Run(Config{Rules: []*Rule{shout}}, []Source{{Name: "p.yaml", Read: func() ([]byte, error) { return data, nil }}})
	return res.Findings
}

func summarize(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.String())
		if f.Suppressed != nil {
			b.WriteString(" [suppressed: " + f.Suppressed.Reason + "]")
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func TestSuppressions(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{
			name: "line before covers the node and its children",
			src: `a: LOUD
# profilelint:ignore shout -- legacy titles
b:
  c: LOUD
  d: [LOUD]
e: LOUD
`,
			want: `p.yaml:1:4: warning shout: "LOUD" shouts
p.yaml:4:6: warning shout: "LOUD" shouts [suppressed: legacy titles]
p.yaml:5:7: warning shout: "LOUD" shouts [suppressed: legacy titles]
p.yaml:6:4: warning shout: "LOUD" shouts
`,
		},
		{
			name: "end of line",
			src: `a: LOUD  # profilelint:ignore shout -- acronym
e: LOUD
`,
			want: `p.yaml:1:4: warning shout: "LOUD" shouts [suppressed: acronym]
p.yaml:2:4: warning shout: "LOUD" shouts
`,
		},
		{
			name: "file",
			src: `# profilelint:ignore-file shout -- generated
a: LOUD
e: LOUD
`,
			want: `p.yaml:2:4: warning shout: "LOUD" shouts [suppressed: generated]
p.yaml:3:4: warning shout: "LOUD" shouts [suppressed: generated]
`,
		},
		{
			name: "no reason is not applied and is reported",
			src: `a: LOUD  # profilelint:ignore shout
`,
			want: `p.yaml:1:4: warning shout: "LOUD" shouts
p.yaml:1:10: error invalid-suppression: the directive gives no reason; add one after " -- " (it is not applied without one)
`,
		},
		{
			name: "unknown rule",
			src: `a: LOUD  # profilelint:ignore shuot -- typo
`,
			want: `p.yaml:1:4: warning shout: "LOUD" shouts
p.yaml:1:10: error invalid-suppression: the directive names unknown rule "shuot"
`,
		},
		{
			name: "unused",
			src: `# profilelint:ignore shout -- was loud once
a: quiet
`,
			want: `p.yaml:1:1: warning unused-suppression: the directive for shout suppressed nothing; should it be removed?
`,
		},
		{
			name: "a hash inside a quoted value is not a comment",
			src: `a: "LOUD # profilelint:ignore shout -- no"
`,
			want: `p.yaml:1:4: warning shout: "LOUD # PROFILELINT:IGNORE SHOUT -- NO" shouts
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.src
			if strings.Contains(tt.name, "quoted") {
				src = strings.ToUpper(src)
				src = strings.Replace(src, "A:", "a:", 1)
			}
			if got := summarize(run1(t, src)); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}
