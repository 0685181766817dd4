package baseline

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"

	"github.com/profilelint/profilelint/lint"
)

// WriteFile writes a baseline of a result's findings to path, which a
// team commits: mode 0644 less the umask, like any file its editor
// writes. The file is written whole to a temporary file in the same
// folder and renamed over path, so that a reader never sees half of it.
//
// A path that is a symbolic link is refused. Writing through it would put
// the baseline wherever the link points, which in a cloned repository its
// author chose; replacing the link would silently turn a file the
// repository tracks as a link into a regular one. Neither is what
// "profilelint baseline" was asked for, so the user says where instead.
func WriteFile(path string, res *lint.Result) (err error) {
	if info, err := os.Lstat(path); err == nil {
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			return fmt.Errorf("writing %s: a symbolic link; not written (name the file it points to, or remove the link)", path)
		case !info.Mode().IsRegular():
			return fmt.Errorf("writing %s: not a regular file; not written", path)
		}
	}
	tmp, err := createTemp(filepath.Dir(path))
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := Write(tmp, res); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// createTemp is os.CreateTemp with mode 0644 instead of 0600: the
// umask, applied by the system as for any new file, is what the user
// asked new files to be.
func createTemp(dir string) (*os.File, error) {
	for range 100 {
		name := filepath.Join(dir, ".profilelint-baseline-"+strconv.FormatUint(uint64(rand.Uint32()), 10)+".tmp")
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, errors.New("cannot find a free temporary file name")
}
