package fix

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrChanged is returned by Write for a file that changed on disk after it
// was read: writing would lose the other change.
var ErrChanged = errors.New("changed on disk since it was read; not written")

// WriteError is a file that could not be replaced. The file is as it was.
type WriteError struct {
	Path string
	Op   string // what failed, e.g. "creating a temporary file in examples"
	Err  error
}

func (e *WriteError) Error() string {
	if e.Op == "" {
		return fmt.Sprintf("%s: %v", e.Path, e.Err)
	}
	return fmt.Sprintf("%s: %s: %v; the file is unchanged", e.Path, e.Op, e.Err)
}

func (e *WriteError) Unwrap() error { return e.Err }

// ErrReadOnly is returned by Write for a file that its mode marks as not
// to be written. Replacing a file takes write permission on its folder
// only, so without this check a read-only file would be rewritten like
// any other; Writer.Force writes it all the same.
var ErrReadOnly = errors.New("read-only; not written")

// A Writer replaces files with their fixed text (see Write). The zero
// Writer refuses read-only files.
type Writer struct {
	// Force writes read-only files too.
	Force bool
}

// Write replaces the file at path with data, atomically: data goes to a
// temporary file in the same folder, which is synced, closed, given the
// original's permissions and renamed over it, so that readers see the old
// file or the new one and never a part. read is what the file held when
// the fix was computed; when the file no longer holds it, nothing is
// written and the error is ErrChanged. A read-only file is not written
// (ErrReadOnly) unless w.Force. On any failure the original is left as it
// was and the temporary file is removed.
//
// A symbolic link is followed and its target replaced. A rename gives the
// file a new inode: hard links to it keep the old text. The owner and
// group are kept where the writer may set them (root), else they are the
// writer's.
func (w *Writer) Write(path string, read, data []byte) (err error) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return &WriteError{Path: path, Err: unwrapPath(err)}
	}
	info, err := os.Stat(target)
	if err != nil {
		return &WriteError{Path: path, Err: unwrapPath(err)}
	}
	if !info.Mode().IsRegular() {
		return &WriteError{Path: path, Err: errors.New("not a regular file; not written")}
	}
	if !w.Force && readOnly(target, info) {
		return &WriteError{Path: path, Err: ErrReadOnly}
	}
	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+".profilelint-*")
	if err != nil {
		return &WriteError{Path: path, Op: "creating a temporary file in " + dir, Err: unwrapPath(err)}
	}
	closed := false
	defer func() {
		if err != nil {
			if !closed {
				tmp.Close()
			}
			os.Remove(tmp.Name())
		}
	}()
	fail := func(op string, e error) error {
		return &WriteError{Path: path, Op: op, Err: unwrapPath(e)}
	}
	if _, err := tmp.Write(data); err != nil {
		return fail("writing a temporary copy", err)
	}
	if err := tmp.Sync(); err != nil {
		return fail("syncing a temporary copy", err)
	}
	closed = true
	if err := tmp.Close(); err != nil {
		return fail("closing a temporary copy", err)
	}
	// Owner first: a change of owner clears the set-id bits that Chmod
	// then sets again.
	keepOwner(tmp.Name(), info)
	if err := os.Chmod(tmp.Name(), info.Mode()&(fs.ModePerm|fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky)); err != nil {
		return fail("setting the mode of a temporary copy", err)
	}
	// The file must still hold what the fix was computed from. (A writer
	// that slips in between this check and the rename is not detected:
	// no portable lock covers that.)
	now, err := os.ReadFile(target)
	if err != nil {
		return fail("re-reading the file", err)
	}
	if !bytes.Equal(now, read) {
		return &WriteError{Path: path, Err: ErrChanged}
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return fail("renaming a temporary copy over it", err)
	}
	// Make the rename itself durable; a folder that cannot be synced
	// (some file systems refuse) still holds the new file.
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
