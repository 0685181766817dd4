package safefile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommitFailureKeepsOld: when the finished report cannot be put
// in place, what stood at its path stays, and no temporary file is left.
func TestCommitFailureKeepsOld(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.json")
	r, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Write([]byte(`{"new": true}`)); err != nil {
		t.Fatal(err)
	}
	// Between the check and the rename, a folder takes the report's name.
	if err := os.MkdirAll(filepath.Join(path, "kept"), 0o755); err != nil {
		t.Fatal(err)
	}
	err = r.Commit()
	if err == nil || !strings.Contains(err.Error(), "the file is as it was") {
		t.Fatalf("commit = %v, want a failure that says the file is as it was", err)
	}
	if _, err := os.Stat(filepath.Join(path, "kept")); err != nil {
		t.Errorf("what stood at the path is gone: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only the report's folder (no temporary file)", len(entries))
	}
}

// TestAbortKeepsOld: a dropped report leaves the old one byte for
// byte.
func TestAbortKeepsOld(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	r.Write([]byte("new, but cut"))
	r.Abort()
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("report = %q, want the old one", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a temporary file was left: %d entries", len(entries))
	}
}

// TestCreateRefusesLink: a link at the path is refused and its target is
// untouched.
func TestCreateRefusesLink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "gitconfig")
	if err := os.WriteFile(target, []byte("[user]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "profilelint.sarif")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if _, err := Create(link); err != ErrLink {
		t.Fatalf("Create through a link = %v, want ErrLink", err)
	}
	if b, _ := os.ReadFile(target); string(b) != "[user]\n" {
		t.Errorf("the link's target changed: %q", b)
	}
}

// TestCommitKeepsMode: a replaced file keeps its mode; a new one gets
// 0644 less the umask.
func TestCommitKeepsMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.json")
	if err := os.WriteFile(path, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("new"))
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640 kept", info.Mode().Perm())
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("content %q", b)
	}
}

// TestDevices: /dev/null, and /dev/stdout (a link to a device), are
// written in place; there is nothing to replace and nothing to protect.
func TestDevices(t *testing.T) {
	for _, path := range []string{"/dev/null", "/dev/stdout"} {
		if _, err := os.Stat(path); err != nil {
			continue
		}
		f, err := Create(path)
		if err != nil {
			t.Errorf("Create(%s) = %v", path, err)
			continue
		}
		f.Write(nil)
		if err := f.Commit(); err != nil {
			t.Errorf("Commit(%s) = %v", path, err)
		}
	}
}

func TestIsTempName(t *testing.T) {
	for name, want := range map[string]bool{
		".p.yaml.profilelint-1":           true,
		".p.yaml.profilelint-4294967295":  true,
		".p.profilelint-7.profilelint-3":  true,
		".p.yaml.profilelint-":            false, // no digits
		".p.yaml.profilelint-12a":         false,
		".p.yaml.profilelint-12345678901": false, // more digits than a uint32 has
		"p.yaml.profilelint-1":            false, // no leading dot
		"..profilelint-1":                 false, // no name
		".p.yaml.profilelint-1.bak":       false,
		".p.yaml":                         false,
	} {
		if got := IsTempName(name); got != want {
			t.Errorf("IsTempName(%q) = %v, want %v", name, got, want)
		}
	}
}
