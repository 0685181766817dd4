package fix

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/internal/safefile"
	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

func TestApply(t *testing.T) {
	src := []byte("abcdef")
	tests := []struct {
		name  string
		edits []lint.Edit
		want  string
		err   string
	}{
		{"none", nil, "abcdef", ""},
		{"any order", []lint.Edit{{Start: 4, End: 5, New: "E"}, {Start: 0, End: 1, New: "A"}}, "AbcdEf", ""},
		{"insert and delete", []lint.Edit{{Start: 6, End: 6, New: "!"}, {Start: 1, End: 3}}, "adef!", ""},
		{"edits that meet", []lint.Edit{{Start: 1, End: 3, New: "X"}, {Start: 3, End: 5, New: "Y"}}, "aXYf", ""},
		{"insert before a replacement", []lint.Edit{{Start: 2, End: 4, New: "X"}, {Start: 2, End: 2, New: "<"}}, "ab<Xef", ""},
		{"overlap", []lint.Edit{{Start: 1, End: 4}, {Start: 3, End: 5}}, "", "overlap"},
		{"two inserts at one place", []lint.Edit{{Start: 2, End: 2, New: "x"}, {Start: 2, End: 2, New: "y"}}, "", "overlap"},
		{"insert inside a replacement", []lint.Edit{{Start: 1, End: 4, New: "X"}, {Start: 2, End: 2, New: "y"}}, "", "overlap"},
		{"past the end", []lint.Edit{{Start: 5, End: 7}}, "", "outside"},
		{"backwards", []lint.Edit{{Start: 3, End: 2}}, "", "outside"},
		{"negative", []lint.Edit{{Start: -1, End: 2}}, "", "outside"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Apply(src, tt.edits)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || string(got) != tt.want {
				t.Fatalf("got %q, %v; want %q", got, err, tt.want)
			}
			if string(src) != "abcdef" {
				t.Fatalf("src changed: %q", src)
			}
		})
	}
}

func finding(line int, rule string, edits ...lint.Edit) lint.Finding {
	return lint.Finding{Rule: rule, File: "f", Line: line, Column: 1, Message: rule, Fixes: []lint.Fix{{Message: "m", Edits: edits}}}
}

func TestSelectDropsOverlapsInOrder(t *testing.T) {
	fs := []lint.Finding{
		finding(1, "a", lint.Edit{Start: 0, End: 4}),
		finding(2, "b", lint.Edit{Start: 2, End: 6}),                              // clashes with a
		finding(3, "c", lint.Edit{Start: 6, End: 8}, lint.Edit{Start: 4, End: 5}), // meets a, clashes with nothing picked
		finding(4, "d", lint.Edit{Start: 1, End: 0}),                              // malformed
		{Rule: "e", Line: 5, Fixes: []lint.Fix{{Edits: []lint.Edit{{Start: 9, End: 10}}}}, Suppressed: &lint.Suppression{Reason: "r"}},
		{Rule: "g", Line: 6},
		finding(7, "h", lint.Edit{Start: 8, End: 9}, lint.Edit{Start: 8, End: 10}), // overlaps itself
	}
	picked, skipped, bad := Select(fs, 10)
	var got []string
	for _, c := range picked {
		got = append(got, c.Finding.Rule)
	}
	if strings.Join(got, ",") != "a,c" {
		t.Errorf("picked %v, want a,c", got)
	}
	if len(skipped) != 1 || skipped[0].Finding.Rule != "b" {
		t.Errorf("skipped %+v, want b", skipped)
	}
	if len(bad) != 2 || bad[0].Finding.Rule != "d" || bad[1].Finding.Rule != "h" {
		t.Errorf("bad %+v, want d and h", bad)
	}
}

const profile = `# a comment that stays
schema: profile/v1
id: 'INFRAS.PLAT.P1'   # quoted, with a comment
title:   "Platform — P1"
items:
  - one
  - two
`

// handRule reports one finding per marker text, with a fix made by edit.
func handRule(id string, edit func(src []byte) []lint.Edit) *lint.Rule {
	return &lint.Rule{ID: id, Severity: lint.Warning, Run: func(p *lint.Pass) {
		if es := edit(p.File.Src); len(es) > 0 {
			f := p.At("/id")
			f.Message = id + " wants a change"
			f.Fixes = []lint.Fix{{Message: id, Edits: es}}
			p.Report(f)
		}
	}}
}

