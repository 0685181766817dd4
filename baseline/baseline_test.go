package baseline

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/rules"
)

func run(t *testing.T, files map[string]string) *lint.Result {
	t.Helper()
	var src []lint.Source
	for name, text := range files {
		data := []byte(text)
		src = append(src, lint.Source{Name: name, Read: func() ([]byte, error) { return data, nil }})
	}
	return lint.Run(lint.Config{Rules: []*lint.Rule{rules.Lookup("placeholder")}}, src)
}

const before = `id: INFRAS.PLATFORM.P3
summary: TODO
skills:
  - name: Go
    description: TBD
`

// A line added above both findings moves them; one more placeholder is new.
const after = `# a comment that moves every line down
id: INFRAS.PLATFORM.P3
summary: TODO
skills:
  - name: Go
    description: TBD
  - name: Rust
    description: TODO
`

func messages(res *lint.Result) string {
	var b strings.Builder
	for _, f := range res.Findings {
		b.WriteString(f.Pointer + " " + f.Message + "\n")
	}
	return b.String()
}

func TestNewSinceIgnoresMovedLines(t *testing.T) {
	old := run(t, map[string]string{"p.yaml": before})
	cur := run(t, map[string]string{"p.yaml": after})
	if len(cur.Findings) != 3 {
		t.Fatalf("want 3 findings now, got:\n%s", messages(cur))
	}
	NewSince(cur, old)
	if got, want := messages(cur), "/skills/1/description placeholder \"TODO\"; write the real text\n"; got != want {
		t.Errorf("new findings:\n%s\nwant:\n%s", got, want)
	}
}

func TestNewSinceCountsCopies(t *testing.T) {
	old := run(t, map[string]string{"p.yaml": "id: A.B.P1\nsummary: TODO\n"})
	cur := run(t, map[string]string{"p.yaml": "id: A.B.P1\nsummary: TODO\n", "q.yaml": "id: A.B.P1\nsummary: TODO\n"})
	NewSince(cur, old)
	if len(cur.Findings) != 1 || cur.Findings[0].File != "q.yaml" {
		t.Errorf("want the second copy, in q.yaml, as new; got:\n%v", cur.Findings)
	}
}

func TestBaselineAcceptsAndReportsStale(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, run(t, map[string]string{"p.yaml": before})); err != nil {
		t.Fatal(err)
	}
	var base File
	if err := json.Unmarshal(buf.Bytes(), &base); err != nil || len(base.Entries) != 2 {
		t.Fatalf("baseline: %v, %d entries; want 2:\n%s", err, len(base.Entries), buf.String())
	}
	// The TBD is fixed, the TODO moved, a new TODO came.
	cur := run(t, map[string]string{"p.yaml": strings.Replace(after, "TBD", "Writes services in Go", 1)})
	stale := Filter(cur, &base)
	if got, want := messages(cur), "/skills/1/description placeholder \"TODO\"; write the real text\n"; got != want {
		t.Errorf("after the baseline:\n%s\nwant:\n%s", got, want)
	}
	if len(stale) != 1 || stale[0].Pointer != "/skills/0/description" {
		t.Errorf("stale entries: %+v; want the fixed TBD", stale)
	}
}

// A file name is any bytes, and a profile without an id is known by its
// file name: its finding still matches its entry after the trip through
// the JSON file, which carries only UTF-8.
func TestBaselineFileNameNotUTF8(t *testing.T) {
	name := "bad-\xff\xfe.yaml"
	res := run(t, map[string]string{name: "summary: [unclosed\n"})
	if len(res.Findings) != 1 {
		t.Fatalf("findings %v", res.Findings)
	}
	var buf bytes.Buffer
	if err := Write(&buf, res); err != nil {
		t.Fatal(err)
	}
	base, err := parse(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if stale := Filter(res, base); len(stale) != 0 || len(res.Findings) != 0 {
		t.Errorf("not accepted: findings %v, stale %v", res.Findings, stale)
	}
}

// NewSinceSame matches the findings of a file that is the same on both
// sides without its text: here the new side no longer holds p.yaml's
// source (as after a warm run), which NewSince would need, and p.yaml's
// findings are still not new. q.yaml changed: its new TODO is.
func TestNewSinceSameNeedsNoText(t *testing.T) {
	old := run(t, map[string]string{"p.yaml": before, "q.yaml": before})
	cur := run(t, map[string]string{"p.yaml": before, "q.yaml": after})
	delete(cur.Sources, "p.yaml")
	NewSinceSame(cur, old, func(file string) bool { return file == "p.yaml" })
	if got, want := messages(cur), "/skills/1/description placeholder \"TODO\"; write the real text\n"; got != want || cur.Findings[0].File != "q.yaml" {
		t.Errorf("new findings:\n%s\nwant, in q.yaml:\n%s", got, want)
	}
	// With one more copy of a finding in a file that is the same, the copy
	// is left to NewSince, and is new there.
	old = run(t, map[string]string{"p.yaml": before})
	cur = run(t, map[string]string{"p.yaml": before})
	cur.Findings = append(cur.Findings, cur.Findings[0])
	NewSinceSame(cur, old, func(string) bool { return true })
	if len(cur.Findings) != 1 {
		t.Errorf("want the extra copy as new; got:\n%s", messages(cur))
	}
}
