//go:build unix

package profiles

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWalkSaysFIFO: a pipe named like a profile, met in a walk, is
// skipped with a reason (reading it would wait for a writer for ever),
// not passed over in silence.
func TestWalkSaysFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("cannot make a FIFO here:", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.yaml"), []byte("a: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	files, errs := Walk([]string{dir}, WalkOptions{})
	if len(files) != 1 || files[0].Path != filepath.Join(dir, "a.yaml") || files[0].Named {
		t.Errorf("files = %+v, want the regular file only, found by the walk", files)
	}
	var skipped *Skipped
	if len(errs) != 1 || !errors.As(errs[0], &skipped) || skipped.Path != fifo {
		t.Fatalf("errs = %v, want the FIFO skipped", errs)
	}
	if want := "not a regular file (a device, socket or pipe)"; skipped.Why != want {
		t.Errorf("reason %q, want %q", skipped.Why, want)
	}
}

// TestWalkSkip: what WalkOptions.Skip names is not walked; a folder it
// names is not entered; a path named on the command line is not asked.
func TestWalkSkip(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.yaml", "node_modules/x/p.json", "b.yaml"} {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("a: 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var asked []string
	skip := func(p string, isDir bool) bool {
		asked = append(asked, filepath.Base(p))
		return filepath.Base(p) == "node_modules" || filepath.Base(p) == "b.yaml"
	}
	b := filepath.Join(dir, "b.yaml")
	files, _ := Walk([]string{dir, b}, WalkOptions{Skip: skip})
	if len(files) != 2 || files[0].Path != filepath.Join(dir, "a.yaml") || files[1].Path != b || !files[1].Named {
		t.Errorf("files = %+v, want a.yaml walked and b.yaml named", files)
	}
	for _, a := range asked {
		if a == "x" || a == "p.json" {
			t.Errorf("Skip was asked of %s, inside a skipped folder", a)
		}
	}
}