// replaceRule replaces the first old with new, while old is there.
func replaceRule(id, old, new string) *lint.Rule {
	return handRule(id, func(src []byte) []lint.Edit {
		i := bytes.Index(src, []byte(old))
		if i < 0 {
			return nil
		}
		return []lint.Edit{{Start: i, End: i + len(old), New: new}}
	})
}

// guardRule is a stand-in for the schema rule: a title must not be empty.
var guardRule = &lint.Rule{ID: "schema", Severity: lint.Error, Run: func(p *lint.Pass) {
	if t := p.Root.Get("title"); t == nil || t.Text() == "" {
		p.Reportf("", "title is missing")
	}
}}

func opts(rs ...*lint.Rule) Options {
	return Options{Config: lint.Config{Rules: append(rs, guardRule)}, Guards: []*lint.Rule{guardRule}}
}

func TestFileKeepsEverythingElse(t *testing.T) {
	r := File(opts(replaceRule("spaces", "title:   ", "title: ")), "f.yaml", []byte(profile))
	want := strings.Replace(profile, "title:   ", "title: ", 1)
	if string(r.New) != want {
		t.Fatalf("got\n%s\nwant\n%s", r.New, want)
	}
	if len(r.Fixed) != 1 || len(r.Refused) != 0 || r.Unsettled || !r.Changed() {
		t.Fatalf("result %+v", r)
	}
	// Fixing again changes nothing.
	again := File(opts(replaceRule("spaces", "title:   ", "title: ")), "f.yaml", r.New)
	if again.Changed() || len(again.Fixed) != 0 {
		t.Fatalf("second run changed the file: %q", again.New)
	}
}

func TestFileKeepsTheByteOrderMark(t *testing.T) {
	in := append([]byte("\xef\xbb\xbf"), profile...)
	r := File(opts(replaceRule("spaces", "title:   ", "title: ")), "f.yaml", in)
	want := "\xef\xbb\xbf" + strings.Replace(profile, "title:   ", "title: ", 1)
	if string(r.New) != want {
		t.Fatalf("got %q\nwant %q", r.New, want)
	}
}

func TestFileRefusesBrokenYAML(t *testing.T) {
	breaks := replaceRule("breaks", "  - two\n", "  - [two\n")
	fine := replaceRule("spaces", "title:   ", "title: ")
	r := File(opts(breaks, fine), "f.yaml", []byte(profile))
	want := strings.Replace(profile, "title:   ", "title: ", 1)
	if string(r.New) != want {
		t.Fatalf("got\n%s\nwant only the good fix:\n%s", r.New, want)
	}
	if len(r.Refused) != 1 || r.Refused[0].Finding.Rule != "breaks" || !strings.Contains(r.Refused[0].Reason, "not be well-formed YAML") {
		t.Fatalf("refused %+v", r.Refused)
	}
	if _, err := profiles.Parse("f.yaml", r.New); err != nil {
		t.Fatal(err)
	}
}

func TestFileRefusesASchemaFinding(t *testing.T) {
	empties := replaceRule("empties", `"Platform — P1"`, `""`)
	r := File(opts(empties), "f.yaml", []byte(profile))
	if r.Changed() {
		t.Fatalf("changed:\n%s", r.New)
	}
	if len(r.Refused) != 1 || !strings.Contains(r.Refused[0].Reason, "would add a finding: schema 2:1: title is missing") {
		t.Fatalf("refused %+v", r.Refused)
	}
}

func TestFileDoesNotTouchABrokenFile(t *testing.T) {
	in := "title: [x\n"
	r := File(opts(replaceRule("x", "x", "y")), "f.yaml", []byte(in))
	if r.Changed() || r.Syntax == nil {
		t.Fatalf("result %+v", r)
	}
}

