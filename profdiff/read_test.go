package profdiff

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/profilelint/profilelint/lint"
	"github.com/profilelint/profilelint/profiles"
)

// A folder holding links is still read: the links are skipped, as lint's
// walk skips them, and said.
func TestReadTreeSkipsLinks(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "outside.yaml")
	for p, data := range map[string][]byte{
		filepath.Join(dir, "a.yaml"):     file("INFRAS.PLATFORM.P2", "A b c", 2, 4),
		filepath.Join(dir, "sub/b.yaml"): file("INFRAS.PLATFORM.P3", "A b c", 2, 4),
		outside:                          file("INFRAS.PLATFORM.P4", "A b c", 2, 4),
	} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(outside, filepath.Join(dir, "link.yaml")); err != nil {
		t.Skip(err)
	}
	if err := os.Symlink(".", filepath.Join(dir, "sub/loop")); err != nil {
		t.Fatal(err)
	}
	ins, skipped, err := ReadTree(dir, profiles.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, in := range ins {
		paths = append(paths, filepath.ToSlash(in.Path))
	}
	if got, want := strings.Join(paths, " "), "a.yaml sub/b.yaml"; got != want {
		t.Errorf("read %s, want %s", got, want)
	}
	if len(skipped) != 2 || !strings.Contains(skipped[0].Error(), "link.yaml: skipped: a symbolic link, not followed") || !strings.Contains(skipped[1].Error(), "loop: skipped") {
		t.Errorf("skipped %v", skipped)
	}
}

// lim is small so that the tests need no megabytes.
var lim = profiles.Limits{MaxBytes: 1000}

func big(n int) []byte {
	return append([]byte("schema: profile/v1\n"), bytes.Repeat([]byte("# a comment line\n"), n/17)...)
}

// overLimit checks that an input was read only as far as the limit
// needs, and that linting it gives lint's finding with the real size.
func overLimit(t *testing.T, in Input, size int) {
	t.Helper()
	if head := profiles.HeadSize(lim); len(in.Data) > head+1 || in.Size != int64(size) {
		t.Errorf("%s: read %d bytes of %d (Size %d); want at most %d", in.Name, len(in.Data), size, in.Size, head+1)
	}
	r := Compare(lint.Config{Limits: lim}, nil, []Input{in}, false)
	want := fmt.Sprintf("the file is %d bytes, over the limit of 1000", size)
	if f := r.Profiles[0].Introduced; len(f) != 1 || f[0].Rule != "syntax" || f[0].Message != want || f[0].File != in.Name {
		t.Errorf("%s: findings %+v; want one syntax finding %q", in.Name, f, want)
	}
}

func TestReadFileBounded(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "big.yaml")
	data := big(100_000)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	in, err := ReadFile(path, lim)
	if err != nil {
		t.Fatal(err)
	}
	overLimit(t, in, len(data))
	// Without a limit, the file is read whole.
	if in, err := ReadFile(path, profiles.Limits{MaxBytes: -1}); err != nil || len(in.Data) != len(data) {
		t.Errorf("no limit: read %d of %d, %v", len(in.Data), len(data), err)
	}
}

func TestRevisionBlobsBounded(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	data := big(100_000)
	small := file("INFRAS.PLATFORM.P2", "A b c", 2, 4)
	if err := os.WriteFile("big.yaml", data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("small.yaml", small, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("small.yaml", "link.yaml"); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"init", "-q"},
		{"add", "."},
		{"-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "x"},
	} {
		if out, err := exec.Command("git", args...).CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	repo, err := OpenRepo()
	if err != nil {
		t.Fatal(err)
	}
	repo.Limits = lim
	ins, _, err := repo.Files("HEAD", []string{"."})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, in := range ins {
		names = append(names, in.Name)
	}
	if got := strings.Join(names, " "); got != "big.yaml small.yaml" {
		t.Fatalf("inputs %s; want big.yaml and small.yaml, not the link", got)
	}
	overLimit(t, ins[0], len(data))
	if !bytes.Equal(ins[1].Data, small) {
		t.Errorf("small.yaml read as %q", ins[1].Data)
	}
}
