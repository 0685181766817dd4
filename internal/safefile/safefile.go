// Package safefile replaces a file whole, or not at all, and never writes
// through a symbolic link: the way profilelint writes the files a user
// asked for (report files, the baseline), which may sit in a checkout
// whose author chose what its paths are.
//
// A File is written to a temporary file in the target's folder and renamed
// over the target when complete, so that a failed write (a full disk)
// leaves the old file as it was, never an empty or cut one, and a reader
// sees the old file or the new. A target that is a symbolic link is
// refused: writing through it would put the text wherever the link points
// (a link committed as profilelint.sarif, pointing at ~/.gitconfig), and
// replacing it would silently turn a file git tracks as a link into a
// regular one.
package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/profilelint/profilelint/internal/fserr"
)

// ErrLink is returned for a target that is a symbolic link.
var ErrLink = errors.New("a symbolic link; not written through (remove the link, or name another file)")

// File is a replacement of a file on its way.
type File struct {
	path string
	mode fs.FileMode // the old file's, kept; 0 for a new file
	tmp  *os.File
	// stream is set for a device or pipe (/dev/null, /dev/stdout, a
	// FIFO): written in place, as there is nothing to replace.
	stream bool
}

// Create checks the target and opens the temporary file, so that a file
// that cannot be written is known before any work is done. A device or a
// pipe, or a link to one (/dev/stdout), is written in place: what a link
// must never do is lead a write to a regular file.
func Create(path string) (*File, error) {
	f := &File{path: path}
	info, err := os.Lstat(path)
	if err == nil && info.Mode()&fs.ModeSymlink != 0 {
		target, serr := os.Stat(path)
		if serr != nil || target.Mode().IsRegular() || target.IsDir() {
			return nil, ErrLink
		}
		info = target
	}
	switch {
	case err == nil && (info.Mode()&fs.ModeCharDevice != 0 || info.Mode()&fs.ModeNamedPipe != 0):
		out, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, fserr.Cause(err)
		}
		return &File{path: path, tmp: out, stream: true}, nil
	case err == nil && !info.Mode().IsRegular():
		return nil, errors.New("not a regular file")
	case err == nil:
		f.mode = info.Mode().Perm()
	case !errors.Is(err, fs.ErrNotExist):
		return nil, fserr.Cause(err)
	}
	if f.tmp, err = CreateTemp(path, 0o644); err != nil {
		return nil, fserr.Cause(err)
	}
	return f, nil
}

// CreateTemp opens a new temporary file beside path, to be renamed over
// it, named .NAME.profilelint-DIGITS (IsTempName): the one pattern of
// every file profilelint writes this way, so that a copy left by a killed
// run is recognised whoever left it. Its mode is perm (0644 for a new
// file, like any file an editor writes), less the umask.
func CreateTemp(path string, perm fs.FileMode) (*os.File, error) {
	dir, base := filepath.Split(path)
	for range 100 {
		name := filepath.Join(dir, "."+base+tempInfix+strconv.FormatUint(uint64(rand.Uint32()), 10))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, errors.New("cannot find a free temporary file name")
}

// tempInfix comes between the name of the file replaced and the random
// digits in the names of temporary files.
const tempInfix = ".profilelint-"

// IsTempName reports whether name is one CreateTemp makes: "." + a name +
// tempInfix + the decimal digits of a uint32.
func IsTempName(name string) bool {
	i := strings.LastIndex(name, tempInfix)
	if i < 2 || name[0] != '.' {
		return false
	}
	digits := name[i+len(tempInfix):]
	if len(digits) == 0 || len(digits) > len("4294967295") {
		return false
	}
	for _, c := range []byte(digits) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func (f *File) Write(p []byte) (int, error) { return f.tmp.Write(p) }

// Commit puts the finished file in place. The rename replaces whatever
// the path is by then, a link included, and writes through none.
func (f *File) Commit() error {
	if f.stream {
		if err := f.tmp.Close(); err != nil {
			return fmt.Errorf("writing %s: %w", f.path, fserr.Cause(err))
		}
		return nil
	}
	err := f.tmp.Sync()
	if cerr := f.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil && f.mode != 0 {
		err = os.Chmod(f.tmp.Name(), f.mode)
	}
	if err == nil {
		err = os.Rename(f.tmp.Name(), f.path)
	}
	if err != nil {
		os.Remove(f.tmp.Name())
		return fmt.Errorf("writing %s: %w; the file is as it was", f.path, fserr.Cause(err))
	}
	return nil
}

// Abort drops the replacement: the file stays as it was.
func (f *File) Abort() {
	f.tmp.Close()
	if !f.stream {
		os.Remove(f.tmp.Name())
	}
}