func TestFileRoundsAreBounded(t *testing.T) {
	// A faulty rule whose fix never removes its finding.
	grows := handRule("grows", func(src []byte) []lint.Edit {
		return []lint.Edit{{Start: len(src), End: len(src), New: "# more\n"}}
	})
	r := File(opts(grows), "f.yaml", []byte(profile))
	if r.Rounds != DefaultRounds || !r.Unsettled {
		t.Fatalf("rounds %d, unsettled %v", r.Rounds, r.Unsettled)
	}
	if got := strings.Count(string(r.New), "# more\n"); got != DefaultRounds {
		t.Fatalf("%d edits applied, want %d", got, DefaultRounds)
	}
}

func TestFileLaterRounds(t *testing.T) {
	// The second fix overlaps the first and applies in the next round.
	a := replaceRule("a", "one", "ONE")
	b := handRule("b", func(src []byte) []lint.Edit {
		i := bytes.Index(src, []byte("- one"))
		if i < 0 {
			return nil
		}
		return []lint.Edit{{Start: i, End: i + len("- one"), New: "- uno"}}
	})
	r := File(opts(a, b), "f.yaml", []byte(profile))
	if !strings.Contains(string(r.New), "- ONE\n") || r.Rounds != 1 {
		t.Fatalf("rounds %d:\n%s", r.Rounds, r.New)
	}
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.yaml")
	if err := os.WriteFile(path, []byte("old\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := new(Writer).Write(path, []byte("old\n"), []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	info, _ := os.Stat(path)
	if string(got) != "new\n" || info.Mode().Perm() != 0o640 {
		t.Fatalf("got %q mode %v", got, info.Mode())
	}
	assertNoTemp(t, dir)
}

// TestWriteRefusesSymlinks: a link is not written through, nor replaced;
// the file it points to keeps its text.
func TestWriteRefusesSymlinks(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.yaml")
	link := filepath.Join(dir, "link.yaml")
	write(t, real, "old\n")
	if err := os.Symlink("real.yaml", link); err != nil {
		t.Skip(err)
	}
	if err := new(Writer).Write(link, []byte("old\n"), []byte("new\n")); !errors.Is(err, safefile.ErrLink) {
		t.Fatalf("err = %v, want safefile.ErrLink", err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Fatal("the link was replaced by a file")
	}
	if got, _ := os.ReadFile(real); string(got) != "old\n" {
		t.Fatalf("target holds %q", got)
	}
	assertNoTemp(t, dir)
}

func TestWriteRefusesAChangedFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.yaml")
	write(t, path, "edited meanwhile\n")
	err := new(Writer).Write(path, []byte("old\n"), []byte("new\n"))
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("err = %v", err)
	}
	if want := path + ": changed on disk since it was read; not written"; err.Error() != want {
		t.Fatalf("err = %q, want %q", err, want)
	}
	if got, _ := os.ReadFile(path); string(got) != "edited meanwhile\n" {
		t.Fatalf("file holds %q", got)
	}
	assertNoTemp(t, dir)
}

func TestWriteFailureLeavesTheOriginal(t *testing.T) {
	// The folder the file is in is gone (replaced by a file): creating the
	// temporary file fails whoever runs the test, root included.
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "p.yaml")
	mkdir(t, filepath.Join(dir, "sub"))
	write(t, path, "old\n")
	err := new(Writer).Write(filepath.Join(dir, "sub", "p.yaml", "x"), []byte("old\n"), []byte("new\n"))
	if err == nil {
		t.Fatal("no error")
	}
	if got, _ := os.ReadFile(path); string(got) != "old\n" {
		t.Fatalf("file holds %q", got)
	}

	// A read-only folder; root writes into it anyway.
	if os.Geteuid() == 0 {
		t.Log("running as root: the read-only folder case is left to non-root runs")
		return
	}
	ro := filepath.Join(dir, "ro")
	mkdir(t, ro)
	path = filepath.Join(ro, "p.yaml")
	write(t, path, "old\n")
	if err := os.Chmod(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = os.Chmod(ro, 0o755) }()
	err = new(Writer).Write(path, []byte("old\n"), []byte("new\n"))
	var we *WriteError
	if !errors.As(err, &we) || !strings.Contains(err.Error(), "creating a temporary file in "+ro) || !strings.Contains(err.Error(), "the file is unchanged") {
		t.Fatalf("err = %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old\n" {
		t.Fatalf("file holds %q", got)
	}
	assertNoTemp(t, ro)
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		if strings.Contains(e.Name(), ".profilelint-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}
