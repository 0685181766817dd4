package fix

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestWriteRefusesAReadOnlyFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.yaml")
	write(t, path, "old\n")
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	err := new(Writer).Write(path, []byte("old\n"), []byte("new\n"))
	if !errors.Is(err, ErrReadOnly) {
		t.Fatalf("err = %v, want ErrReadOnly", err)
	}
	if want := path + ": read-only; not written"; err.Error() != want {
		t.Fatalf("err = %q, want %q", err, want)
	}
	if got, _ := os.ReadFile(path); string(got) != "old\n" {
		t.Fatalf("file holds %q", got)
	}
	assertNoTemp(t, dir)

	if err := (&Writer{Force: true}).Write(path, []byte("old\n"), []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	if got, _ := os.ReadFile(path); string(got) != "new\n" || info.Mode().Perm() != 0o444 {
		t.Fatalf("forced: got %q mode %v, want \"new\\n\" and 0444", got, info.Mode())
	}
}

// A file its owner may not write is read-only for its owner even when
// others may write it (the owner's class of bits applies); root may write
// it, so this is for non-root runs.
func TestWriteRefusesAFileTheUserMayNotWrite(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write any file")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "p.yaml")
	write(t, path, "old\n")
	if err := os.Chmod(path, 0o466); err != nil {
		t.Fatal(err)
	}
	if err := new(Writer).Write(path, []byte("old\n"), []byte("new\n")); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("err = %v, want ErrReadOnly", err)
	}
}

// The sweep takes stale temporary files of ours, once per folder, and
// nothing else: not a fresh one, not a link (nor what it points to), not
// a folder.
func TestWriteSweepsStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.yaml")
	write(t, path, "old\n")
	start := time.Now()
	old := start.Add(-StaleAge - time.Minute)
	young := start.Add(-StaleAge + time.Minute)
	at := func(name string, mt time.Time) string {
		p := filepath.Join(dir, name)
		if err := os.Chtimes(p, mt, mt); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write(t, filepath.Join(dir, ".p.yaml.profilelint-1"), "stale")
	write(t, filepath.Join(dir, ".q.yaml.profilelint-2"), "stale")
	write(t, filepath.Join(dir, ".p.yaml.profilelint-3"), "young")
	write(t, filepath.Join(dir, ".p.yaml.profilelint-x"), "not ours")
	write(t, filepath.Join(dir, "kept"), "a link's target")
	mkdir(t, filepath.Join(dir, ".d.profilelint-4"))
	stale1, stale2 := at(".p.yaml.profilelint-1", old), at(".q.yaml.profilelint-2", old)
	at(".p.yaml.profilelint-3", young)
	at(".p.yaml.profilelint-x", old)
	at("kept", old)
	at(".d.profilelint-4", old)
	link := filepath.Join(dir, ".l.profilelint-5")
	if err := os.Symlink("kept", link); err != nil {
		t.Fatal(err)
	}
	// An old link, not only an old target (Chtimes follows links).
	if out, err := exec.Command("touch", "-h", "-d", "2020-01-02 03:04:05", link).CombinedOutput(); err != nil {
		t.Logf("the link keeps its own time: touch -h: %v %s", err, out)
	}

	var removed []string
	w := &Writer{Start: start, Removed: func(p string) { removed = append(removed, p) }}
	if err := w.Write(path, []byte("old\n"), []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	slices.Sort(removed)
	if !slices.Equal(removed, []string{stale1, stale2}) {
		t.Fatalf("removed %q, want %q", removed, []string{stale1, stale2})
	}
	var left []string
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		left = append(left, e.Name())
	}
	want := []string{".d.profilelint-4", ".l.profilelint-5", ".p.yaml.profilelint-3", ".p.yaml.profilelint-x", "kept", "p.yaml"}
	if !slices.Equal(left, want) {
		t.Fatalf("left %q, want %q", left, want)
	}

	// Once per folder: a copy left meanwhile is the next run's.
	write(t, stale1, "stale")
	at(".p.yaml.profilelint-1", old)
	if err := w.Write(path, []byte("new\n"), []byte("newer\n")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(stale1); err != nil || len(removed) != 2 {
		t.Fatalf("second write in the folder swept it again: %v, removed %q", err, removed)
	}

	// The zero Writer removes nothing.
	if err := new(Writer).Write(path, []byte("newer\n"), []byte("newest\n")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(stale1); err != nil {
		t.Fatalf("the zero Writer removed %s", stale1)
	}
}

// The sweep happens only where Write writes: not for a file it refuses.
func TestWriteDoesNotSweepForARefusedFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "p.yaml")
	write(t, path, "edited meanwhile\n")
	stale := filepath.Join(dir, ".p.yaml.profilelint-1")
	write(t, stale, "stale")
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	w := &Writer{Start: time.Now()}
	if err := w.Write(path, []byte("old\n"), []byte("new\n")); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("err = %v, want ErrReadOnly", err)
	}
	if _, err := os.Lstat(stale); err != nil {
		t.Fatalf("swept a folder it did not write in: %v", err)
	}
}
