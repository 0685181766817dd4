//go:build unix

package baseline

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestWriteFileMode(t *testing.T) {
	for _, umask := range []int{0o022, 0o002, 0o077} {
		old := syscall.Umask(umask)
		dir := t.TempDir()
		path := filepath.Join(dir, "base.json")
		err := WriteFile(path, run(t, map[string]string{"p.yaml": before}))
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := info.Mode().Perm(), fs.FileMode(0o644&^umask); got != want {
			t.Errorf("umask %03o: mode %03o, want %03o", umask, got, want)
		}
		if _, err := Read(path); err != nil {
			t.Errorf("what was written does not read back: %v", err)
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 {
			t.Errorf("temporary files left: %v", entries)
		}
	}
}

func TestWriteFileRefusesLink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "elsewhere")
	if err := os.WriteFile(target, []byte("keep me\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "base.json")
	if err := os.Symlink(target, link); err != nil {
		t.Skip(err)
	}
	err := WriteFile(link, run(t, map[string]string{"p.yaml": before}))
	if err == nil || !strings.Contains(err.Error(), "a symbolic link; not written") {
		t.Errorf("err = %v", err)
	}
	if data, _ := os.ReadFile(target); string(data) != "keep me\n" {
		t.Errorf("the link's target was written: %q", data)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced")
	}
	// A folder in the way is refused too, and nothing is left behind.
	if err := WriteFile(dir, run(t, map[string]string{"p.yaml": before})); err == nil {
		t.Error("wrote over a folder")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("files left: %v", entries)
	}
}

// TestReadRefusesDevicesAndHugeFiles: a baseline linked to a device, or
// larger than MaxSize, is refused with its name before it is read whole.
func TestReadRefusesDevicesAndHugeFiles(t *testing.T) {
	dir := t.TempDir()
	dev := filepath.Join(dir, "dev.json")
	if err := os.Symlink("/dev/zero", dev); err != nil {
		t.Skip(err)
	}
	if _, err := Read(dev); err == nil || !strings.Contains(err.Error(), "dev.json: not a regular file") {
		t.Errorf("Read(link to /dev/zero) = %v", err)
	}
	huge := filepath.Join(dir, "huge.json")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxSize + 1); err != nil { // sparse: no disk used
		t.Skip(err)
	}
	f.Close()
	if _, err := Read(huge); err == nil || !strings.Contains(err.Error(), "huge.json: larger than 256 MiB") {
		t.Errorf("Read(huge) = %v", err)
	}
}
