package fix

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
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
